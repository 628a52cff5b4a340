pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// A gallery picture shown large over the page: swipe to the next, pinch or double-tap to
// zoom, the cross to close.
Rectangle {
    id: viewer
    objectName: "imageViewer"

    required property var model
    required property Exhibit exhibit
    property int startIndex: 0
    readonly property int currentIndex: pictures.currentIndex
    // The picture shown now and its caption: in low position Main.qml shows it large above
    // the reach band too.
    // (Set by the current slide.)
    property url currentImage: ""
    property string currentCaption: ""
    property real currentPaintedWidth: 0
    property bool currentZoomed: false
    signal closed

    color: Theme.viewerBackground

    // Touches anywhere on the viewer must not reach the page underneath; the cross closes.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    ListView {
        id: pictures
        objectName: "viewerPictures"
        // Below the top row of buttons; above the bottom edge by a little (the previous and
        // next buttons sit at the sides). On a short stage every pixel goes to the picture.
        anchors {
            fill: parent
            topMargin: Math.min(Theme.spaceXxl, Theme.spaceL + Theme.controlHeight + Theme.spaceS)
            bottomMargin: Math.min(Theme.spaceXxl, parent.height * 0.05 + Theme.spaceS)
        }
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.calm
        currentIndex: viewer.startIndex
        // A zoomed picture pans under the finger instead of turning the page.
        interactive: !viewer.currentZoomed
        model: viewer.model
        clip: true
        keyNavigationEnabled: false  // arrows move the focus; the buttons turn pictures

        delegate: Item {
            id: slide
            required property int index
            required property url imageUrl
            required property string caption
            readonly property bool zoomed: picture.scale > 1.01
            readonly property real paintedWidth: picture.paintedWidth
            // The current slide tells the viewer what it shows.
            Binding {
                when: slide.ListView.isCurrentItem
                viewer.currentImage: slide.imageUrl
                viewer.currentCaption: slide.caption
                viewer.currentPaintedWidth: slide.paintedWidth
                viewer.currentZoomed: slide.zoomed
            }
            width: pictures.width
            height: pictures.height

            Image {
                id: picture
                objectName: "viewerImage_" + slide.index
                width: slide.width
                height: slide.height - captionText.height - Theme.spaceM
                source: slide.imageUrl
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                // Fitted: both sides bound the decode.
                sourceSize {
                    width: 2048
                    height: 2048
                }

                PinchHandler {
                    id: pinch
                    minimumScale: 1
                    maximumScale: 4
                    minimumRotation: 0
                    maximumRotation: 0
                }
                DragHandler {
                    enabled: slide.zoomed
                }
                TapHandler {
                    acceptedButtons: Qt.LeftButton
                    onDoubleTapped: {
                        picture.scale = slide.zoomed ? 1 : 2.5;
                        if (!slide.zoomed) {
                            picture.x = 0;
                            picture.y = 0;
                        }
                    }
                }
                Behavior on scale {
                    NumberAnimation {
                        duration: Theme.calm
                        easing.type: Easing.OutCubic
                    }
                }
            }
            Text {
                id: captionText
                textFormat: Text.PlainText
                // Clear of the previous and next buttons at the sides.
                anchors {
                    left: parent.left
                    right: parent.right
                    bottom: parent.bottom
                    leftMargin: Theme.controlHeight + Theme.spaceL
                    rightMargin: Theme.controlHeight + Theme.spaceL
                }
                text: slide.caption
                color: Theme.onDark
                font.pixelSize: Theme.leadSize
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }
    }

    // Previous and next: for a keypad, and for anyone who does not think to swipe.
    PillButton {
        objectName: "viewerPreviousButton"
        anchors {
            left: parent.left
            bottom: parent.bottom
            margins: Theme.spaceM
        }
        icon: "←"
        accessibleName: qsTr("Previous picture")
        visible: pictures.currentIndex > 0
        onActivated: pictures.decrementCurrentIndex()
    }
    PillButton {
        objectName: "viewerNextButton"
        anchors {
            right: parent.right
            bottom: parent.bottom
            margins: Theme.spaceM
        }
        icon: "→"
        accessibleName: qsTr("Next picture")
        visible: pictures.currentIndex < pictures.count - 1
        onActivated: pictures.incrementCurrentIndex()
    }

    // Where the visitor is among the pictures: "2 / 5", a quiet pill in the band above
    // them, between the top row's buttons.
    Rectangle {
        anchors {
            horizontalCenter: parent.horizontalCenter
            top: parent.top
            topMargin: Math.max(Theme.spaceXs, (pictures.anchors.topMargin - height) / 2)
        }
        visible: pictures.count > 1
        width: count.implicitWidth + 2 * Theme.spaceM
        height: count.implicitHeight + Theme.spaceS
        radius: height / 2
        color: Theme.controlOnDark
        Text {
            id: count
            objectName: "viewerCount"
            textFormat: Text.PlainText
            anchors.centerIn: parent
            text: qsTr("%1 / %2").arg(pictures.currentIndex + 1).arg(pictures.count)
            color: Theme.onDark
            font.pixelSize: Theme.labelSize
            font.weight: Font.Bold
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Picture %1 of %2").arg(pictures.currentIndex + 1).arg(
                                 pictures.count)
        }
    }

    // Home, the language and the way back stay one tap away over the picture too.
    PillButton {
        objectName: "viewerHomeButton"
        anchors {
            left: parent.left
            top: parent.top
            margins: Theme.spaceL
        }
        icon: "←"
        text: viewer.exhibit.hallTitle
        onActivated: {
            viewer.closed();
            viewer.exhibit.goHome();
        }
    }
    Row {
        anchors {
            right: parent.right
            top: parent.top
            margins: Theme.spaceL
        }
        spacing: Theme.spaceM
        LanguageSwitch {
            onDark: true
            languages: viewer.exhibit.languages
            current: viewer.exhibit.language
            onChosen: language => viewer.exhibit.language = language
        }
        IconButton {
            objectName: "viewerCloseButton"
            icon: "close"
            accessibleName: qsTr("Close")
            focus: true  // a keypad user lands on the way back
            onActivated: viewer.closed()
        }
    }
}
