import QtQuick
import theme

// Body text in a window of whole lines: the window's edges fall between two lines, never
// through one, wherever a flick or "read on" leaves it.
Flickable {
    id: reading

    property alias text: body.text
    property alias textName: body.objectName
    // The height there is for the text; the window is the most whole lines that fit in it.
    property real room: Infinity
    readonly property int pitch: Theme.bodyPitch
    readonly property bool overflows: contentHeight > room
    // How many lines the window holds (when the text overflows it; otherwise it is the
    // text's own height).
    readonly property int linesShown: overflows ? Math.max(1, Math.floor(room / pitch)) : 0
    readonly property bool atEnd: contentY + height >= contentHeight - 1
    // A finger or "read on" is moving the text: it comes to rest on a whole line.
    readonly property bool scrolling: moving || lineSnap.running

    // On by whole lines, keeping the last line read in view; from the end, back to the start.
    function readOn() {
        scrollTo(atEnd ? 0 : contentY + Math.max(1, linesShown - 1) * pitch);
    }
    function scrollTo(y: real) {
        const most = Math.max(0, contentHeight - height);
        lineSnap.to = Math.min(most, Math.max(0, Math.round(y / pitch) * pitch));
        lineSnap.restart();
    }

    height: overflows ? linesShown * pitch : contentHeight
    contentHeight: body.height
    clip: true
    interactive: overflows
    boundsBehavior: Flickable.StopAtBounds
    flickableDirection: Flickable.VerticalFlick
    onMovementEnded: scrollTo(contentY)
    // Other text (the banner's reading follows the page shown) starts at its first line.
    onTextChanged: {
        lineSnap.stop();
        contentY = 0;
    }

    NumberAnimation {
        id: lineSnap
        target: reading
        property: "contentY"
        duration: Theme.calm
        easing.type: Easing.OutCubic
    }

    Text {
        id: body
        textFormat: Text.PlainText
        width: Math.min(reading.width, Theme.measure(font.pixelSize))
        color: Theme.text
        font.pixelSize: Theme.bodySize
        wrapMode: Text.Wrap
        // Every line the same height, so a window of whole lines is exact.
        lineHeightMode: Text.FixedHeight
        lineHeight: reading.pitch
    }
}
