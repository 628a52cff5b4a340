pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// The staff panel, behind the PIN: the pages on the left, the page shown on the right,
// and under it what the last action came to. Korean first (the UI's translations),
// English with the switch. Each page is its own file and adapts one bridge object.
Rectangle {
    id: panel
    objectName: "staffPanel"

    required property StaffRoom staff
    property string page: "status"
    // The language the panel speaks (the visitor screen's; the switch changes both).
    property string language: "ko"

    color: Theme.background

    // Touches stay on the panel.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    // Read again what the page shown says (the rest was read when the panel opened).
    function refreshPage() {
        switch (panel.page) {
        case "status":
            panel.staff.status.refresh();
            break;
        case "content":
            panel.staff.content.refresh();
            panel.staff.status.refresh(); // whether there is content to roll back to
            break;
        case "today":
            panel.staff.today.refresh();
            break;
        }
    }

    // What an export came to shows beside its button, not in the line under the page.
    readonly property bool exportOutcome: [StaffOutcome.Exporting, StaffOutcome.Exported,
        StaffOutcome.NoStick, StaffOutcome.ExportFailed, StaffOutcome.ExportLocked,
        StaffOutcome.ExportFull].includes(panel.staff.outcome.kind)

    function outcomeText(kind: int, detail: string): string {
        switch (kind) {
        case StaffOutcome.Exporting:
            return qsTr("Saving to the USB stick…");
        case StaffOutcome.Exported:
            return qsTr("Saved to the USB stick: %1").arg(detail);
        case StaffOutcome.NoStick:
            return qsTr("No USB stick found: insert one and try again.");
        case StaffOutcome.ExportFailed:
            return qsTr("Could not save to the USB stick “%1”: try another stick.").arg(detail);
        case StaffOutcome.ExportLocked:
            return qsTr(
                        "The USB stick “%1” cannot be written: it is locked or read-only. Unlock it or use another.").arg(
                        detail);
        case StaffOutcome.ExportFull:
            return qsTr("The USB stick “%1” is full: free some space or use another.").arg(detail);
        case StaffOutcome.RolledBack:
            return qsTr("The previous content shows again: %1").arg(detail);
        case StaffOutcome.RollbackFailed:
            return qsTr("Could not roll back: %1").arg(detail);
        case StaffOutcome.Installing:
            return qsTr("Installing %1…").arg(detail);
        case StaffOutcome.InstallBusy:
            return qsTr("Another package is being installed; wait for it.");
        case StaffOutcome.InstallFailed:
            return qsTr("Could not install: %1").arg(detail);
        case StaffOutcome.Reloaded:
            return qsTr("The content was read again.");
        default:
            return "";
        }
    }

    // Left: the pages, and the way out.
    Column {
        id: nav
        x: Theme.spaceL
        y: Theme.spaceL
        width: Theme.px(300)
        spacing: Theme.spaceS

        Text {
            textFormat: Text.PlainText
            text: qsTr("Staff")
            color: Theme.text
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
            bottomPadding: Theme.spaceS
        }
        Repeater {
            model: [
                {
                    page: "status",
                    label: qsTr("Status")
                },
                {
                    page: "content",
                    label: qsTr("Content")
                },
                {
                    page: "today",
                    label: qsTr("Today")
                },
                {
                    page: "export",
                    label: qsTr("Export")
                },
                {
                    page: "sound",
                    label: qsTr("Sound and screen")
                },
                {
                    page: "show",
                    label: qsTr("Show")
                }
            ]
            PillButton {
                required property var modelData
                objectName: "staffPage_" + modelData.page
                width: nav.width
                text: modelData.label
                selected: panel.page === modelData.page
                onActivated: {
                    panel.page = modelData.page;
                    panel.refreshPage();
                }
            }
        }
        Item {
            width: 1
            height: Theme.spaceM
        }
        PillButton {
            objectName: "staffClose"
            width: nav.width
            text: qsTr("Close")
            tint: Theme.accent
            ink: Theme.accentInk
            onActivated: panel.staff.access.close()
        }
    }

    // Right: the page.
    Flickable {
        id: pageArea
        anchors {
            left: nav.right
            right: parent.right
            top: parent.top
            bottom: outcomeBar.top
        }
        anchors.margins: Theme.spaceL
        contentHeight: pageLoader.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Loader {
            id: pageLoader
            width: pageArea.width
            sourceComponent: {
                switch (panel.page) {
                case "content":
                    return contentPage;
                case "today":
                    return todayPage;
                case "export":
                    return exportPage;
                case "sound":
                    return soundPage;
                case "show":
                    return showPage;
                default:
                    return statusPage;
                }
            }
        }
    }

    Component {
        id: statusPage
        StatusView {
            width: pageArea.width
            status: panel.staff.status
            language: panel.language
        }
    }
    Component {
        id: contentPage
        ContentView {
            width: pageArea.width
            content: panel.staff.content
            status: panel.staff.status
        }
    }
    Component {
        id: todayPage
        TodayView {
            width: pageArea.width
            today: panel.staff.today
        }
    }
    Component {
        id: exportPage
        ExportView {
            width: pageArea.width
            statsExport: panel.staff.statsExport
            result: panel.exportOutcome ? outcomeText.text : ""
        }
    }
    Component {
        id: soundPage
        SoundScreenView {
            width: pageArea.width
            sound: panel.staff.sound
            screen: panel.staff.screen
            hours: panel.staff.hours
        }
    }
    Component {
        id: showPage
        ShowView {
            width: pageArea.width
            show: panel.staff.show
        }
    }

    // What the last action came to, in a sentence.
    Rectangle {
        id: outcomeBar
        objectName: "staffResult"
        anchors {
            left: nav.right
            right: parent.right
            bottom: parent.bottom
            margins: Theme.spaceL
        }
        height: visible ? outcomeText.implicitHeight + 2 * Theme.spaceS : 0
        visible: outcomeText.text.length > 0 && !panel.exportOutcome
        radius: Theme.px(12)
        color: Theme.surface
        border.color: Theme.hairline
        StaffText {
            id: outcomeText
            objectName: "staffResultText"
            anchors {
                left: parent.left
                right: parent.right
                verticalCenter: parent.verticalCenter
                margins: Theme.spaceM
            }
            text: panel.outcomeText(panel.staff.outcome.kind, panel.staff.outcome.detail)
        }
    }
}
