pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// The show: the attract loop now, the content read again, a restart, and quitting to the
// desktop, which asks once more.
Column {
    id: page
    objectName: "staffShowPage"

    required property ShowPage show
    property bool confirmQuit: false

    spacing: Theme.spaceM

    PillButton {
        objectName: "startAttractButton"
        text: qsTr("Start the attract loop now")
        onActivated: page.show.startAttract()
    }
    PillButton {
        objectName: "reloadButton"
        text: qsTr("Read the content again")
        onActivated: page.show.reloadContent()
    }
    PillButton {
        objectName: "restartButton"
        text: qsTr("Restart the kiosk")
        onActivated: page.show.restartApp()
    }
    PillButton {
        objectName: "quitButton"
        text: qsTr("Quit to the desktop…")
        visible: !page.confirmQuit
        onActivated: page.confirmQuit = true
    }
    Row {
        visible: page.confirmQuit
        spacing: Theme.spaceS
        StaffText {
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("The exhibit stops. Sure?")
            strong: true
        }
        PillButton {
            objectName: "confirmQuitButton"
            text: qsTr("Quit")
            tint: Theme.danger
            ink: Theme.dangerInk
            onActivated: page.show.quitToDesktop()
        }
        PillButton {
            text: qsTr("Cancel")
            onActivated: page.confirmQuit = false
        }
    }
}
