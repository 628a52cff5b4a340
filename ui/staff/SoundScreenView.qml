pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// Sound and screen: the kiosk's master volume and mute (which visitors hear), a test
// pattern, and the brightness where the display lets software set it.
Column {
    id: page
    objectName: "staffSoundPage"

    required property Sound sound
    required property ScreenPage screen

    spacing: Theme.spaceM

    StaffHeading {
        text: qsTr("Sound")
    }
    Row {
        spacing: Theme.spaceS
        PillButton {
            objectName: "masterDown"
            text: "-"
            fontSize: Theme.leadSize
            accessibleName: qsTr("Quieter")
            onActivated: page.sound.volume = page.sound.volume - 0.1
        }
        StaffText {
            objectName: "masterVolumeText"
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Volume %1%").arg(Math.round(page.sound.volume * 100))
        }
        PillButton {
            objectName: "masterUp"
            text: "+"
            fontSize: Theme.leadSize
            accessibleName: qsTr("Louder")
            onActivated: page.sound.volume = page.sound.volume + 0.1
        }
        PillButton {
            objectName: "muteAll"
            text: page.sound.muted ? qsTr("Sound on") : qsTr("Mute")
            selected: page.sound.muted
            toggle: true
            onActivated: page.sound.muted = !page.sound.muted
        }
    }
    StaffHeading {
        text: qsTr("Screen")
    }
    PillButton {
        objectName: "testPatternButton"
        text: qsTr("Show a test pattern")
        onActivated: page.screen.testPattern = true
    }
    Row {
        spacing: Theme.spaceS
        visible: page.screen.brightness >= 0
        PillButton {
            text: "-"
            fontSize: Theme.leadSize
            accessibleName: qsTr("Darker")
            onActivated: page.screen.brightness = page.screen.brightness - 0.1
        }
        StaffText {
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Brightness %1%").arg(Math.round(page.screen.brightness * 100))
        }
        PillButton {
            text: "+"
            fontSize: Theme.leadSize
            accessibleName: qsTr("Brighter")
            onActivated: page.screen.brightness = page.screen.brightness + 0.1
        }
    }
    StaffText {
        objectName: "noBrightness"
        visible: page.screen.brightness < 0
        width: page.width
        text: qsTr(
                  "This display's brightness cannot be set from the kiosk; use the monitor's own buttons.")
        muted: true
    }
}
