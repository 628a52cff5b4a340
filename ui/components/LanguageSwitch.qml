pragma ComponentBehavior: Bound
import QtQuick
import theme

// The language switch: each language named in itself, so anyone finds their own. On a
// dark overlay (an enlarged picture, a full-screen video) the chosen language is the
// bright pill and the others quiet, as on the page: chosen always reads as chosen.
Row {
    id: languageSwitch

    required property list<string> languages
    required property string current
    property bool onDark: false
    signal chosen(string language)

    spacing: Theme.spaceXs

    Repeater {
        model: languageSwitch.languages

        PillButton {
            required property string modelData
            objectName: "languageButton_" + modelData
            text: Languages.name(modelData)
            selected: modelData === languageSwitch.current
            tint: languageSwitch.onDark ? Theme.controlOnDark : Theme.surface
            ink: languageSwitch.onDark ? Theme.onDark : Theme.text
            selectedTint: languageSwitch.onDark ? Theme.onDark : Theme.text
            selectedInk: languageSwitch.onDark ? Theme.viewerBackground : Theme.background
            onActivated: languageSwitch.chosen(modelData)
        }
    }
}
