pragma ComponentBehavior: Bound
import QtQuick
import theme

// A corner's sections as pages: tabs to jump, a swipe to turn; long text scrolls in its page.
Item {
    id: pager

    required property var model          // the bridge's section list model
    required property color accent
    property alias currentIndex: pages.currentIndex
    // Flowing (large text, low position): the page is as tall as its text and the whole
    // view scrolls, so there is one scroll, not one inside another.
    property bool flowing: false
    // Narration: which recording plays now (the corner view owns the player).
    property url narrationPlaying
    signal narrationToggled(url source)
    readonly property real naturalHeight: tabs.height + Theme.spaceL + ((
                                                                            pages.currentItem as Flickable)
                                                                        ?.contentHeight ?? 0)

    // Tabs wrap onto a second line rather than run off the edge (long English titles,
    // large text).
    Flow {
        id: tabs
        objectName: "sectionTabs"
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
        }
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
                border.width: Theme.highContrast ? 2 : 1

                activeFocusOnTab: true
                Accessible.role: Accessible.PageTab
                Accessible.name: tab.title
                Accessible.selected: tab.current
                Accessible.onPressAction: pages.currentIndex = tab.index
                Keys.onReturnPressed: pages.currentIndex = tab.index
                Keys.onEnterPressed: pages.currentIndex = tab.index
                Keys.onSpacePressed: pages.currentIndex = tab.index
                FocusRing {
                    cornerRadius: tab.radius
                }

                Text {
                    id: label
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: tab.title
                    color: tab.current ? Theme.onCorner : Theme.text
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
            left: parent.left
            right: parent.right
            top: tabs.bottom
            bottom: parent.bottom
            topMargin: Theme.spaceL
        }
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.calm
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: false  // arrows move the focus between controls
        clip: true
        model: pager.model

        delegate: Flickable {
            id: page
            required property int index
            required property string title
            required property string body
            required property url narrationUrl
            objectName: "sectionPage_" + index
            width: pages.width
            height: pages.height
            contentHeight: text.implicitHeight + Theme.spaceL
            clip: true
            interactive: !pager.flowing
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            Column {
                id: text
                width: page.width
                spacing: Theme.spaceM

                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    text: page.title
                    color: Theme.text
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    wrapMode: Text.Wrap
                }
                // A recorded reading of the page, for visitors who cannot read it.
                PillButton {
                    objectName: "narrationButton_" + page.index
                    readonly property bool playing: page.narrationUrl.toString().length > 0
                                                    && page.narrationUrl.toString()
                                                    === pager.narrationPlaying.toString()
                    visible: page.narrationUrl.toString().length > 0
                    text: playing ? qsTr("Stop reading") : qsTr("Listen to this page")
                    selected: playing
                    toggle: true
                    onActivated: pager.narrationToggled(page.narrationUrl)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "sectionBody_" + page.index
                    width: parent.width
                    text: page.body
                    color: Theme.text
                    font.pixelSize: Theme.bodySize
                    wrapMode: Text.Wrap
                    lineHeight: Theme.bodyLineHeight
                }
            }

            // More text below: a soft fade says so without hiding anything for good.
            Rectangle {
                visible: page.contentHeight > page.height && !page.atYEnd
                anchors {
                    left: parent.left
                    right: parent.right
                    bottom: parent.bottom
                }
                height: Theme.spaceXl
                gradient: Gradient {
                    GradientStop {
                        position: 0
                        color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b,
                                       0)

                    }
                    GradientStop {
                        position: 1
                        color: Theme.background
                    }
                }
            }
        }
    }
}
