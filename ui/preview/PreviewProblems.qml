pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// The live preview's mistakes, over the last good content (never part of the kiosk at a
// booth): each "manifest.yaml:LINE: where: what", gone once the manifest is fixed; else
// its warnings (what builds but reads or plays worse at a booth), which a tap folds away.
Rectangle {
    id: problems
    objectName: "previewProblems"

    required property PreviewReloader reloader
    readonly property bool mistakes: problems.reloader.problems.length > 0
    readonly property list<string> lines: problems.mistakes ? problems.reloader.problems :
                                                              problems.folded ? [] :
                                                                                problems.reloader.warnings
    property bool folded: false

    anchors.left: parent?.left
    anchors.right: parent?.right
    anchors.bottom: parent?.bottom
    visible: problems.mistakes || problems.reloader.warnings.length > 0
    height: list.implicitHeight + 2 * Theme.spaceM
    color: Theme.toolGround

    MouseArea {
        anchors.fill: parent
        enabled: !problems.mistakes
        onClicked: problems.folded = !problems.folded
    }

    Column {
        id: list
        x: Theme.spaceL
        y: Theme.spaceM
        width: problems.width - 2 * Theme.spaceL
        spacing: Theme.spaceXs
        Text {
            objectName: "previewProblemsHeading"
            textFormat: Text.PlainText
            text: problems.mistakes ? qsTr(
                                          "The manifest has mistakes; the preview shows it as it was last saved without them.") :
                                      problems.folded ? qsTr("%n warning(s): tap to show", "",
                                                             problems.reloader.warnings.length) :
                                                        qsTr("%n warning(s): this builds, but reads or plays worse at a booth (tap to fold)",
                                                             "", problems.reloader.warnings.length)
            color: Theme.onDarkSoft
            font.pixelSize: Theme.labelSize
            width: parent.width
            wrapMode: Text.Wrap
        }
        Repeater {
            model: problems.lines
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
