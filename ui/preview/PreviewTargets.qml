pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// Over the live preview (Ctrl+T): each control a visitor can press, outlined, red where it
// is smaller than the kiosk's touch minimum; and the reach band of low-position mode.
Item {
    id: overlay
    objectName: "previewTargets"

    required property TouchTargets targets
    required property real reachBand

    anchors.fill: parent
    visible: overlay.targets.shown

    Rectangle {
        objectName: "previewReachBand"
        x: 0
        y: overlay.height * (1 - overlay.reachBand)
        width: overlay.width
        height: overlay.height * overlay.reachBand
        color: Qt.rgba(0.1, 0.6, 0.3, 0.08)
        border.color: Theme.toolMark
        border.width: 2
        Rectangle {
            x: Theme.spaceS
            y: Theme.spaceXs
            width: bandWords.implicitWidth + 2 * Theme.spaceS
            height: bandWords.implicitHeight + Theme.spaceXs
            radius: height / 2
            color: Theme.toolGround
            Text {
                id: bandWords
                anchors.centerIn: parent
                textFormat: Text.PlainText
                text: qsTr("Within reach of a seated visitor (low position)")
                color: Theme.onDark
                font.pixelSize: Theme.labelSize
            }
        }
    }
    Repeater {
        model: overlay.targets.targets
        delegate: Rectangle {
            required property rect modelData
            readonly property bool small: modelData.width < Theme.touchMinimum || modelData.height
                                          < Theme.touchMinimum
            objectName: small ? "previewSmallTarget" : "previewTarget"
            x: modelData.x
            y: modelData.y
            width: modelData.width
            height: modelData.height
            color: "transparent"
            border.color: small ? Theme.danger : Theme.toolMark
            border.width: small ? 3 : 2
        }
    }
}
