pragma ComponentBehavior: Bound
import QtQuick
import theme

// The language switch: each language named in itself, so anyone finds their own.
Row {
    id: languageSwitch

    required property list<string> languages
    required property string current
    signal chosen(string language)

    spacing: Theme.spaceXs

    Repeater {
        model: languageSwitch.languages

        PillButton {
            required property string modelData
            objectName: "languageButton_" + modelData
            text: Languages.name(modelData)
            selected: modelData === languageSwitch.current
            onActivated: languageSwitch.chosen(modelData)
        }
    }
}
