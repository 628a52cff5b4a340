pragma ComponentBehavior: Bound
import QtQuick
import theme

// The language switch: each language named in itself, so anyone finds their own.
Row {
    id: languageSwitch

    required property var languages
    required property string current
    signal chosen(string language)

    readonly property var names: ({ "ko": "한국어", "en": "English", "ja": "日本語", "zh": "中文" })

    spacing: Theme.spaceXs

    Repeater {
        model: languageSwitch.languages

        PillButton {
            required property string modelData
            objectName: "languageButton_" + modelData
            text: languageSwitch.names[modelData] ?? modelData
            selected: modelData === languageSwitch.current
            onActivated: languageSwitch.chosen(modelData)
        }
    }
}
