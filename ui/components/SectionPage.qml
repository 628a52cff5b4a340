pragma ComponentBehavior: Bound
import QtQuick
import theme

// One section of a corner: its text in whole lines. (Its title is its tab, shown above the
// page; its reading-aloud button is in the pager's foot, or above the text when flowing.)
Item {
    id: page

    required property int index
    required property string title
    required property string body
    required property url narrationUrl
    // Flowing (large text, low position): as tall as the text; the whole view scrolls.
    property bool flowing: false
    property url narrationPlaying
    signal narrationToggled(url source)
    readonly property SectionReading reading: reading

    objectName: "sectionPage_" + index
    implicitHeight: reading.y + reading.contentHeight
    Accessible.name: title

    NarrationButton {
        id: listen
        objectName: "narrationButton_" + page.index
        visible: page.flowing && narrationUrl.toString().length > 0
        narrationUrl: page.narrationUrl
        narrationPlaying: page.narrationPlaying
        onNarrationToggled: source => page.narrationToggled(source)
    }

    SectionReading {
        id: reading
        objectName: "sectionReading_" + page.index
        y: listen.visible ? listen.height + Theme.spaceM : 0
        width: page.width
        room: page.flowing ? Infinity : page.height - y
        text: page.body
        textName: "sectionBody_" + page.index
    }
}
