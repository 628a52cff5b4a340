pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// Today: what `stats summary --day` says: sessions, their average length, the languages
// they used, a bar per hour, and a row per corner.
Column {
    id: page
    objectName: "staffTodayPage"

    required property TodayPage today

    spacing: Theme.spaceL

    // A figure as large as the page shows it.
    component BigFigure: Text {
        textFormat: Text.PlainText
        color: Theme.text
        font.pixelSize: Theme.headlineSize
        font.weight: Font.Bold
    }

    // A figure and, under it, what it counts.
    component Figure: Column {
        id: figure
        required property string value
        required property string label
        property string valueName
        BigFigure {
            objectName: figure.valueName
            text: figure.value
        }
        StaffText {
            text: figure.label
            muted: true
        }
    }

    Row {
        spacing: Theme.spaceXl
        Figure {
            valueName: "todaySessions"
            value: String(page.today.sessions)
            label: qsTr("visitor sessions")
        }
        Figure {
            valueName: "todayMeanSession"
            value: Durations.words(page.today.meanSeconds)
            label: qsTr("average session")
        }
        // Which languages the sessions used, each named in itself.
        Column {
            Row {
                objectName: "todayLanguages"
                spacing: Theme.spaceM

                BigFigure {
                    visible: page.today.languages.count === 0
                    text: "-"
                }
                Repeater {
                    model: page.today.languages
                    Row {
                        id: share
                        required property int index
                        required property string language
                        required property real share
                        spacing: Theme.spaceM
                        BigFigure {
                            visible: share.index > 0
                            text: "·"
                        }
                        BigFigure {
                            objectName: "languageShare_" + share.language
                            text: Languages.name(share.language) + " " + Math.round(share.share * 100)
                                  + "%"
                        }
                    }
                }
            }
            StaffText {
                text: qsTr("languages")
                muted: true
            }
        }
    }

    // Sessions per hour: a bar per hour, the hour under it.
    StaffHeading {
        text: qsTr("Sessions per hour")
    }
    Row {
        id: chart
        objectName: "hourChart"
        readonly property real barWidth: (page.width - 23 * spacing) / 24
        readonly property real chartHeight: Theme.px(200)
        spacing: Theme.px(4)
        Repeater {
            model: page.today.hours
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
                        height: page.today.busiestHour > 0 ? Math.max(bar.modelData > 0 ? 2 : 0,
                                                                      chart.chartHeight
                                                                      * bar.modelData
                                                                      / page.today.busiestHour) : 0
                        color: Theme.accent
                        radius: Theme.px(3)
                    }
                    Text {
                        textFormat: Text.PlainText
                        anchors {
                            horizontalCenter: parent.horizontalCenter
                            bottom: parent.bottom
                            bottomMargin: Theme.px(4)
                        }
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

    StaffHeading {
        text: qsTr("Corners")
    }
    Repeater {
        model: page.today.corners
        Row {
            id: cornerRow
            required property string cornerId
            required property string title
            required property int visits
            required property int dwellSeconds
            required property int plays
            required property int completions
            readonly property real titleWidth: Math.min(Theme.px(420), page.width * 0.4)
            width: page.width
            spacing: Theme.spaceM
            StaffText {
                width: cornerRow.titleWidth
                text: cornerRow.title
                strong: true
            }
            // Wraps in what is left of the page's width (a tall screen has little).
            StaffText {
                width: cornerRow.width - cornerRow.titleWidth - cornerRow.spacing
                objectName: "cornerFigures_" + cornerRow.cornerId
                text: qsTr("%1 visits · %2 · %3 of %4 videos to the end").arg(cornerRow.visits).arg(
                          Durations.words(cornerRow.dwellSeconds)).arg(cornerRow.completions).arg(
                          cornerRow.plays)
            }
        }
    }
}
