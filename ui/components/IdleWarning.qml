pragma ComponentBehavior: Bound
import QtQuick
import theme

// "Are you still there?": a countdown and a large Continue button. Any touch continues.
Rectangle {
    id: warning
    objectName: "idleWarning"

    required property int secondsLeft
    required property int seconds
    signal continued

    color: Theme.idleScrim

    // On a short stage (the reach band of low-position mode) the ring sits beside the
    // words and the button, so the card fits and the button stays within reach.
    readonly property bool compact: height < Theme.px(760)

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spaceXl, Theme.px(warning.compact ? 1000 : 760))
        height: (warning.compact ? Math.max(ringBox.height, content.implicitHeight) :
                                   content.implicitHeight) + 2 * Theme.spaceXl
        radius: Theme.px(24)
        color: Theme.surface
        border.color: Theme.highContrast ? Theme.text : "transparent"
        border.width: Theme.highContrast ? 2 : 0

        // The countdown: a number in a ring that empties.
        Item {
            id: ringBox
            x: warning.compact ? Theme.spaceXl : (card.width - width) / 2
            y: warning.compact ? (card.height - height) / 2 : Theme.spaceXl + heading.height
                                 + Theme.spaceL
            width: Theme.px(180)
            height: width
            Rectangle {
                anchors.fill: parent
                radius: width / 2
                color: "transparent"
                border.color: Theme.hairline
                border.width: Theme.px(10)
            }
            Canvas {
                id: ring
                anchors.fill: parent
                property real part: warning.seconds > 0 ? warning.secondsLeft / warning.seconds : 0
                property color ink: Theme.accent
                onPartChanged: requestPaint()
                onInkChanged: requestPaint()
                onPaint: {
                    const ctx = getContext("2d");
                    ctx.reset();
                    ctx.lineWidth = Theme.px(10);
                    ctx.strokeStyle = ring.ink;
                    ctx.lineCap = "round";
                    ctx.beginPath();
                    const r = width / 2 - ctx.lineWidth / 2;
                    ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI
                            * part);
                    ctx.stroke();
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "idleCountdown"
                anchors.centerIn: parent
                text: warning.secondsLeft
                color: Theme.text
                font.pixelSize: Math.min(Theme.displaySize, Theme.px(84))
                font.weight: Font.Bold
                font.features: {
                    "tnum": 1
                }
            }
        }

        Column {
            id: content
            x: warning.compact ? ringBox.x + ringBox.width + Theme.spaceXl : Theme.spaceXl
            y: Theme.spaceXl
            width: card.width - x - Theme.spaceXl
            spacing: Theme.spaceL

            Text {
                id: heading
                textFormat: Text.PlainText
                width: parent.width
                text: qsTr("Are you still there?")
                color: Theme.text
                font.pixelSize: Theme.headlineSize
                font.weight: Font.Bold
                horizontalAlignment: warning.compact ? Text.AlignLeft : Text.AlignHCenter
                wrapMode: Text.Wrap
            }

            // Room for the ring, below the heading, in the tall layout.
            Item {
                visible: !warning.compact
                width: 1
                height: ringBox.height
            }

            Text {
                textFormat: Text.PlainText
                width: parent.width
                // Short and large: the question and the button matter more.
                visible: !(warning.compact && Theme.largeText)
                text: qsTr("Without a touch, the screen returns to the start.")
                color: Theme.mutedText
                font.pixelSize: Theme.bodySize
                horizontalAlignment: warning.compact ? Text.AlignLeft : Text.AlignHCenter
                wrapMode: Text.Wrap
            }

            PillButton {
                objectName: "continueButton"
                x: warning.compact ? 0 : (parent.width - width) / 2
                width: Math.min(parent.width, Math.max(implicitWidth, Theme.px(360)))
                height: Math.max(Theme.px(96), implicitHeight)
                tint: Theme.accent
                ink: Theme.accentInk
                text: qsTr("Continue")
                fontSize: Theme.titleSize
                onActivated: warning.continued()
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        z: -1
        acceptedButtons: Qt.AllButtons
        onPressed: warning.continued()
        // The page behind rests: a mouse wheel here scrolls nothing.
        onWheel: wheel => wheel.accepted = true
    }
}
