pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// The accessibility modes: low position, high contrast, large text, voice guidance, and
// the volume and speed of the voice. Low on the screen, like the button that opens it.
Rectangle {
    id: panel
    objectName: "accessibilityPanel"

    required property Accessibility accessibility
    signal closed()

    implicitHeight: column.implicitHeight + 2 * Theme.spaceL
    radius: Theme.px(24)
    color: Theme.surface
    border.color: Theme.hairline
    border.width: Theme.highContrast ? 2 : 1

    // Touches on the panel stay on the panel.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons }

    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spaceL }
        spacing: Theme.spaceM

        Item {
            width: parent.width
            height: Math.max(heading.implicitHeight, closeButton.height)
            Text {
                textFormat: Text.PlainText
                id: heading
                anchors { left: parent.left; right: closeButton.left; rightMargin: Theme.spaceM; verticalCenter: parent.verticalCenter }
                text: qsTr("Accessibility options")
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                wrapMode: Text.Wrap
            }
            PillButton {
                id: closeButton
                objectName: "accessibilityCloseButton"
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                text: qsTr("Close")
                onActivated: panel.closed()
            }
        }

        Flow {
            width: parent.width
            spacing: Theme.spaceS

            Repeater {
                model: [
                    { mode: "lowPosition", label: qsTr("Low position") },
                    { mode: "highContrast", label: qsTr("High contrast") },
                    { mode: "largeText", label: qsTr("Large text") },
                    { mode: "voiceGuidance", label: qsTr("Voice guidance") }
                ]
                PillButton {
                    required property var modelData
                    objectName: "mode_" + modelData.mode
                    visible: modelData.mode !== "voiceGuidance" || panel.accessibility.speechAvailable
                    toggle: true
                    text: modelData.label
                    selected: panel.accessibility[modelData.mode]
                    tint: Theme.background
                    onActivated: panel.accessibility.setMode(modelData.mode, !selected)
                }
            }
        }

        Flow {
            width: parent.width
            spacing: Theme.spaceS

            Row {
                spacing: Theme.spaceXs
                PillButton {
                    objectName: "guideVolumeDown"
                    text: "-"
                    fontSize: Theme.leadSize
                    accessibleName: qsTr("Quieter")
                    onActivated: panel.accessibility.setGuideVolume(panel.accessibility.guideVolume - 0.1)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "guideVolumeText"
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Volume %1%").arg(Math.round(panel.accessibility.guideVolume * 100))
                    color: Theme.text
                    font.pixelSize: Theme.labelSize
                }
                PillButton {
                    objectName: "guideVolumeUp"
                    text: "+"
                    fontSize: Theme.leadSize
                    accessibleName: qsTr("Louder")
                    onActivated: panel.accessibility.setGuideVolume(panel.accessibility.guideVolume + 0.1)
                }
            }
            Row {
                visible: panel.accessibility.speechAvailable
                spacing: Theme.spaceXs
                PillButton {
                    objectName: "speechSlower"
                    text: qsTr("Slower")
                    onActivated: panel.accessibility.setSpeechRate(panel.accessibility.speechRate - 0.25)
                }
                PillButton {
                    objectName: "speechFaster"
                    text: qsTr("Faster")
                    onActivated: panel.accessibility.setSpeechRate(panel.accessibility.speechRate + 0.25)
                }
            }
            PillButton {
                objectName: "modesOffButton"
                text: qsTr("All off")
                visible: panel.accessibility.anyOn
                onActivated: panel.accessibility.resetModes()
            }
        }
    }
}
