pragma ComponentBehavior: Bound
import QtQuick
import theme

// A corner's sections as pages: tabs to jump, a swipe to turn; long text scrolls in its page.
Item {
    id: pager

    required property var model          // the bridge's section list model
    required property color accent
    property alias currentIndex: pages.currentIndex

    // Tabs wrap onto a second line rather than run off the edge (long English titles,
    // large text).
    Flow {
        id: tabs
        objectName: "sectionTabs"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.spaceXs

        Repeater {
            model: pager.model

            Rectangle {
                id: tab
                required property int index
                required property string title
                objectName: "sectionTab_" + index
                readonly property bool current: pages.currentIndex === index
                width: label.implicitWidth + 2 * Theme.spaceM
                height: Theme.controlHeight
                radius: height / 2
                color: current ? pager.accent : "transparent"
                border.color: current ? pager.accent : Theme.hairline
                border.width: 1

                Text {
                    id: label
                    anchors.centerIn: parent
                    text: tab.title
                    color: tab.current ? "white" : Theme.text
                    font.pixelSize: Theme.labelSize
                    font.weight: Font.Bold
                }
                Rectangle {
                    anchors.fill: parent
                    radius: parent.radius
                    color: Theme.pressedOverlay
                    visible: tabTap.pressed
                }
                TapHandler {
                    id: tabTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: pages.currentIndex = tab.index
                }
            }
        }
    }

    ListView {
        id: pages
        objectName: "sectionPages"
        anchors {
            left: parent.left; right: parent.right; top: tabs.bottom; bottom: parent.bottom
            topMargin: Theme.spaceL
        }
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.calm
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        model: pager.model

        delegate: Flickable {
            id: page
            required property int index
            required property string title
            required property string body
            objectName: "sectionPage_" + index
            width: pages.width
            height: pages.height
            contentHeight: text.implicitHeight + Theme.spaceL
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            Column {
                id: text
                width: page.width
                spacing: Theme.spaceM

                Text {
                    width: parent.width
                    text: page.title
                    color: Theme.text
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "sectionBody_" + page.index
                    width: parent.width
                    text: page.body
                    color: Theme.text
                    font.pixelSize: Theme.bodySize
                    wrapMode: Text.WordWrap
                    lineHeight: Theme.bodyLineHeight
                }
            }

            // More text below: a soft fade says so without hiding anything for good.
            Rectangle {
                visible: page.contentHeight > page.height && !page.atYEnd
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: Theme.spaceXl
                gradient: Gradient {
                    GradientStop { position: 0; color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0) }
                    GradientStop { position: 1; color: Theme.background }
                }
            }
        }
    }
}
