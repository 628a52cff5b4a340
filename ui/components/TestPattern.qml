pragma ComponentBehavior: Bound
import QtQuick
import theme

// A screen test for staff: colour bars, a grey ramp, a border and a centre cross show
// colour, contrast, cropping and dead areas at a glance. A tap anywhere closes it.
Rectangle {
    id: pattern
    objectName: "testPattern"
    signal closed

    color: Theme.testGround

    Row {
        id: bars
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
        }
        height: parent.height * 0.6
        Repeater {
            model: Theme.testBars
            Rectangle {
                required property color modelData
                width: bars.width / 8
                height: bars.height
                color: modelData
            }
        }
    }
    Row {
        id: ramp
        anchors {
            left: parent.left
            right: parent.right
            top: bars.bottom
            bottom: parent.bottom
        }
        Repeater {
            model: 16
            Rectangle {
                required property int index
                width: ramp.width / 16
                height: ramp.height
                color: Qt.rgba(index / 15, index / 15, index / 15, 1)
            }
        }
    }
    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.color: Theme.testMark
        border.width: 4
    }
    Rectangle {
        anchors.centerIn: parent
        width: parent.width * 0.1
        height: 4
        color: Theme.testMark
    }
    Rectangle {
        anchors.centerIn: parent
        width: 4
        height: parent.width * 0.1
        color: Theme.testMark
    }

    Text {
        textFormat: Text.PlainText
        anchors {
            horizontalCenter: parent.horizontalCenter
            bottom: parent.bottom
            bottomMargin: Theme.spaceL
        }
        text: qsTr("Test pattern: touch to close")
        color: Theme.onDark
        style: Text.Outline
        styleColor: Theme.testGround
        font.pixelSize: Theme.leadSize
        font.weight: Font.Bold
    }

    MouseArea {
        anchors.fill: parent
        onClicked: pattern.closed()
    }
}
