pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// Export: the visitor numbers and the recent log onto a USB stick.
Column {
    id: page
    objectName: "staffExportPage"

    required property ExportPage statsExport
    // What the last export came to, in a sentence ("" before one; gone when the panel
    // opens again).
    property string result

    spacing: Theme.spaceM

    StaffText {
        width: page.width
        text: qsTr(
                  "Today's and all visitor numbers as CSV files, and the kiosk's recent log, into a new folder on the USB stick.")
    }
    PillButton {
        objectName: "exportButton"
        text: qsTr("Save to the USB stick")
        tint: Theme.accent
        ink: Theme.accentInk
        enabled: !page.statsExport.busy
        onActivated: page.statsExport.exportStats()
    }
    StaffText {
        objectName: "exportResult"
        width: page.width
        visible: text.length > 0
        text: page.result
        strong: true
    }
}
