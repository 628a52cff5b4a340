pragma ComponentBehavior: Bound
import QtQuick
import theme

// "Are you still there?": a countdown and a large Continue button. Any touch continues.
Rectangle {
    id: warning
    objectName: "idleWarning"

    required property int secondsLeft
    required property int seconds
    signal continued()

    color: Qt.rgba(0.04, 0.07, 0.16, 0.72)

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spaceXl, Theme.px(760))
        height: content.implicitHeight + 2 * Theme.spaceXl
        radius: Theme.px(24)
        color: Theme.surface

        Column {
            id: content
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spaceXl }
            spacing: Theme.spaceL

            Text {
                width: parent.width
                text: qsTr("Are you still there?")
                color: Theme.text
                font.pixelSize: Theme.headlineSize
                font.weight: Font.Bold
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }

            // The countdown: a number in a ring that empties.
            Item {
                anchors.horizontalCenter: parent.horizontalCenter
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
                    onPartChanged: requestPaint()
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        ctx.lineWidth = Theme.px(10)
                        ctx.strokeStyle = Theme.accent
                        ctx.lineCap = "round"
                        ctx.beginPath()
                        const r = width / 2 - ctx.lineWidth / 2
                        ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * part)
                        ctx.stroke()
                    }
                }
                Text {
                    objectName: "idleCountdown"
                    anchors.centerIn: parent
                    text: warning.secondsLeft
                    color: Theme.text
                    font.pixelSize: Theme.displaySize
                    font.weight: Font.Bold
                    font.features: { "tnum": 1 }
                }
            }

            Text {
                width: parent.width
                text: qsTr("Without a touch, the screen returns to the start.")
                color: Theme.mutedText
                font.pixelSize: Theme.bodySize
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }

            PillButton {
                objectName: "continueButton"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.max(implicitWidth, Theme.px(360))
                height: Theme.px(96)
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
    }
}
