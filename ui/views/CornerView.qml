pragma ComponentBehavior: Bound
import QtQuick
import QtMultimedia
import Kiosk.Bridge
import theme
import components

// A corner: its video, its sections as pages, its pictures. Landscape puts the video and
// pictures on the left and the reading on the right; portrait stacks them.
Rectangle {
    id: corner
    objectName: "cornerView"

    required property Exhibit exhibit
    // Large text or low position: one column at the height its text needs; the page
    // scrolls (Main.qml) and overlays cover the part of it on screen (the viewport).
    property bool flowing: false
    // Low position: the corner's name and summary are shown above the reach band (Main.qml),
    // so the band starts with what can be touched.
    property bool lowPosition: false
    // Low position with room above the band: the page's text shows there, in this reading
    // (Main.qml), and the band is a deck of everything to touch, all of it on screen at
    // once: the top bar, the video and its controls, the pictures, the tabs, the page's foot.
    property SectionReading readingAbove: null
    readonly property bool deck: readingAbove !== null && !flowing
    // The section on screen, for a reading shown elsewhere.
    readonly property string currentSectionTitle: pager.currentPage?.title ?? ""
    readonly property string currentSectionBody: pager.currentPage?.body ?? ""
    // Volume of narration (the accessibility panel's guide volume).
    property real guideVolume: 0.8
    // A visitor's headset: narration goes to it, at its own volume (not the booth's).
    property Headphones headphones: null
    readonly property bool inHeadphones: headphones?.connected ?? false
    // The kiosk's master volume (staff panel): every sound is scaled by it.
    property real masterVolume: 1.0
    // Where a visitor's volume starts each session, and the most it goes to.
    property real defaultVolume: 0.8
    property real maxVolume: 1.0
    // The next visitor hears the video at the default volume, not muted.
    function resetSound() {
        video.resetSound();
    }
    readonly property bool narrating: narration.playbackState === MediaPlayer.PlayingState
    property real viewportY: 0
    property real viewportHeight: height
    // The bottom bar (the accessibility button) lies over the view's bottom left, this high
    // and this far from the left edge: what lies left of it keeps above it.
    property real barHeight: 0
    property real barReach: 0
    // The screen, not the page, decides: a flowing page is taller than the screen.
    readonly property bool portrait: !deck && (flowing || viewportHeight > width)
    // A picture shrinking back into its thumbnail is closed already: the page takes taps.
    readonly property bool overlayOpen: videoExpanded || viewerLoader.showing
    // The enlarged gallery picture, or "" when none is open.
    readonly property ImageViewer viewer: viewerLoader.showing ? viewerLoader.item as ImageViewer :
                                                                 null
    readonly property url enlargedImage: viewer ? viewer.currentImage : ""
    readonly property string enlargedCaption: viewer ? viewer.currentCaption : ""
    readonly property real enlargedPaintedWidth: viewer ? viewer.currentPaintedWidth : 0
    // The height the corner needs to show everything at its width (when flowing).
    readonly property real naturalHeight: flowing ? pager.y + pager.naturalHeight + margin : 0
    readonly property color cornerColour: exhibit.currentCornerColour.length > 0
                                          ? exhibit.currentCornerColour : Theme.accent
    readonly property bool hasVideo: exhibit.currentVideoUrl.toString().length > 0
    readonly property bool hasGallery: gallery.count > 0
    property bool videoExpanded: false
    readonly property bool videoPlaying: video.playing
    signal sectionShown(int index)
    signal pictureEnlarged(int index)
    signal videoWatched(string cornerId, real seconds, bool complete)
    signal videoFailed(string cornerId, string reason)

    readonly property int margin: Theme.spaceXl
    // Where what lies over the bottom bar's reach ends: a margin above the bar.
    readonly property real floor: barHeight > 0 ? height - barHeight - Theme.spaceL : height
                                                  - margin
    // Where the reading ends (unless flowing): above the pictures in portrait; in landscape
    // at the bottom margin, or above the bar if the bar reaches under the reading column.
    readonly property real readingBottom: portrait ? (hasGallery ? gallery.y - Theme.spaceL :
                                                                   floor) : pager.x < barReach
                                                     ? floor : height - margin
    readonly property int topBarHeight: Theme.controlHeight
    // Landscape: the media column's width; the reading column takes the rest.
    readonly property int mediaWidth: {
        if (deck)
            return deckMediaWidth;
        // Landscape: on a wide screen (16:9) the reading takes a little more, so its tabs
        // and lines are longer; on a squarer one the video keeps room for its controls.
        if (!portrait) {
            const share = Math.round(width * (width / viewportHeight > 1.6 ? 0.52 : 0.56)) - margin;
            // A very wide screen (21:9) would make the video too tall for its pictures
            // under it: it keeps to the height there is (of the screen, not of the page,
            // whose height follows from this width while it flows).
            const bottom = viewportHeight - (barHeight > 0 ? barHeight + Theme.spaceL : margin);
            const room = bottom - heading.y - (hasGallery ? galleryHeight + Theme.spaceL : 0);
            return hasVideo ? Math.min(share, Math.round(room * 16 / 9)) : share;
        }
        // Flowing, the whole video and its controls fit on screen at once.
        const full = width - 2 * margin;
        return flowing ? Math.min(full, Math.round((viewportHeight - 2 * Theme.spaceL) * 16 / 9)) :
                         full;
    }
    // The deck: under the top bar, the video's row; on a wide band (too low for a row of
    // pictures under a video) the video takes the left column from the top instead, and
    // the top bar, the tabs and the pictures share the right.
    readonly property real deckTop: homeButton.y + homeButton.height + Theme.spaceM
    readonly property real deckPicturesRow: hasGallery ? galleryHeight + Theme.spaceL : 0
    readonly property bool deckWide: deck && floor - deckTop - deckPicturesRow < Theme.px(240)
    readonly property int deckMediaWidth: {
        if (!hasVideo)
            return Math.round(width * 0.4);
        const room = deckWide ? floor - Theme.spaceM : floor - deckTop - deckPicturesRow;
        return Math.min(Math.round(room * 16 / 9), Math.round(width * (deckWide ? 0.45 : 0.56))
                        - margin);
    }
    readonly property int videoHeight: hasVideo ? Math.round(mediaWidth * 9 / 16) : 0
    readonly property int galleryHeight: hasGallery ? Theme.px(portrait ? 200 : 170) : 0

    color: Theme.background

    // A corner opens as new: first page, video in its place, no picture enlarged.
    property bool resetting: false
    function reset() {
        corner.resetting = true;
        corner.videoExpanded = false;
        viewerLoader.shut();
        pager.currentIndex = 0;
        video.captionsOn = true;
        corner.stopNarration();
        corner.resetting = false;
    }

    function stopNarration() {
        narration.stop();
        narration.source = "";
    }

    // One narration at a time, for the page on screen; the video pauses while it reads.
    MediaPlayer {
        id: narration
        objectName: "narrationPlayer"
        audioOutput: AudioOutput {
            device: corner.headphones?.device ?? mediaDevices.defaultAudioOutput
            volume: corner.inHeadphones ? corner.headphones.volume : corner.guideVolume
                                          * corner.masterVolume
        }
        onMediaStatusChanged: if (mediaStatus === MediaPlayer.EndOfMedia)
                                  corner.stopNarration()
    }
    Connections {
        target: corner
        // Leaving the corner ends its reading (Main.qml handles visibleChanged too).
        function onVisibleChanged() {
            if (!corner.visible)
                corner.stopNarration();
        }
    }
    MediaDevices {
        id: mediaDevices
    }
    Connections {
        target: corner.exhibit
        function onLanguageChanged() {
            corner.stopNarration();
        }
    }
    // Headphones pulled out: the reading stops, rather than go on out loud at their volume.
    Connections {
        target: corner.headphones
        function onUnplugged() {
            corner.stopNarration();
        }
    }
    Connections {
        target: video
        function onPlayingChanged() {
            if (video.playing)
                corner.stopNarration();
        }
    }

    // Back (Escape): the enlarged picture, then the full-screen video; false if neither.
    function closeOverlay(): bool {
        if (viewerLoader.showing) {
            viewerLoader.close();
            return true;
        }
        if (corner.videoExpanded) {
            corner.videoExpanded = false;
            return true;
        }
        return false;
    }

    // Top bar: home on the left, language on the right.
    PillButton {
        id: homeButton
        objectName: "homeButton"
        x: corner.deckWide ? pager.x : corner.margin
        y: corner.deck ? Theme.spaceM : Theme.spaceL
        icon: "←"
        text: corner.exhibit.hallTitle
        enabled: !corner.overlayOpen
        onActivated: corner.exhibit.goHome()
    }
    LanguageSwitch {
        anchors {
            right: parent.right
            rightMargin: corner.margin
        }
        y: homeButton.y
        enabled: !corner.overlayOpen
        languages: corner.exhibit.languages
        current: corner.exhibit.language
        onChosen: language => corner.exhibit.language = language
    }

    // The corner's name and summary.
    Column {
        id: heading
        visible: !corner.lowPosition
        height: visible ? implicitHeight : -Theme.spaceL
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
                textFormat: Text.PlainText
                text: corner.exhibit.currentCornerNumber
                color: corner.cornerColour
                font.pixelSize: Theme.labelSize
                font.weight: Font.Bold
            }
        }
        Text {
            textFormat: Text.PlainText
            objectName: "cornerTitle"
            width: parent.width
            text: corner.exhibit.currentCornerTitle
            color: Theme.text
            font.pixelSize: Theme.headlineSize
            font.weight: Font.Bold
            wrapMode: Text.Wrap
            lineHeight: 1.1
        }
        Text {
            textFormat: Text.PlainText
            objectName: "cornerSummary"
            width: Math.min(parent.width, Theme.measure(font.pixelSize))
            text: corner.exhibit.currentCornerSummary
            color: Theme.mutedText
            font.pixelSize: Theme.leadSize
            wrapMode: Text.Wrap
            lineHeight: 1.25
        }
    }

    // Where the video sits when it is not expanded.
    Item {
        id: videoSlot
        x: corner.margin
        y: {
            if (corner.deckWide)
                return Theme.spaceM;
            if (corner.deck)
                return corner.deckTop;
            return corner.portrait ? heading.y + heading.height + Theme.spaceL : heading.y;
        }
        width: corner.mediaWidth
        height: corner.videoHeight
    }

    // The video panel: in its slot, or over the whole view when expanded. Leaving the
    // corner destroys this view, which stops and releases the player.
    VideoPanel {
        id: video
        objectName: "videoPanel"
        visible: corner.hasVideo
        x: corner.videoExpanded ? 0 : videoSlot.x
        y: corner.videoExpanded ? corner.viewportY : videoSlot.y
        width: corner.videoExpanded ? corner.width : videoSlot.width
        height: corner.videoExpanded ? corner.viewportHeight : videoSlot.height
        z: corner.videoExpanded ? 10 : 0
        enabled: !viewerLoader.showing
        masterVolume: corner.masterVolume
        defaultVolume: corner.defaultVolume
        maxVolume: corner.maxVolume
        source: corner.exhibit.currentVideoUrl
        poster: corner.exhibit.currentPosterUrl
        captions: corner.exhibit.captions
        expanded: corner.videoExpanded
        onExpandToggled: corner.videoExpanded = !corner.videoExpanded
        cornerId: corner.exhibit.currentCornerId
        onWatched: (cornerId, seconds, complete) => corner.videoWatched(cornerId, seconds, complete)
        onCannotPlay: (cornerId, reason) => corner.videoFailed(cornerId, reason)
    }

    // The keypad walks the screen in reading order, which is the order of the view's
    // children: the top bar, the video, then in landscape the pictures under it and the
    // pages beside, in portrait the pages and then the pictures at the foot. The pictures
    // sit in one of two layers the size of the view, before or after the pages.
    Item {
        id: picturesBeforePages
        anchors.fill: parent
    }

    GalleryStrip {
        id: gallery
        parent: corner.portrait ? picturesAfterPages : picturesBeforePages
        // Landscape: under the video, taking the height it leaves (up to a limit).
        // Portrait: along the bottom.
        readonly property int landscapeTop: videoSlot.y + videoSlot.height + (corner.hasVideo
                                                                              ? Theme.spaceL : 0)
        // The deck: beside the video under the tabs (wide), or a row of its own under it.
        readonly property int deckTop: corner.deckWide ? pager.y + pager.tabsHeight + Theme.spaceM :
                                                         landscapeTop

        x: corner.deckWide ? pager.x : corner.margin
        y: {
            if (corner.deck)
                return deckTop;
            return corner.portrait && !corner.flowing ? corner.floor - height : landscapeTop;
        }
        width: {
            if (corner.deckWide)
                return pager.width;
            return corner.flowing || corner.deck ? corner.width - 2 * corner.margin :
                                                   corner.mediaWidth;
        }
        enabled: !corner.overlayOpen
        height: {
            const most = Theme.px(280);
            if (corner.deck)
                return Math.max(Theme.px(120), Math.min(most, corner.floor - y));
            if (corner.portrait || !corner.hasGallery)
                return corner.galleryHeight;
            return Math.max(corner.galleryHeight, Math.min(most, corner.floor - landscapeTop));
        }
        visible: corner.hasGallery
        model: corner.exhibit.gallery
        onOpened: index => {
            viewerLoader.open(index);
            corner.pictureEnlarged(index);
        }
    }

    SectionPager {
        id: pager
        objectName: "sectionPager"
        x: heading.x
        y: {
            if (corner.deck)
                return corner.deckTop;
            if (corner.flowing)
                return (corner.hasGallery ? gallery.y + gallery.height : videoSlot.y + videoSlot.height)
                        + Theme.spaceL;
            if (corner.portrait)
                return videoSlot.y + videoSlot.height + Theme.spaceL;
            return heading.y + heading.height + Theme.spaceL;
        }
        width: heading.width
        flowing: corner.flowing
        enabled: !corner.overlayOpen
        // (The deck's pager shows only its tabs; its height is the band's, for the pages
        // it keeps unseen.)
        height: (corner.flowing ? naturalHeight : (corner.deck ? corner.floor : corner.readingBottom)
                                  - y)
        readingElsewhere: corner.deck ? corner.readingAbove : null
        footHost: corner.deck ? deckFoot : null
        model: corner.exhibit.sections
        accent: corner.cornerColour
        narrationPlaying: corner.narrating ? narration.source : ""
        onNarrationToggled: source => {
            if (corner.narrating && narration.source.toString() === source.toString()) {
                corner.stopNarration();
                return;
            }
            video.pause();
            narration.source = source;
            narration.play();
        }
        // Pages the visitor turns to, not the first page a corner opens on.
        onCurrentIndexChanged: {
            corner.stopNarration();  // another page: its reading is not this one
            if (corner.visible && !corner.resetting)
                corner.sectionShown(currentIndex);
        }
    }
    // The deck's foot row, right of the accessibility button: the page's foot.
    Item {
        id: deckFoot
        // Under a full-screen video or picture, as the pager is.
        visible: !corner.overlayOpen
        x: corner.barReach
        y: corner.height - corner.barHeight + Theme.spaceS
        width: corner.width - corner.margin - x
        height: corner.barHeight - Theme.spaceS - Theme.spaceM
    }
    Item {
        id: picturesAfterPages
        anchors.fill: parent
    }

    // Over the expanded video: the way back, home and the language, one tap away; they
    // step aside with the video's controls.
    Item {
        z: 11
        visible: corner.videoExpanded && opacity > 0
        opacity: video.controlsShown ? 1 : 0
        Behavior on opacity {
            NumberAnimation {
                duration: Theme.calm
            }
        }
        x: Theme.spaceXl
        y: corner.viewportY + Theme.spaceL
        width: corner.width - 2 * Theme.spaceXl
        height: Theme.controlHeight
        Row {
            spacing: Theme.spaceS
            PillButton {
                objectName: "leaveFullScreenButton"
                icon: "×"
                text: qsTr("Close full screen")
                onActivated: corner.videoExpanded = false
            }
            PillButton {
                objectName: "expandedHomeButton"
                icon: "←"
                text: corner.exhibit.hallTitle
                onActivated: corner.exhibit.goHome()
            }
        }
        LanguageSwitch {
            anchors.right: parent.right
            onDark: true
            languages: corner.exhibit.languages
            current: corner.exhibit.language
            onChosen: language => corner.exhibit.language = language
        }
    }

    // Where a gallery picture's thumbnail is, in the view's coordinates (the middle of the
    // screen if its thumbnail is scrolled out of the strip).
    function thumbnailRect(index: int): rect {
        const thumb = gallery.itemAtIndex(index);
        if (!thumb)
            return Qt.rect(width * 0.4, viewportY + viewportHeight * 0.4, width * 0.2, viewportHeight
                           * 0.2);
        const at = thumb.mapToItem(corner, 0, 0);
        return Qt.rect(at.x, at.y, thumb.width, thumb.height);
    }

    // The enlarged picture grows out of its thumbnail and goes back into the thumbnail of
    // the picture it shows when it closes. It takes touches at once, growing or not.
    Loader {
        id: viewerLoader
        objectName: "viewerLoader"
        property int startIndex: 0
        // 0: the size and place of the thumbnail (origin); 1: over the whole view.
        property real grown: 0
        // Open, and not on its way back.
        property bool showing: false
        property rect origin: Qt.rect(0, 0, width, height)

        function open(index: int) {
            startIndex = index;
            origin = corner.thumbnailRect(index);
            active = true;
            showing = true;
            growth.to = 1;
            growth.restart();
        }
        function close() {
            showing = false;
            origin = corner.thumbnailRect((item as ImageViewer)?.currentIndex ?? startIndex);
            growth.to = 0;
            growth.restart();
            if (Theme.reducedMotion)
                shut();
        }
        // Gone at once (a corner opening as new).
        function shut() {
            growth.stop();
            showing = false;
            grown = 0;
            active = false;
        }

        x: 0
        y: corner.viewportY
        width: corner.width
        height: corner.viewportHeight
        z: 20
        active: false
        enabled: showing
        opacity: 0.3 + 0.7 * grown
        transform: [
            Scale {
                xScale: viewerLoader.grown + (1 - viewerLoader.grown) * viewerLoader.origin.width
                        / Math.max(1, viewerLoader.width)
                yScale: viewerLoader.grown + (1 - viewerLoader.grown) * viewerLoader.origin.height
                        / Math.max(1, viewerLoader.height)
            },
            Translate {
                x: (1 - viewerLoader.grown) * viewerLoader.origin.x
                y: (1 - viewerLoader.grown) * (viewerLoader.origin.y - corner.viewportY)
            }
        ]
        NumberAnimation {
            id: growth
            target: viewerLoader
            property: "grown"
            duration: Theme.calm
            easing.type: Easing.OutCubic
            onFinished: if (viewerLoader.grown === 0)
                            viewerLoader.active = false
        }
        sourceComponent: ImageViewer {
            model: corner.exhibit.gallery
            exhibit: corner.exhibit
            startIndex: viewerLoader.startIndex
            onClosed: viewerLoader.close()
        }
    }
}
