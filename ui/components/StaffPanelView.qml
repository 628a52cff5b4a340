pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// The staff panel, behind the PIN: status, content, today's visitors, export, sound and
// screen, and the show. Korean first (the UI's translations), English with the switch.
Rectangle {
    id: panel
    objectName: "staffPanel"

    required property StaffPanel staff
    property QtObject watcher: null        // the package watcher, when the kiosk installs
    property string page: "status"
    property bool confirmQuit: false

    color: Theme.background

    // Touches stay on the panel.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons }

    function resultText(result: var): string {
        switch (result.kind ?? "") {
        case "exported": return qsTr("Saved to the USB stick: %1").arg(result.detail)
        case "no-stick": return qsTr("No USB stick found: insert one and try again.")
        case "export-failed": return qsTr("Could not save: %1").arg(result.detail)
        case "rolled-back": return qsTr("The previous content shows again: %1").arg(result.detail)
        case "rollback-failed": return qsTr("Could not roll back: %1").arg(result.detail)
        case "installing": return qsTr("Installing %1…").arg(result.detail)
        case "install-busy": return qsTr("Another package is being installed; wait for it.")
        case "install-failed": return qsTr("Could not install: %1").arg(result.detail)
        case "reloaded": return qsTr("The content was read again.")
        default: return ""
        }
    }

    function packageText(facts: var): string {
        if (!facts || !facts.id)
            return qsTr("None")
        const signer = facts.signature === "signed" ? qsTr("signed by %1").arg(facts.signer)
            : facts.signature === "not_valid" ? qsTr("signature not valid")
            : facts.signature === "untrusted" ? qsTr("signed by a key this kiosk does not trust")
            : qsTr("unsigned")
        return facts.title + "\n" + facts.id + " " + facts.version + " · " + qsTr("built %1").arg(facts.built) + " · " + signer
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
                { page: "status", label: qsTr("Status") },
                { page: "content", label: qsTr("Content") },
                { page: "today", label: qsTr("Today") },
                { page: "export", label: qsTr("Export") },
                { page: "sound", label: qsTr("Sound and screen") },
                { page: "show", label: qsTr("Show") }
            ]
            PillButton {
                required property var modelData
                objectName: "staffPage_" + modelData.page
                width: nav.width
                text: modelData.label
                selected: panel.page === modelData.page
                onActivated: {
                    panel.page = modelData.page
                    panel.confirmQuit = false
                    panel.staff.refresh()
                }
            }
        }
        Item { width: 1; height: Theme.spaceM }
        PillButton {
            objectName: "staffClose"
            width: nav.width
            text: qsTr("Close")
            tint: Theme.accent
            ink: Theme.accentInk
            onActivated: panel.staff.close()
        }
    }

    // Right: the page.
    Flickable {
        id: pageArea
        anchors { left: nav.right; right: parent.right; top: parent.top; bottom: resultBar.top }
        anchors.margins: Theme.spaceL
        contentHeight: pages.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Item {
            id: pages
            width: pageArea.width
            height: Math.max(statusPage.visible ? statusPage.implicitHeight : 0,
                             contentPage.visible ? contentPage.implicitHeight : 0,
                             todayPage.visible ? todayPage.implicitHeight : 0,
                             exportPage.visible ? exportPage.implicitHeight : 0,
                             soundPage.visible ? soundPage.implicitHeight : 0,
                             showPage.visible ? showPage.implicitHeight : 0)

            // -- Status
            Column {
                id: statusPage
                objectName: "staffStatusPage"
                visible: panel.page === "status"
                width: parent.width
                spacing: Theme.spaceM
                Repeater {
                    model: [
                        { label: qsTr("Content shown"), value: panel.staff.status.active && panel.staff.status.active.id
                                 ? panel.packageText(panel.staff.status.active) : qsTr("The built-in demo") },
                        { label: qsTr("Previous content"), value: panel.packageText(panel.staff.status.previous) },
                        { label: qsTr("Free disk space"), value: panel.staff.status.free || "-" },
                        { label: qsTr("Running for"), value: panel.staff.status.uptime || "-" },
                        { label: qsTr("Software version"), value: panel.staff.status.version || "" },
                        { label: qsTr("Recent problems"), value: (panel.staff.status.problems ?? []).length > 0
                                 ? panel.staff.status.problems.join("\n") : qsTr("None") }
                    ]
                    Row {
                        required property var modelData
                        width: statusPage.width
                        spacing: Theme.spaceM
                        Text {
                            textFormat: Text.PlainText
                            width: Theme.px(320)
                            text: modelData.label
                            color: Theme.mutedText
                            font.pixelSize: Theme.labelSize
                            wrapMode: Text.Wrap
                        }
                        Text {
                            textFormat: Text.PlainText
                            width: parent.width - Theme.px(320) - Theme.spaceM
                            text: modelData.value
                            color: Theme.text
                            font.pixelSize: Theme.labelSize
                            font.weight: Font.Bold
                            wrapMode: Text.Wrap
                            lineHeight: 1.2
                        }
                    }
                }
            }

            // -- Content
            Column {
                id: contentPage
                objectName: "staffContentPage"
                visible: panel.page === "content"
                width: parent.width
                spacing: Theme.spaceM

                Text {
                    textFormat: Text.PlainText
                    text: qsTr("Packages on USB sticks and drop folders")
                    color: Theme.text
                    font.pixelSize: Theme.leadSize
                    font.weight: Font.Bold
                }
                Text {
                    textFormat: Text.PlainText
                    visible: panel.staff.foundPackages.length === 0
                    text: qsTr("None found. Insert a USB stick with a .kpkg file at its top or in a kiosk folder.")
                    width: parent.width
                    color: Theme.mutedText
                    font.pixelSize: Theme.labelSize
                    wrapMode: Text.Wrap
                }
                Repeater {
                    model: panel.staff.foundPackages
                    Row {
                        required property var modelData
                        required property int index
                        spacing: Theme.spaceM
                        PillButton {
                            objectName: "installFound_" + index
                            text: qsTr("Install")
                            tint: Theme.accent
                            ink: Theme.accentInk
                            enabled: !(panel.watcher && panel.watcher.busy)
                            onActivated: panel.staff.installPackage(modelData.path)
                        }
                        Text {
                            textFormat: Text.PlainText
                            anchors.verticalCenter: parent.verticalCenter
                            text: modelData.name + "  (" + modelData.size + ")"
                            color: Theme.text
                            font.pixelSize: Theme.labelSize
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "installProgress"
                    visible: panel.watcher !== null && panel.watcher.busy
                    text: qsTr("Checking and installing: %1%").arg(Math.round((panel.watcher ? panel.watcher.progress : 0) * 100))
                    color: Theme.text
                    font.pixelSize: Theme.labelSize
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "installResult"
                    width: parent.width
                    visible: text.length > 0
                    text: panel.watcher && panel.watcher.lastResult.length > 0
                          ? qsTr("Last install: %1").arg(panel.watcher.lastResult) : ""
                    color: Theme.text
                    font.pixelSize: Theme.labelSize
                    wrapMode: Text.Wrap
                }
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    visible: panel.staff.waitingPackage.length > 0
                    text: qsTr("Waiting to be shown at the next quiet moment: %1").arg(panel.staff.waitingPackage)
                    color: Theme.text
                    font.pixelSize: Theme.labelSize
                    wrapMode: Text.Wrap
                }
                Item { width: 1; height: Theme.spaceS }
                PillButton {
                    objectName: "rollbackButton"
                    text: qsTr("Roll back to the previous content")
                    enabled: !!(panel.staff.status.previous && panel.staff.status.previous.id)
                    onActivated: panel.staff.rollback()
                }
            }

            // -- Today
            Column {
                id: todayPage
                objectName: "staffTodayPage"
                visible: panel.page === "today"
                width: parent.width
                spacing: Theme.spaceL

                Row {
                    spacing: Theme.spaceXl
                    Column {
                        Text {
                            textFormat: Text.PlainText
                            objectName: "todaySessions"
                            text: panel.staff.today.sessions ?? 0
                            color: Theme.text
                            font.pixelSize: Theme.headlineSize
                            font.weight: Font.Bold
                        }
                        Text { textFormat: Text.PlainText; text: qsTr("visitor sessions"); color: Theme.mutedText; font.pixelSize: Theme.labelSize }
                    }
                    Column {
                        Text {
                            textFormat: Text.PlainText
                            text: (panel.staff.today.meanSeconds ?? 0) + qsTr(" s")
                            color: Theme.text
                            font.pixelSize: Theme.headlineSize
                            font.weight: Font.Bold
                        }
                        Text { textFormat: Text.PlainText; text: qsTr("average session"); color: Theme.mutedText; font.pixelSize: Theme.labelSize }
                    }
                    // Language share: which languages the sessions used.
                    Column {
                        Text {
                            textFormat: Text.PlainText
                            objectName: "todayLanguages"
                            text: (panel.staff.today.languages ?? []).map(
                                      share => (share.language === "ko" ? "한국어" : share.language === "en" ? "English" : share.language)
                                               + " " + Math.round(share.share * 100) + "%").join("  ·  ") || "-"
                            color: Theme.text
                            font.pixelSize: Theme.headlineSize
                            font.weight: Font.Bold
                        }
                        Text { textFormat: Text.PlainText; text: qsTr("languages"); color: Theme.mutedText; font.pixelSize: Theme.labelSize }
                    }
                }

                // Sessions per hour: a bar per hour, the hour under it.
                Text { textFormat: Text.PlainText; text: qsTr("Sessions per hour"); color: Theme.text; font.pixelSize: Theme.leadSize; font.weight: Font.Bold }
                Row {
                    id: chart
                    objectName: "hourChart"
                    readonly property real barWidth: (todayPage.width - 23 * spacing) / 24
                    readonly property real chartHeight: Theme.px(200)
                    spacing: Theme.px(4)
                    Repeater {
                        model: panel.staff.today.hours ?? []
                        Column {
                            id: bar
                            required property int modelData
                            required property int index
                            width: chart.barWidth
                            Item {
                                width: parent.width
                                height: chart.chartHeight
                                Rectangle {
                                    objectName: "hourBar_" + bar.index
                                    anchors.bottom: parent.bottom
                                    width: parent.width
                                    height: (panel.staff.today.busiestHour ?? 0) > 0
                                            ? Math.max(bar.modelData > 0 ? 2 : 0,
                                                       chart.chartHeight * bar.modelData / panel.staff.today.busiestHour)
                                            : 0
                                    color: Theme.accent
                                    radius: Theme.px(3)
                                }
                                Text {
                                    textFormat: Text.PlainText
                                    anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.px(4) }
                                    visible: bar.modelData > 0
                                    text: bar.modelData
                                    color: Theme.accentInk
                                    font.pixelSize: Theme.px(16)
                                }
                            }
                            Text {
                                textFormat: Text.PlainText
                                anchors.horizontalCenter: parent.horizontalCenter
                                visible: bar.index % 3 === 0
                                text: bar.index
                                color: Theme.mutedText
                                font.pixelSize: Theme.px(18)
                            }
                        }
                    }
                }

                Text { textFormat: Text.PlainText; text: qsTr("Corners"); color: Theme.text; font.pixelSize: Theme.leadSize; font.weight: Font.Bold }
                Repeater {
                    model: panel.staff.today.corners ?? []
                    Row {
                        required property var modelData
                        spacing: Theme.spaceM
                        Text { textFormat: Text.PlainText; width: Theme.px(420); text: modelData.title; color: Theme.text; font.pixelSize: Theme.labelSize; font.weight: Font.Bold; elide: Text.ElideRight }
                        Text {
                            textFormat: Text.PlainText
                            objectName: "cornerFigures_" + modelData.id
                            text: qsTr("%1 visits · %2 min · %3 of %4 videos to the end")
                                  .arg(modelData.visits).arg(Math.round(modelData.dwellSeconds / 60))
                                  .arg(modelData.completions).arg(modelData.plays)
                            color: Theme.text
                            font.pixelSize: Theme.labelSize
                        }
                    }
                }
            }

            // -- Export
            Column {
                id: exportPage
                objectName: "staffExportPage"
                visible: panel.page === "export"
                width: parent.width
                spacing: Theme.spaceM
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    text: qsTr("Today's and all visitor numbers as CSV files, and the kiosk's recent log, into a new folder on the USB stick.")
                    color: Theme.text
                    font.pixelSize: Theme.labelSize
                    wrapMode: Text.Wrap
                }
                PillButton {
                    objectName: "exportButton"
                    text: qsTr("Save to the USB stick")
                    tint: Theme.accent
                    ink: Theme.accentInk
                    onActivated: panel.staff.exportStats()
                }
            }

            // -- Sound and screen
            Column {
                id: soundPage
                objectName: "staffSoundPage"
                visible: panel.page === "sound"
                width: parent.width
                spacing: Theme.spaceM
                Text { textFormat: Text.PlainText; text: qsTr("Sound"); color: Theme.text; font.pixelSize: Theme.leadSize; font.weight: Font.Bold }
                Row {
                    spacing: Theme.spaceS
                    PillButton { objectName: "masterDown"; text: "-"; fontSize: Theme.leadSize; accessibleName: qsTr("Quieter")
                                 onActivated: panel.staff.setVolume(panel.staff.volumeSetting - 0.1) }
                    Text {
                        textFormat: Text.PlainText
                        objectName: "masterVolumeText"
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Volume %1%").arg(Math.round(panel.staff.volumeSetting * 100))
                        color: Theme.text
                        font.pixelSize: Theme.labelSize
                    }
                    PillButton { objectName: "masterUp"; text: "+"; fontSize: Theme.leadSize; accessibleName: qsTr("Louder")
                                 onActivated: panel.staff.setVolume(panel.staff.volumeSetting + 0.1) }
                    PillButton {
                        objectName: "muteAll"
                        text: panel.staff.muted ? qsTr("Sound on") : qsTr("Mute")
                        selected: panel.staff.muted
                        toggle: true
                        onActivated: panel.staff.setMuted(!panel.staff.muted)
                    }
                }
                Text { textFormat: Text.PlainText; text: qsTr("Screen"); color: Theme.text; font.pixelSize: Theme.leadSize; font.weight: Font.Bold }
                PillButton {
                    objectName: "testPatternButton"
                    text: qsTr("Show a test pattern")
                    onActivated: panel.staff.showTestPattern(true)
                }
                Row {
                    spacing: Theme.spaceS
                    visible: panel.staff.brightness >= 0
                    PillButton { text: "-"; fontSize: Theme.leadSize; accessibleName: qsTr("Darker")
                                 onActivated: panel.staff.setBrightness(panel.staff.brightness - 0.1) }
                    Text {
                        textFormat: Text.PlainText
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Brightness %1%").arg(Math.round(panel.staff.brightness * 100))
                        color: Theme.text
                        font.pixelSize: Theme.labelSize
                    }
                    PillButton { text: "+"; fontSize: Theme.leadSize; accessibleName: qsTr("Brighter")
                                 onActivated: panel.staff.setBrightness(panel.staff.brightness + 0.1) }
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "noBrightness"
                    visible: panel.staff.brightness < 0
                    width: parent.width
                    text: qsTr("This display's brightness cannot be set from the kiosk; use the monitor's own buttons.")
                    color: Theme.mutedText
                    font.pixelSize: Theme.labelSize
                    wrapMode: Text.Wrap
                }
            }

            // -- The show
            Column {
                id: showPage
                objectName: "staffShowPage"
                visible: panel.page === "show"
                width: parent.width
                spacing: Theme.spaceM
                PillButton { objectName: "startAttractButton"; text: qsTr("Start the attract loop now"); onActivated: panel.staff.startAttract() }
                PillButton { objectName: "reloadButton"; text: qsTr("Read the content again"); onActivated: panel.staff.reloadContent() }
                PillButton { objectName: "restartButton"; text: qsTr("Restart the kiosk"); onActivated: panel.staff.restartApp() }
                PillButton {
                    objectName: "quitButton"
                    text: qsTr("Quit to the desktop…")
                    visible: !panel.confirmQuit
                    onActivated: panel.confirmQuit = true
                }
                Row {
                    visible: panel.confirmQuit
                    spacing: Theme.spaceS
                    Text {
                        textFormat: Text.PlainText
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("The exhibit stops. Sure?")
                        color: Theme.text
                        font.pixelSize: Theme.labelSize
                        font.weight: Font.Bold
                    }
                    PillButton {
                        objectName: "confirmQuitButton"
                        text: qsTr("Quit")
                        tint: "#b3261e"
                        ink: "white"
                        onActivated: panel.staff.quitToDesktop()
                    }
                    PillButton { text: qsTr("Cancel"); onActivated: panel.confirmQuit = false }
                }
            }
        }
    }

    // The outcome of the last action, in a sentence.
    Rectangle {
        id: resultBar
        objectName: "staffResult"
        anchors { left: nav.right; right: parent.right; bottom: parent.bottom; margins: Theme.spaceL }
        height: visible ? resultText.implicitHeight + 2 * Theme.spaceS : 0
        visible: resultText.text.length > 0
        radius: Theme.px(12)
        color: Theme.surface
        border.color: Theme.hairline
        Text {
            textFormat: Text.PlainText
            id: resultText
            objectName: "staffResultText"
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.spaceM }
            text: panel.resultText(panel.staff.result)
            color: Theme.text
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
        }
    }
}
