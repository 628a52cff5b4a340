pragma ComponentBehavior: Bound
import QtQuick
import theme

// Outside opening hours: a dark screen (the display is switched off too, where it lets
// software do so). Where it does not, a visitor still reads, dimly, in both languages,
// that the hall is closed and when it opens, not a kiosk that broke. The words move now and
// then so that no panel keeps their shadow. Every touch ends here.
Rectangle {
    id: closed
    objectName: "closedScreen"

    // When the hall opens next, "2026-10-27T09:00"; empty when not within a week.
    required property string nextOpening

    color: Theme.closedGround

    // In how many days (0: today), by the kiosk's clock; -1 with no opening.
    required property int inDays
    readonly property date opening: new Date(closed.nextOpening)
    readonly property string time: Qt.formatTime(closed.opening, "HH:mm")

    function koreanWhen(): string {
        if (closed.inDays === 0)
            return "오늘 %1에 다시 엽니다".arg(closed.time);
        if (closed.inDays === 1)
            return "내일 %1에 다시 엽니다".arg(closed.time);
        return "%1 %2에 다시 엽니다".arg(Qt.locale("ko_KR").dayName(closed.opening.getDay(),
                                                              Locale.LongFormat)).arg(closed.time);
    }
    function englishWhen(): string {
        if (closed.inDays === 0)
            return "Open again today at %1".arg(closed.time);
        if (closed.inDays === 1)
            return "Open again tomorrow at %1".arg(closed.time);
        return "Open again on %1 at %2".arg(Qt.locale("en_GB").dayName(closed.opening.getDay(),
                                                                       Locale.LongFormat)).arg(
                    closed.time);
    }

    Column {
        id: words
        spacing: Theme.spaceS
        // Within the middle half of the screen, placed anew every few minutes.
        property real along: 0.5
        property real down: 0.5
        x: (closed.width - width) * (0.25 + 0.5 * words.along)
        y: (closed.height - height) * (0.25 + 0.5 * words.down)

        Text {
            objectName: "closedTitle"
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: "운영 시간이 아닙니다 · Closed"
            color: Theme.onClosed
            font.pixelSize: Theme.leadSize
            font.weight: Font.DemiBold
        }
        Text {
            objectName: "closedWhen"
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            visible: closed.inDays >= 0
            text: closed.koreanWhen() + " · " + closed.englishWhen()
            color: Theme.onClosed
            font.pixelSize: Theme.labelSize
        }
    }

    Timer {
        interval: 180000
        repeat: true
        running: closed.visible
        onTriggered: {
            words.along = Math.random();
            words.down = Math.random();
        }
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }
}
