pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// The live preview's mistakes, over the last good content (never part of the kiosk at a
// booth): each "manifest.yaml:LINE: where: what", gone once the manifest is fixed.
Rectangle {
    id: problems
    objectName: "previewProblems"

    required property PreviewReloader reloader

    anchors.left: parent?.left
    anchors.right: parent?.right
    anchors.bottom: parent?.bottom
    visible: problems.reloader.problems.length > 0
    height: list.implicitHeight + 2 * Theme.spaceM
    color: Theme.noticeGround

    Column {
        id: list
        x: Theme.spaceL
        y: Theme.spaceM
        width: problems.width - 2 * Theme.spaceL
        spacing: Theme.spaceXs
        Text {
            textFormat: Text.PlainText
            text: qsTr(
                      "The manifest has mistakes; the preview shows it as it was last saved without them.")
            color: Theme.onDarkSoft
            font.pixelSize: Theme.labelSize
            width: parent.width
            wrapMode: Text.Wrap
        }
        Repeater {
            model: problems.reloader.problems
            delegate: Text {
                required property string modelData
                objectName: "previewProblem"
                textFormat: Text.PlainText
                text: modelData
                color: Theme.onDark
                font.pixelSize: Theme.labelSize
                font.family: "monospace"
                width: list.width
                wrapMode: Text.WrapAnywhere
            }
        }
    }
}
