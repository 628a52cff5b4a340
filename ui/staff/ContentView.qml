pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// Content: packages on sticks and in drop folders, the install under way, new content
// waiting for a quiet moment, and the rollback.
Column {
    id: page
    objectName: "staffContentPage"

    required property ContentPage content
    required property StatusPage status
    readonly property PackageWatcher watcher: content.watcher

    spacing: Theme.spaceM

    StaffHeading {
        width: page.width
        text: qsTr("Packages on USB sticks and drop folders")
    }
    StaffText {
        width: page.width
        visible: page.content.found.count === 0
        text: qsTr(
                  "None found. Insert a USB stick with a .kpkg file at its top or in a kiosk folder.")
        muted: true
    }
    Repeater {
        model: page.content.found
        Row {
            id: foundRow
            required property string path
            required property string name
            required property string size
            required property int index
            spacing: Theme.spaceM
            PillButton {
                objectName: "installFound_" + foundRow.index
                text: qsTr("Install")
                tint: Theme.accent
                ink: Theme.accentInk
                enabled: !page.watcher.busy
                onActivated: page.content.install(foundRow.path)
            }
            StaffText {
                anchors.verticalCenter: parent.verticalCenter
                text: foundRow.name + "  (" + foundRow.size + ")"
            }
        }
    }
    StaffText {
        objectName: "installProgress"
        visible: page.watcher.busy
        text: qsTr("Checking and installing: %1%").arg(Math.round(page.watcher.progress * 100))
    }
    StaffText {
        objectName: "installResult"
        width: page.width
        visible: text.length > 0
        text: page.watcher.lastResult.length > 0 ? qsTr("Last install: %1").arg(
                                                       page.watcher.lastResult) : ""
    }
    StaffText {
        width: page.width
        visible: page.content.waitingPackage.length > 0
        text: qsTr("Waiting to be shown at the next quiet moment: %1").arg(
                  page.content.waitingPackage)
    }
    // What it changes on screen, before it is shown (gyeonggi-kiosk package diff has all).
    Column {
        objectName: "waitingChanges"
        width: page.width
        visible: page.content.waitingPackage.length > 0
        spacing: Theme.spaceXs
        StaffText {
            width: parent.width
            text: page.content.waitingChanges.length > 0 ? qsTr("What it changes:") : qsTr(
                                                               "It shows the same content as now.")
            muted: true
        }
        Repeater {
            model: page.content.waitingChanges
            delegate: StaffText {
                required property var modelData
                width: page.width
                text: "· " + page.changeWords(modelData.kind) + ": " + modelData.place
            }
        }
        StaffText {
            visible: page.content.waitingMoreChanges > 0
            width: parent.width
            text: qsTr("and %n more", "", page.content.waitingMoreChanges)
            muted: true
        }
    }
    Item {
        width: 1
        height: Theme.spaceS
    }
    PillButton {
        objectName: "rollbackButton"
        text: qsTr("Roll back to the previous content")
        enabled: page.status.previous.present
        onActivated: page.content.rollback()
    }

    function changeWords(kind: string): string {
        switch (kind) {
        case "text":
            return qsTr("text changed");
        case "added":
            return qsTr("media added");
        case "removed":
            return qsTr("media removed");
        case "replaced":
            return qsTr("media replaced");
        case "setting":
            return qsTr("setting changed");
        case "corner_added":
            return qsTr("new corner");
        case "corner_removed":
            return qsTr("corner removed");
        }
        return kind;
    }
}
