pragma ComponentBehavior: Bound
import QtQuick
import theme

// A corner's sections as pages: tabs to jump, a swipe to turn; long text reads on by whole
// lines in its page, with a button that says it goes on.
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
    readonly property SectionPage currentPage: pages.currentItem as SectionPage
    readonly property real naturalHeight: tabs.height + Theme.spaceM + (currentPage?.implicitHeight
                                                                        ?? 0)
    readonly property real tabsHeight: tabs.height
    // Low position: the page's text shows above the reach band, in this reading, and the
    // pager keeps only its tabs; the foot (reading aloud, page dots, read on) goes where
    // the band has room for it (footHost).
    property SectionReading readingElsewhere: null
    property Item footHost: null

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
        visible: pager.readingElsewhere === null
        anchors {
            left: parent.left
            right: parent.right
            top: tabs.bottom
            bottom: footer.visible && pager.footHost === null ? footer.top : parent.bottom
            topMargin: Theme.spaceM
            bottomMargin: footer.visible && pager.footHost === null ? Theme.spaceM : 0
        }
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.calm
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: false  // arrows move the focus between controls
        clip: true
        model: pager.model

        delegate: SectionPage {
            width: pages.width
            height: pager.flowing ? implicitHeight : pages.height
            flowing: pager.flowing
            narrationPlaying: pager.narrationPlaying
            onNarrationToggled: source => pager.narrationToggled(source)
        }
    }

    // The page's foot: reading aloud, where the visitor is among the pages, and, when the
    // text goes on, a button that says so and reads on (from the end, back to the start).
    Item {
        id: footer
        readonly property SectionPage page: pager.currentPage
        readonly property SectionReading reading: pager.readingElsewhere ?? page?.reading ?? null
        parent: pager.footHost ?? pager
        visible: !pager.flowing
        anchors {
            left: parent.left
            right: parent.right
            bottom: parent.bottom
        }
        height: Theme.controlHeight

        Row {
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spaceM

            NarrationButton {
                objectName: "pageNarrationButton"
                narrationUrl: footer.page?.narrationUrl ?? ""
                narrationPlaying: pager.narrationPlaying
                onNarrationToggled: source => pager.narrationToggled(source)
            }
            Row {
                objectName: "pageDots"
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.spaceXs
                visible: pages.count > 1
                Accessible.role: Accessible.Indicator
                Accessible.name: qsTr("Page %1 of %2").arg(pages.currentIndex + 1).arg(pages.count)

                Repeater {
                    model: pages.count
                    Rectangle {
                        required property int index
                        readonly property bool current: index === pages.currentIndex
                        anchors.verticalCenter: parent.verticalCenter
                        width: current ? Theme.px(32) : Theme.px(12)
                        height: Theme.px(12)
                        radius: height / 2
                        color: current ? pager.accent : Theme.hairline
                        Behavior on width {
                            NumberAnimation {
                                duration: Theme.quick
                            }
                        }
                    }
                }
            }
        }

        PillButton {
            objectName: "readOnButton"
            readonly property bool atEnd: footer.reading?.atEnd ?? false
            anchors.right: parent.right
            visible: footer.reading?.overflows ?? false
            icon: atEnd ? "↑" : "↓"
            text: atEnd ? qsTr("Back to the start") : qsTr("Read on")
            onActivated: footer.reading.readOn()
        }
    }
}
