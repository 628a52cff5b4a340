import QtQuick

// Plays a page's recorded reading, for visitors who cannot read it; says when it reads.
PillButton {
    id: button

    // The page's recording ("" when it has none: the button hides).
    property url narrationUrl
    // Which recording plays now (the corner view owns the player).
    property url narrationPlaying
    signal narrationToggled(url source)
    readonly property bool playing: narrationUrl.toString().length > 0 && narrationUrl.toString()
                                    === narrationPlaying.toString()

    visible: narrationUrl.toString().length > 0
    text: playing ? qsTr("Stop reading") : qsTr("Listen to this page")
    selected: playing
    toggle: true
    onActivated: narrationToggled(narrationUrl)
}
