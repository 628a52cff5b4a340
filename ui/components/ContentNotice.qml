pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// A small, quiet notice about new content, for staff and harmless for visitors.
Rectangle {
    id: notice
    objectName: "contentNotice"

    required property int kind              // a PackageWatcher.Notice
    property real progress: 0               // of the copy, while installing
    signal approvalRequested
    readonly property string message: {
        switch (notice.kind) {
        case PackageWatcher.Installing:
            return qsTr("Checking new content") + " " + Math.round(notice.progress * 100) + "%";
        case PackageWatcher.Ready:
            return qsTr("New content ready");
        case PackageWatcher.Approval:
            return qsTr("New content needs staff approval");
        case PackageWatcher.Failed:
            return qsTr("New content could not be installed");
        case PackageWatcher.Damaged:
            return qsTr("The installed content is damaged; staff, please check");
        default:
            return "";
        }
    }
    property bool recent: false

    // "Approval" stays until staff deal with it: a tap opens the PIN pad.
    visible: message.length > 0 && (recent || kind === PackageWatcher.Installing || kind
                                    === PackageWatcher.Approval)
    property real maximumWidth: Number.POSITIVE_INFINITY
    width: Math.min(label.implicitWidth + 2 * Theme.spaceM, maximumWidth)
    // One line in a pill; a long message in large text wraps rather than runs off.
    // (one line stays within the accessibility button's height, so the bar keeps its size)
    height: Math.max(Theme.touchMinimum, label.height + Theme.spaceS)
    radius: Math.min(height / 2, Theme.touchMinimum / 2)
    color: Theme.noticeGround

    onKindChanged: {
        notice.recent = true;
        hide.restart();
    }

    Timer {
        id: hide
        interval: 8000
        onTriggered: notice.recent = false
    }

    TapHandler {
        enabled: notice.kind === PackageWatcher.Approval
        // Exclusive: the tap must not also reach the tile under the notice.
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: notice.approvalRequested()
    }

    Text {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        width: Math.min(implicitWidth, notice.width - 2 * Theme.spaceM)
        text: notice.message
        color: Theme.onDark
        font.pixelSize: Theme.labelSize
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }
}
