pragma ComponentBehavior: Bound
import QtQuick
import theme

// The online venue's QR code with its label and address, for visitors to take home.
Row {
    id: venue

    required property string label
    required property string url
    required property string qrSource

    visible: qrSource.length > 0
    spacing: Theme.spaceS
    layoutDirection: Qt.RightToLeft

    Rectangle {
        width: Theme.px(132)
        height: width
        color: Theme.qrGround
        radius: Theme.px(8)

        Image {
            objectName: "venueQr"
            anchors.fill: parent
            anchors.margins: Theme.px(6)
            source: venue.qrSource
            sourceSize.width: width
            sourceSize.height: height
            smooth: false
        }
    }

    Column {
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spaceXs

        Text {
            textFormat: Text.PlainText
            anchors.right: parent.right
            text: venue.label
            color: Theme.text
            font.pixelSize: Theme.labelSize
            font.weight: Font.Bold
        }
        Text {
            textFormat: Text.PlainText
            anchors.right: parent.right
            text: venue.url.replace(/^https?:\/\//, "")
            color: Theme.mutedText
            font.pixelSize: Theme.labelSize
        }
    }
}
