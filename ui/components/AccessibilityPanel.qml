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
    signal closed

    // With headphones in, the volume is theirs; otherwise the voice's, from the speaker.
    readonly property bool inHeadphones: accessibility.headphones.connected
    readonly property real volume: inHeadphones ? accessibility.headphones.volume :
                                                  accessibility.guideVolume
    function setVolume(volume: real) {
        if (panel.inHeadphones)
            panel.accessibility.headphones.volume = volume;
        else
            panel.accessibility.guideVolume = volume;
    }

    implicitHeight: column.implicitHeight + 2 * Theme.spaceL
    radius: Theme.px(24)
    color: Theme.surface
    border.color: Theme.hairline
    border.width: Theme.highContrast ? 2 : 1

    // Touches on the panel stay on the panel.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    Column {
        id: column
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
            margins: Theme.spaceL
        }
        spacing: Theme.spaceM

        Item {
            width: parent.width
            height: Math.max(heading.implicitHeight, closeButton.height)
            Text {
                id: heading
                textFormat: Text.PlainText
                anchors {
                    left: parent.left
                    right: closeButton.left
                    rightMargin: Theme.spaceM
                    verticalCenter: parent.verticalCenter
                }
                text: qsTr("Accessibility options")
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                wrapMode: Text.Wrap
            }
            PillButton {
                id: closeButton
                objectName: "accessibilityCloseButton"
                anchors {
                    right: parent.right
                    verticalCenter: parent.verticalCenter
                }
                text: qsTr("Close")
                onActivated: panel.closed()
            }
        }

        Flow {
            width: parent.width
            spacing: Theme.spaceS
            ModeButton {
                objectName: "mode_lowPosition"
                text: qsTr("Low position")
                selected: panel.accessibility.lowPosition
                onActivated: panel.accessibility.lowPosition = !selected
            }
            ModeButton {
                objectName: "mode_highContrast"
                text: qsTr("High contrast")
                selected: panel.accessibility.highContrast
                onActivated: panel.accessibility.highContrast = !selected
            }
            ModeButton {
                objectName: "mode_largeText"
                text: qsTr("Large text")
                selected: panel.accessibility.largeText
                onActivated: panel.accessibility.largeText = !selected
            }
            ModeButton {
                objectName: "mode_reducedMotion"
                text: qsTr("Reduce motion")
                selected: panel.accessibility.reducedMotion
                onActivated: panel.accessibility.reducedMotion = !selected
            }
            ModeButton {
                objectName: "mode_voiceGuidance"
                visible: panel.accessibility.speechAvailable
                text: qsTr("Voice guidance")
                selected: panel.accessibility.voiceGuidance
                onActivated: panel.accessibility.voiceGuidance = !selected
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
                    onActivated: panel.setVolume(panel.volume - 0.1)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "guideVolumeText"
                    anchors.verticalCenter: parent.verticalCenter
                    text: panel.inHeadphones ? qsTr("Headphone volume %1%").arg(Math.round(
                                                                                    panel.volume
                                                                                    * 100)) : qsTr(
                                                   "Voice volume %1%").arg(Math.round(panel.volume
                                                                                      * 100))
                    color: Theme.text
                    font.pixelSize: Theme.labelSize
                }
                PillButton {
                    objectName: "guideVolumeUp"
                    text: "+"
                    fontSize: Theme.leadSize
                    accessibleName: qsTr("Louder")
                    onActivated: panel.setVolume(panel.volume + 0.1)
                }
            }
            Row {
                visible: panel.accessibility.speechAvailable
                spacing: Theme.spaceXs
                PillButton {
                    objectName: "speechSlower"
                    text: qsTr("Slower")
                    onActivated: panel.accessibility.speechRate = panel.accessibility.speechRate
                                 - 0.25
                }
                PillButton {
                    objectName: "speechFaster"
                    text: qsTr("Faster")
                    onActivated: panel.accessibility.speechRate = panel.accessibility.speechRate
                                 + 0.25
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

    // Each mode a switch; writing the property switches the mode.
    component ModeButton: PillButton {
        toggle: true
        tint: Theme.background
    }
}
