pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// A corner: its video, its sections as pages, its pictures. Landscape puts the video and
// pictures on the left and the reading on the right; portrait stacks them.
Rectangle {
    id: corner
    objectName: "cornerView"

    required property Exhibit exhibit
    readonly property bool portrait: height > width
    readonly property color cornerColour: exhibit.currentCornerColour.length > 0
                                          ? exhibit.currentCornerColour : Theme.accent
    readonly property bool hasVideo: exhibit.currentVideoUrl.toString().length > 0
    readonly property bool hasGallery: gallery.count > 0
    property bool videoExpanded: false
    readonly property bool videoPlaying: video.playing
    signal sectionShown(int index)
    signal pictureEnlarged(int index)
    signal videoWatched(string cornerId, real seconds, bool complete)

    readonly property int margin: Theme.spaceXl
    readonly property int topBarHeight: Theme.controlHeight
    // Landscape: the media column's width; the reading column takes the rest.
    readonly property int mediaWidth: portrait ? width - 2 * margin : Math.round(width * 0.56) - margin
    readonly property int videoHeight: hasVideo ? Math.round(mediaWidth * 9 / 16) : 0
    readonly property int galleryHeight: hasGallery ? Theme.px(portrait ? 200 : 170) : 0

    color: Theme.background

    // A corner opens as new: first page, video in its place, no picture enlarged.
    property bool resetting: false
    function reset() {
        corner.resetting = true
        corner.videoExpanded = false
        viewerLoader.active = false
        pager.currentIndex = 0
        video.captionsOn = true
        corner.resetting = false
    }

    // Top bar: home on the left, language on the right.
    PillButton {
        id: homeButton
        objectName: "homeButton"
        x: corner.margin
        y: Theme.spaceL
        icon: "←"
        text: corner.exhibit.hallTitle
        onActivated: corner.exhibit.goHome()
    }
    LanguageSwitch {
        anchors { right: parent.right; rightMargin: corner.margin }
        y: Theme.spaceL
        languages: corner.exhibit.languages
        current: corner.exhibit.language
        onChosen: language => corner.exhibit.setLanguage(language)
    }

    // The corner's name and summary.
    Column {
        id: heading
        x: corner.portrait ? corner.margin : corner.margin + corner.mediaWidth + Theme.spaceXl
        y: homeButton.y + homeButton.height + Theme.spaceL
        width: corner.width - x - corner.margin
        spacing: Theme.spaceS

        Row {
            spacing: Theme.spaceS
            Rectangle {
                width: Theme.px(40)
                height: Theme.px(6)
                color: corner.cornerColour
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                text: corner.exhibit.currentCornerNumber
                color: corner.cornerColour
                font.pixelSize: Theme.labelSize
                font.weight: Font.Bold
            }
        }
        Text {
            objectName: "cornerTitle"
            width: parent.width
            text: corner.exhibit.currentCornerTitle
            color: Theme.text
            font.pixelSize: Theme.headlineSize
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
            lineHeight: 1.1
        }
        Text {
            objectName: "cornerSummary"
            width: parent.width
            text: corner.exhibit.currentCornerSummary
            color: Theme.mutedText
            font.pixelSize: Theme.leadSize
            wrapMode: Text.WordWrap
            lineHeight: 1.25
        }
    }

    // Where the video sits when it is not expanded.
    Item {
        id: videoSlot
        x: corner.margin
        y: corner.portrait ? heading.y + heading.height + Theme.spaceL : heading.y
        width: corner.mediaWidth
        height: corner.videoHeight
    }

    GalleryStrip {
        id: gallery
        // Landscape: under the video, taking the height it leaves (up to a limit).
        // Portrait: along the bottom.
        readonly property int landscapeTop: videoSlot.y + videoSlot.height
                                            + (corner.hasVideo ? Theme.spaceL : 0)
        x: corner.margin
        y: corner.portrait ? corner.height - corner.margin - height : landscapeTop
        width: corner.mediaWidth
        height: corner.portrait || !corner.hasGallery
                ? corner.galleryHeight
                : Math.max(corner.galleryHeight,
                           Math.min(Theme.px(280), corner.height - corner.margin - landscapeTop))
        visible: corner.hasGallery
        model: corner.exhibit.gallery
        onOpened: index => {
            viewerLoader.startIndex = index
            viewerLoader.active = true
            corner.pictureEnlarged(index)
        }
    }

    SectionPager {
        id: pager
        objectName: "sectionPager"
        x: heading.x
        y: corner.portrait ? videoSlot.y + videoSlot.height + Theme.spaceL
                           : heading.y + heading.height + Theme.spaceL
        width: heading.width
        height: (corner.portrait ? gallery.y - (corner.hasGallery ? Theme.spaceL : 0)
                                 : corner.height - corner.margin) - y
        model: corner.exhibit.sections
        accent: corner.cornerColour
        // Pages the visitor turns to, not the first page a corner opens on.
        onCurrentIndexChanged: if (corner.visible && !corner.resetting) corner.sectionShown(currentIndex)
    }

    // The video panel: in its slot, or over the whole view when expanded. Leaving the
    // corner destroys this view, which stops and releases the player.
    VideoPanel {
        id: video
        objectName: "videoPanel"
        visible: corner.hasVideo
        x: corner.videoExpanded ? 0 : videoSlot.x
        y: corner.videoExpanded ? 0 : videoSlot.y
        width: corner.videoExpanded ? corner.width : videoSlot.width
        height: corner.videoExpanded ? corner.height : videoSlot.height
        z: corner.videoExpanded ? 10 : 0
        source: corner.exhibit.currentVideoUrl
        poster: corner.exhibit.currentPosterUrl
        captions: corner.exhibit.currentCaptions
        expanded: corner.videoExpanded
        onExpandToggled: corner.videoExpanded = !corner.videoExpanded
        cornerId: corner.exhibit.currentCornerId
        onWatched: (cornerId, seconds, complete) => corner.videoWatched(cornerId, seconds, complete)
    }

    // Over the expanded video: home and the language stay one tap away.
    Item {
        z: 11
        visible: corner.videoExpanded
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spaceL }
        height: Theme.controlHeight
        PillButton {
            objectName: "expandedHomeButton"
            anchors.left: parent.left
            icon: "←"
            text: corner.exhibit.hallTitle
            onActivated: corner.exhibit.goHome()
        }
        LanguageSwitch {
            anchors.right: parent.right
            languages: corner.exhibit.languages
            current: corner.exhibit.language
            onChosen: language => corner.exhibit.setLanguage(language)
        }
    }

    Loader {
        id: viewerLoader
        property int startIndex: 0
        anchors.fill: parent
        z: 20
        active: false
        sourceComponent: ImageViewer {
            model: corner.exhibit.gallery
            exhibit: corner.exhibit
            startIndex: viewerLoader.startIndex
            onClosed: viewerLoader.active = false
        }
    }
}
