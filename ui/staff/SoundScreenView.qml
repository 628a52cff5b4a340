pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// Sound and screen: the kiosk's master volume and mute (which visitors hear), a test
// pattern, the brightness where the display lets software set it, and the opening hours,
// which staff may override for the rest of today.
Column {
    id: page
    objectName: "staffSoundPage"

    required property Sound sound
    required property ScreenPage screen
    required property OpeningHoursWatch hours

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

    StaffHeading {
        text: qsTr("Opening hours")
    }
    StaffText {
        objectName: "noHours"
        visible: !page.hours.scheduled
        width: page.width
        text: qsTr("No opening hours are set: the screen stays on day and night.")
        muted: true
    }
    FactRow {
        objectName: "hoursToday"
        visible: page.hours.scheduled
        width: page.width
        label: qsTr("Today")
        value: page.hours.todayHours.length > 0 ? page.hours.todayHours : qsTr("Closed all day")
    }
    FactRow {
        objectName: "hoursNow"
        visible: page.hours.scheduled
        width: page.width
        label: qsTr("The screen")
        value: page.nowWords()
    }
    Row {
        visible: page.hours.scheduled
        spacing: Theme.spaceS
        PillButton {
            objectName: "hoursKeepOn"
            text: qsTr("Keep on today")
            selected: page.hours.override === "on"
            toggle: true
            onActivated: page.hours.override = "on"
        }
        PillButton {
            objectName: "hoursKeepOff"
            text: qsTr("Keep off today")
            selected: page.hours.override === "off"
            toggle: true
            onActivated: page.hours.override = "off"
        }
        PillButton {
            objectName: "hoursAsScheduled"
            text: qsTr("As scheduled")
            selected: page.hours.override === ""
            toggle: true
            onActivated: page.hours.override = ""
        }
    }

    // "On until 18:00", "Off until tomorrow 08:55"; kept on or off by staff until midnight.
    function nowWords(): string {
        const hours = page.hours;
        let until = "";
        if (hours.override !== "" && hours.nextChangeInDays === 1 && hours.nextChange === "00:00")
            until = qsTr("until midnight");
        else if (hours.nextChangeInDays === 0)
            until = qsTr("until %1").arg(hours.nextChange);
        else if (hours.nextChangeInDays === 1)
            until = qsTr("until tomorrow %1").arg(hours.nextChange);
        else if (hours.nextChangeInDays > 1)
            until = qsTr("until %1 at %2").arg(hours.nextChangeDate).arg(hours.nextChange);
        const state = hours.screenOn ? qsTr("On") : qsTr("Off");
        const why = hours.override === "" ? "" : qsTr("(staff's choice for today)");
        return [state, until, why].filter(part => part.length > 0).join(" ");
    }
}
