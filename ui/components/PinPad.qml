pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// The staff PIN pad: to approve a package that needs it (unsigned, untrusted or not
// newer), and to open the staff panel; StaffAccess decides what a PIN does. The PIN
// shows as dots, never as digits. Digits, Backspace and Enter work from a keyboard too;
// nothing moves under the finger when a problem is shown.
Rectangle {
    id: approval

    property string title: qsTr("Staff approval")
    property string cancelText: qsTr("Do not install")
    required property string description
    property string pin: ""
    property int problem: StaffAccess.Accepted  // a StaffAccess.PinResult: Accepted is none
    property int lockedSeconds: 0
    property int triesLeft: 0
    signal submitted(string pin)
    signal cancelled

    color: Theme.scrim

    function submit() {
        approval.submitted(approval.pin);
        approval.pin = "";
    }

    function problemText(): string {
        switch (approval.problem) {
        case StaffAccess.Wrong:
            return qsTr("Wrong PIN. Tries left before the pad locks: %1").arg(approval.triesLeft);
        case StaffAccess.Locked:
            return qsTr("Too many wrong PINs: try again in %1 s").arg(approval.lockedSeconds);
        case StaffAccess.NoPin:
            return qsTr("No staff PIN is set on this kiosk");
        default:
            return "";
        }
    }

    focus: true
    Keys.onPressed: event => {
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9)
            approval.press(String(event.key - Qt.Key_0));
        else if (event.key === Qt.Key_Backspace)
            approval.press("back");
        else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
            approval.submit();
        else
            return;
        event.accepted = true;
    }

    function press(key: string) {
        approval.problem = StaffAccess.Accepted;
        if (key === "back")
            approval.pin = approval.pin.slice(0, -1);
        else if (approval.pin.length < 8)
            approval.pin += key;
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spaceL, Theme.px(640))
        height: content.implicitHeight + 2 * Theme.spaceL
        radius: Theme.px(24)
        color: Theme.surface

        Column {
            id: content
            anchors {
                left: parent.left
                right: parent.right
                top: parent.top
                margins: Theme.spaceL
            }
            spacing: Theme.spaceM

            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: approval.title
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: approval.description
                color: Theme.mutedText
                font.pixelSize: Theme.labelSize
                wrapMode: Text.Wrap
            }

            // The PIN as dots, never as digits.
            Row {
                objectName: "pinDots"
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Theme.spaceS
                height: Theme.px(28)
                Repeater {
                    model: Math.max(6, approval.pin.length)
                    Rectangle {
                        required property int index
                        width: Theme.px(22)
                        height: width
                        radius: width / 2
                        color: index < approval.pin.length ? Theme.text : "transparent"
                        border.color: Theme.text
                        border.width: 2
                    }
                }
            }

            // Always there, one line high at least: the keys below never move.
            Text {
                textFormat: Text.PlainText
                objectName: "pinProblem"
                width: parent.width
                height: Math.max(implicitHeight, Math.ceil(Theme.labelSize * 1.5))
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: Theme.danger
                font.pixelSize: Theme.labelSize
                wrapMode: Text.Wrap
                text: approval.problemText()
            }

            Grid {
                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                spacing: Theme.spaceS
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok"]
                    PillButton {
                        required property string modelData
                        objectName: "pinKey_" + modelData
                        width: Theme.px(150)
                        height: Theme.px(84)
                        radius: Theme.px(16)
                        fontSize: Theme.titleSize
                        text: modelData === "back" ? "←" : modelData === "ok" ? qsTr("OK") :
                                                                                modelData

                        tint: modelData === "ok" ? Theme.accent : Theme.surface
                        ink: modelData === "ok" ? Theme.accentInk : Theme.text
                        onActivated: {
                            if (modelData === "ok")
                                approval.submit();
                            else
                                approval.press(modelData);
                        }
                    }
                }
            }

            PillButton {
                objectName: "pinCancel"
                anchors.horizontalCenter: parent.horizontalCenter
                text: approval.cancelText
                onActivated: approval.cancelled()
            }
        }
    }
}
