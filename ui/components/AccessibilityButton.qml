pragma ComponentBehavior: Bound
import QtQuick
import theme

// The accessibility button: the international accessibility figure and a label, large and
// low on every screen. It opens the panel of modes.
Rectangle {
    id: button
    objectName: "accessibilityButton"

    property bool open: false
    signal activated

    implicitHeight: Math.max(Theme.controlHeight, Theme.px(80))
    implicitWidth: row.implicitWidth + 2 * Theme.spaceM
    radius: height / 2
    color: open ? Theme.text : Theme.accent
    border.color: Theme.highContrast ? Theme.text : "transparent"
    border.width: Theme.highContrast ? 2 : 0

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Accessibility options")
    Accessible.onPressAction: button.activated()
    Keys.onReturnPressed: button.activated()
    Keys.onEnterPressed: button.activated()
    Keys.onSpacePressed: button.activated()

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spaceS

        // The figure: a head, open arms and legs in a ring (the UN accessibility symbol).
        Item {
            id: figure
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(button.height * 0.66)
            height: width
            readonly property color ink: button.open ? Theme.background : Theme.accentInk

            Image {
                anchors.fill: parent
                sourceSize.width: width
                sourceSize.height: height
                source: {
                    const ink = figure.ink.toString();
                    const line
                          = 'fill="none" stroke="%1" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'.arg(
                              ink);
                    return "data:image/svg+xml;utf8," + encodeURIComponent(
                                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                + '<circle cx="12" cy="12" r="10.8" fill="none" stroke="%1" stroke-width="1.7"/>'.arg(
                                    ink) + '<circle cx="12" cy="5.6" r="1.7" fill="%1"/>'.arg(ink)
                                + '<path d="M6 9 H18 M12 9 V14.5 M8.8 19.5 L12 14.5 L15.2 19.5" %1/>'.arg(
                                    line) + '</svg>');
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Accessibility")
            color: figure.ink
            font.pixelSize: Theme.labelSize
            font.weight: Font.Bold
        }
    }

    Rectangle {
        anchors.fill: parent
        radius: parent.radius
        color: Theme.pressedOverlay
        visible: tap.pressed
    }

    FocusRing {
        cornerRadius: button.radius
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
