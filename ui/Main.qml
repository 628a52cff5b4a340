pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import views
import components
import staff

// The kiosk window: home, or the open corner, one tap apart.
// Every Text in ui/ is Text.PlainText: package text is never markup, so a title cannot make
// the kiosk fetch a picture or draw a file (docs/security.md; tests/bridge/test_plain_text.py).
Window {
    id: window

    required property Exhibit exhibit
    required property VisitorSession session
    required property Accessibility accessibility
    required property Sound sound
    required property StaffRoom staff
    required property PackageWatcher packageWatcher
    // Degrees the picture is turned for a screen mounted on its side (config).
    property int rotation: 0
    readonly property bool homeReady: home.visible && home.ready && !attract.visible
    // Whatever shows first has its picture: the attract loop its first item's, any other
    // screen at once. A start behind a curtain shows the window then (kiosk/curtain.py).
    readonly property bool firstPictureReady: !attract.visible || attract.pictureShown
    readonly property bool attractShown: attract.visible

    color: Theme.background
    title: exhibit.hallTitle

    Binding {
        target: Theme
        property: "colours"
        value: window.exhibit.colours
    }
    Binding {
        target: Theme
        property: "scale"
        value: Math.min(content.width, content.height) / 1080
    }
    Binding {
        target: Theme
        property: "highContrast"
        value: window.accessibility.highContrast
    }
    Binding {
        target: Theme
        property: "largeText"
        value: window.accessibility.largeText
    }
    Binding {
        target: Theme
        property: "reducedMotion"
        value: window.accessibility.reducedMotion
    }
    Binding {
        target: Theme
        property: "language"
        value: window.exhibit.language
    }
    Binding {
        target: Theme
        property: "keyboardInUse"
        value: window.accessibility.keyboardInUse
    }

    readonly property bool cornerOpen: exhibit.currentCornerId.length > 0
    readonly property bool panelOpen: accessibility.panelOpen
    // Large text or low position: pages are as tall as their text and scroll as a whole.
    readonly property bool flowing: accessibility.lowPosition || Theme.largeText
    // Low position with room above the band: the band is a deck of everything a visitor
    // touches, all of it on screen without a scroll, and a corner's text shows above it.
    // (Large text as well needs more room than a band has: its pages flow and scroll.)
    readonly property bool lowDeck: accessibility.lowPosition && !Theme.largeText
                                    && reachBanner.height >= Theme.px(320)
    // The page on the stage flows: it ends above the bottom bar and scrolls as a whole.
    readonly property bool pageFlows: cornerOpen ? cornerView.flowing : home.flowing
    // How far from the left the bottom bar's contents reach over the page: the button, or
    // the whole width while a notice about new content shows beside it.
    readonly property real barReach: contentNotice.visible ? width : a11yButton.x
                                                             + a11yButton.width + Theme.spaceL

    // A session's end: the next visitor hears every sound at its default volume.
    Connections {
        target: window.session
        function onSessionEnded() {
            cornerView.resetSound();
        }
    }

    // What waits for staff approval, and why, in the screen's language.
    function approvalWords(): string {
        const watcher = window.packageWatcher;
        const title = Languages.pick(watcher.approvalTitle, window.exhibit.language);
        if (watcher.approvalReason === PackageWatcher.NotNewer)
            return qsTr(
                        "“%1” (version %2) is not newer than the content shown now. Install it only to go back to it on purpose.").arg(
                        title).arg(watcher.approvalVersion);
        return qsTr(
                    "“%1” (version %2) is not signed by a key this kiosk trusts. Install it only if you know that it comes from the office.").arg(
                    title).arg(watcher.approvalVersion);
    }

    // The layers over the page, bottom to top. This order is their z order, and Escape
    // (a keypad's back key) closes the topmost open one that Escape may close; the
    // idle warning, the attract loop and the notice go by a touch instead.
    Layer {
        id: accessibilityLayer
        open: window.accessibility.panelOpen
        onCloseRequested: window.accessibility.panelOpen = false
    }
    Layer {
        id: idleLayer
        open: window.session.state === VisitorSession.Warning
        closable: false
    }
    Layer {
        id: attractLayer
        open: window.session.state === VisitorSession.Attract
        closable: false
    }
    // Over the attract loop too: staff see what new content is doing.
    Layer {
        id: noticeLayer
        open: contentNotice.visible
        closable: false
    }
    // Outside opening hours, over the show and its notices; staff's pad and panel above.
    Layer {
        id: closedLayer
        open: !window.staff.hours.screenOn
        closable: false
    }
    Layer {
        id: padLayer
        open: window.staff.access.pinPadOpen
        onCloseRequested: window.staff.access.cancelPad()
    }
    Layer {
        id: staffLayer
        open: window.staff.access.panelOpen
        onCloseRequested: window.staff.access.close()
    }
    Layer {
        id: patternLayer
        open: window.staff.screen.testPattern
        onCloseRequested: window.staff.screen.testPattern = false
    }
    readonly property list<Layer> layers: [accessibilityLayer, idleLayer, attractLayer, noticeLayer,
        closedLayer, padLayer, staffLayer, patternLayer]
    function layerZ(layer: Layer): int {
        return 10 + window.layers.indexOf(layer);
    }

    // Escape: close the topmost layer open, else what the corner has open, else go home.
    function goBack() {
        for (let i = window.layers.length - 1; i >= 0; --i) {
            const layer = window.layers[i];
            if (layer.open && layer.closable) {
                layer.closeRequested();
                return;
            }
        }
        if (cornerView.closeOverlay())
            return;
        if (window.cornerOpen)
            window.exhibit.goHome();
    }

    // Arrows walk the same order as Tab: down and right forward, up and left back.
    function moveFocus(forward: bool) {
        const from = window.activeFocusItem ?? content;
        const next = from.nextItemInFocusChain(forward);
        if (next)
            next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason);
    }

    // A new screen: say where the visitor is, and (with a keypad) start its focus at the top.
    onCornerOpenChanged: {
        scroller.contentY = 0;
        if (window.cornerOpen)
            window.accessibility.announce(exhibit.currentCornerTitle + ". "
                                          + exhibit.currentCornerSummary);
        else
            window.accessibility.announce(exhibit.hallTitle + ". " + exhibit.hallSubtitle);
        if (Theme.keyboardInUse)
            Qt.callLater(() => {
                content.forceActiveFocus();
                window.moveFocus(true);
            });
    }

    Item {
        id: content
        objectName: "content"
        readonly property bool sideways: window.rotation === 90 || window.rotation === 270
        readonly property bool low: window.accessibility.lowPosition
        anchors.centerIn: parent
        width: sideways ? window.height : window.width
        height: sideways ? window.width : window.height
        rotation: window.rotation
        focus: true

        Keys.onPressed: event => {
            switch (event.key) {
            case Qt.Key_Escape:
            case Qt.Key_Back:
                window.goBack();
                break;
            case Qt.Key_Up:
            case Qt.Key_Left:
                window.moveFocus(false);
                break;
            case Qt.Key_Down:
            case Qt.Key_Right:
                window.moveFocus(true);
                break;
            default:
                return;
            }
            event.accepted = true;
        }

        // Low position: above the reach band, what the page is, to read and not to touch.
        Rectangle {
            id: reachBanner
            objectName: "reachBanner"
            visible: content.low
            anchors {
                left: parent.left
                right: parent.right
                top: parent.top
                bottom: stage.top
            }
            // Dark like the picture viewer below it while it shows an enlarged picture.
            color: showsPicture ? Theme.viewerBackground : Theme.surface
            // Beside the words on a wide screen, below them on a tall one.
            readonly property bool qrBeside: content.width > content.height
            // An enlarged picture shows here too, while its controls stay in the band, where
            // the band can show it only small (a wide screen); on a tall one the band's own
            // copy is large enough, and nearer a seated visitor's eyes.
            readonly property bool showsPicture: window.cornerOpen
                                                 && cornerView.enlargedImage.toString().length > 0
                                                 && bannerPicture.paintedWidth > 1.3
                                                 * cornerView.enlargedPaintedWidth
            Image {
                id: bannerPicture
                objectName: "bannerPicture"
                anchors {
                    fill: parent
                    margins: Theme.spaceL
                }
                visible: reachBanner.showsPicture
                source: cornerView.enlargedImage
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                // Fitted: both sides bound the decode.
                sourceSize {
                    width: 2048
                    height: 2048
                }
                Accessible.role: Accessible.Graphic
                Accessible.name: cornerView.enlargedCaption
            }
            // What the screen is: in the middle of the banner, or at its top above (or
            // beside) the page's reading.
            Column {
                id: bannerText
                readonly property real qrRoom: bannerQr.visible && !reachBanner.qrBeside
                                               ? bannerQr.height + Theme.spaceL : 0
                visible: !reachBanner.showsPicture
                x: Theme.spaceXl
                y: bannerReadingArea.visible ? Theme.spaceL : (parent.height - height - qrRoom) / 2
                width: (bannerReadingArea.visible && reachBanner.qrBeside ? bannerReadingArea.x :
                                                                            bannerQr.visible
                                                                            && reachBanner.qrBeside
                                                                            ? bannerQr.x :
                                                                              parent.width)
                       - Theme.spaceXl - x
                spacing: Theme.spaceS
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    text: window.cornerOpen ? window.exhibit.currentCornerNumber :
                                              window.exhibit.hallTitle
                    color: window.cornerOpen && window.exhibit.currentCornerColour.length > 0
                           ? window.exhibit.currentCornerColour : Theme.accent
                    font.pixelSize: Theme.labelSize
                    font.weight: Font.Bold
                }
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    text: window.cornerOpen ? window.exhibit.currentCornerTitle :
                                              window.exhibit.hallSubtitle
                    color: Theme.text
                    font.pixelSize: Theme.headlineSize
                    font.weight: Font.Bold
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    textFormat: Text.PlainText
                    width: Math.min(parent.width, Theme.measure(font.pixelSize))
                    visible: window.cornerOpen
                    text: window.exhibit.currentCornerSummary
                    color: Theme.mutedText
                    font.pixelSize: Theme.leadSize
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
                Text {
                    textFormat: Text.PlainText
                    width: Math.min(parent.width, Theme.measure(font.pixelSize))
                    topPadding: Theme.spaceS
                    text: qsTr(
                              "Low position: everything you can touch is in the lower part of the screen.")
                    color: Theme.mutedText
                    font.pixelSize: Theme.labelSize
                    wrapMode: Text.Wrap
                }
            }
            // Low position: the page on screen, to read here; its tabs and "read on" are in
            // the band. Beside the corner's name on a wide screen, under it on a tall one.
            Item {
                id: bannerReadingArea
                visible: window.lowDeck && window.cornerOpen && !reachBanner.showsPicture
                x: reachBanner.qrBeside ? Math.round(parent.width * 0.42) : Theme.spaceXl
                y: reachBanner.qrBeside ? Theme.spaceL : bannerText.y + bannerText.height
                                          + Theme.spaceL
                width: parent.width - x - Theme.spaceXl
                height: parent.height - y - Theme.spaceL
                Text {
                    id: bannerSectionTitle
                    objectName: "bannerSectionTitle"
                    textFormat: Text.PlainText
                    width: parent.width
                    text: cornerView.currentSectionTitle
                    color: Theme.text
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                SectionReading {
                    id: bannerReading
                    objectName: "bannerReading"
                    textName: "bannerBody"
                    y: bannerSectionTitle.height + Theme.spaceM
                    width: parent.width
                    room: parent.height - y
                    text: cornerView.currentSectionBody
                }
            }
            // The QR code needs no touch: it waits up here for a phone's camera.
            VenueQr {
                id: bannerQr
                x: reachBanner.qrBeside ? parent.width - width - Theme.spaceXl : Theme.spaceXl
                y: reachBanner.qrBeside ? (parent.height - height) / 2 : bannerText.y + bannerText.height
                                          + Theme.spaceL
                visible: !window.cornerOpen && qrSource.length > 0
                label: window.exhibit.venueLabel
                url: window.exhibit.venueUrl
                qrSource: window.exhibit.venueQrSource
            }
            Rectangle {
                anchors {
                    left: parent.left
                    right: parent.right
                    bottom: parent.bottom
                }
                height: Theme.px(4)
                color: Theme.accent
            }
        }

        // The stage: the whole screen, or the reach band in low-position mode. Everything a
        // visitor can touch lies on it.
        Item {
            id: stage
            objectName: "stage"
            anchors {
                left: parent.left
                right: parent.right
                bottom: parent.bottom
            }
            height: content.low ? Math.round(content.height * window.accessibility.reachBand) :
                                  content.height

            // Large text and low position make pages taller than the stage: they scroll here,
            // one scroll for the whole page.
            Flickable {
                id: scroller
                objectName: "pageScroller"
                anchors {
                    left: parent.left
                    right: parent.right
                    top: parent.top
                    // Flowing pages end above the bar; others lie under it as well, and
                    // keep clear of the accessibility button (barHeight, barReach).
                    bottom: window.pageFlows ? bottomBar.top : parent.bottom
                }
                clip: true
                contentWidth: width
                contentHeight: Math.max(height, cornerView.visible ? cornerView.naturalHeight :
                                                                     home.naturalHeight)
                interactive: contentHeight > height + 1 && !cornerView.overlayOpen
                // Under the open accessibility panel the page rests; a tap beside it closes it.
                enabled: !window.panelOpen
                boundsBehavior: Flickable.StopAtBounds
                flickableDirection: Flickable.VerticalFlick

                // Both views are made once, at start: opening a corner then only changes what
                // the corner view shows, which keeps the tap-to-view time to a frame or two.
                // The corner view's video source empties when the visitor goes home, which
                // stops and releases the player. Views fade in but take input at once.
                HomeView {
                    id: home
                    width: scroller.width
                    height: scroller.contentHeight
                    exhibit: window.exhibit
                    flowing: window.flowing && !window.lowDeck
                    lowPosition: content.low
                    barHeight: flowing ? 0 : bottomBar.height
                    viewportHeight: scroller.height
                    visible: !cornerView.visible
                    // Back home, the home screen fades in as a corner does.
                    onVisibleChanged: if (visible)
                                          homeFadeIn.restart()
                }

                CornerView {
                    id: cornerView
                    width: scroller.width
                    height: scroller.contentHeight
                    exhibit: window.exhibit
                    flowing: window.flowing && !window.lowDeck
                    lowPosition: content.low
                    readingAbove: window.lowDeck ? bannerReading : null
                    barHeight: flowing ? 0 : bottomBar.height
                    barReach: window.barReach
                    guideVolume: window.accessibility.guideVolume
                    headphones: window.accessibility.headphones
                    masterVolume: window.sound.masterVolume
                    defaultVolume: window.accessibility.defaultVolume
                    maxVolume: window.accessibility.maxVolume
                    viewportY: scroller.contentY
                    viewportHeight: scroller.height
                    onVideoPlayingChanged: window.session.videoPlaying = videoPlaying
                    onSectionShown: index => window.session.recordSection(index)
                    onPictureEnlarged: index => window.session.recordGallery(index)
                    onVideoWatched: (cornerId, seconds, complete) => window.session.recordVideo(
                                                                         cornerId, seconds,
                                                                         complete)
                    onVideoFailed: (cornerId, reason) => window.session.videoFailed(cornerId,
                                                                                    reason)
                    visible: window.cornerOpen
                    onVisibleChanged: {
                        if (visible) {
                            reset();
                            fadeIn.restart();
                        }
                    }
                }
            }

            // The bar along the bottom: the accessibility button, always within reach.
            Item {
                id: bottomBar
                objectName: "bottomBar"
                // A picture or video over the whole screen covers the bar too; it is back
                // when that closes. (Flowing pages end above the bar: it stays.)
                visible: window.pageFlows || !cornerView.overlayOpen
                anchors {
                    left: parent.left
                    right: parent.right
                    bottom: parent.bottom
                }
                // Taller when a long notice about new content wraps beside the button.
                height: Math.max(a11yButton.height, contentNotice.visible ? contentNotice.height :
                                                                            0) + Theme.spaceS
                        + Theme.spaceM
                AccessibilityButton {
                    id: a11yButton
                    anchors {
                        left: parent.left
                        leftMargin: Theme.spaceXl
                        bottom: parent.bottom
                        bottomMargin: Theme.spaceM
                    }
                    open: window.panelOpen
                    onActivated: window.accessibility.panelOpen = !window.panelOpen
                }
                // A page taller than the screen says that it goes on, and reads on by most
                // of a screen at a time (from its end, back to its top).
                PillButton {
                    objectName: "pageReadOnButton"
                    readonly property bool atEnd: scroller.atYEnd
                    anchors {
                        right: parent.right
                        rightMargin: Theme.spaceXl
                        bottom: parent.bottom
                        bottomMargin: Theme.spaceM
                    }
                    visible: scroller.interactive && !contentNotice.visible && !window.panelOpen
                    icon: atEnd ? "↑" : "↓"
                    text: atEnd ? qsTr("Back to the top") : qsTr("Read on")
                    onActivated: {
                        const most = scroller.contentHeight - scroller.height;
                        pageScroll.to = atEnd ? 0 : Math.min(most, scroller.contentY + Math.round(
                                                                 scroller.height * 0.8));
                        pageScroll.restart();
                    }
                    NumberAnimation {
                        id: pageScroll
                        target: scroller
                        property: "contentY"
                        duration: Theme.calm
                        easing.type: Easing.OutCubic
                    }
                }
            }
        }

        // -- the layers, in the order of window.layers

        // The accessibility panel, low on the stage like the button that opens it; the
        // page above the bar rests under it, and a tap beside the panel closes it. The
        // bar stays clear: its button closes the panel too.
        MouseArea {
            objectName: "panelScrim"
            x: stage.x
            y: stage.y
            width: stage.width
            height: stage.height - bottomBar.height
            z: window.layerZ(accessibilityLayer)
            visible: accessibilityLayer.open
            onClicked: window.accessibility.panelOpen = false
            Rectangle {
                anchors.fill: parent
                color: Theme.background
                opacity: 0.6
            }
        }
        Loader {
            id: panelLoader
            active: accessibilityLayer.open
            z: window.layerZ(accessibilityLayer)
            x: stage.x + Theme.spaceXl
            y: stage.y + stage.height - bottomBar.height - height
            width: Math.min(stage.width - 2 * Theme.spaceXl, Theme.px(1200))
            sourceComponent: AccessibilityPanel {
                accessibility: window.accessibility
                onClosed: {
                    window.accessibility.panelOpen = false;
                    a11yButton.forceActiveFocus();
                }
            }
            onLoaded: if (Theme.keyboardInUse)
                          (item as AccessibilityPanel).nextItemInFocusChain(true).forceActiveFocus()
        }

        // Still there? Over the stage, where the visitor can reach its button.
        IdleWarning {
            anchors.fill: stage
            z: window.layerZ(idleLayer)
            // Fades in and out; fading out it takes no touch, which goes to the page.
            visible: opacity > 0
            enabled: idleLayer.open
            opacity: idleLayer.open ? 1 : 0
            Behavior on opacity {
                NumberAnimation {
                    duration: Theme.calm
                    easing.type: Easing.OutCubic
                }
            }
            secondsLeft: window.session.secondsLeft
            seconds: window.session.warningSeconds
            onContinued: window.session.continueSession()
        }

        AttractView {
            id: attract
            anchors.fill: parent
            z: window.layerZ(attractLayer)
            // Closed, the loop stops (its video and sound with it) once the dark is in.
            visible: attractLayer.open && closedScreen.opacity < 1
            items: window.session.attractItems
            hallTitle: window.exhibit.hallTitle
            hallSubtitle: window.exhibit.hallSubtitle
            onItemFailed: (index, reason) => window.session.attractItemFailed(index, reason)
        }

        // In the bottom bar beside the accessibility button, centred where there is room:
        // it covers nothing a visitor reads.
        ContentNotice {
            id: contentNotice
            readonly property real leftLimit: bottomBar.x + a11yButton.x + a11yButton.width
                                              + Theme.spaceM
            maximumWidth: stage.width - leftLimit - Theme.spaceXl
            x: stage.x + Math.max((stage.width - width) / 2, leftLimit)
            y: stage.y + bottomBar.y + a11yButton.y + a11yButton.height - height
            z: window.layerZ(noticeLayer)
            kind: window.packageWatcher.notice
            progress: window.packageWatcher.progress
            onApprovalRequested: window.staff.access.requestApproval()
        }

        ClosedScreen {
            id: closedScreen
            anchors.fill: parent
            z: window.layerZ(closedLayer)
            visible: opacity > 0
            opacity: closedLayer.open ? 1 : 0
            Behavior on opacity {
                NumberAnimation {
                    duration: Theme.slow
                    easing.type: Easing.InOutQuad
                }
            }
            nextOpening: window.staff.hours.nextOpening
            inDays: window.staff.hours.nextOpeningInDays
        }

        // Staff: the one PIN pad, to open the panel (hidden gesture or staff key) or to
        // approve new content (the notice); the approval within reach, on the stage.
        Loader {
            id: padLoader
            readonly property bool approving: window.staff.access.pad === StaffAccess.Approval
            x: 0
            y: approving ? stage.y : 0
            width: content.width
            height: approving ? stage.height : content.height
            z: window.layerZ(padLayer)
            active: padLayer.open
            // Digits from a staff keyboard go to the pad; Escape still reaches the window.
            onLoaded: (item as PinPad).forceActiveFocus()
            sourceComponent: PinPad {
                objectName: padLoader.approving ? "staffApproval" : "staffEntry"
                title: padLoader.approving ? qsTr("Staff approval") : qsTr("Staff")
                description: padLoader.approving ? window.approvalWords() : qsTr(
                                                       "Enter the staff PIN to open the staff panel.")
                cancelText: padLoader.approving ? qsTr("Do not install") : qsTr("Cancel")
                lockedSeconds: window.staff.access.lockedSeconds
                triesLeft: window.staff.access.triesLeft
                onSubmitted: entered => {
                    problem = window.staff.access.submitPin(entered);
                }
                onCancelled: window.staff.access.cancelPad()
            }
        }
        Loader {
            anchors.fill: parent
            z: window.layerZ(staffLayer)
            active: staffLayer.open
            sourceComponent: StaffPanelView {
                staff: window.staff
                language: window.exhibit.language
            }
        }
        Loader {
            anchors.fill: parent
            z: window.layerZ(patternLayer)
            active: patternLayer.open
            sourceComponent: TestPattern {
                onClosed: window.staff.screen.testPattern = false
            }
        }

        NumberAnimation {
            id: fadeIn
            target: cornerView
            property: "opacity"
            from: 0
            to: 1
            duration: Theme.calm
            easing.type: Easing.OutCubic
        }
        NumberAnimation {
            id: homeFadeIn
            target: home
            property: "opacity"
            from: 0
            to: 1
            duration: Theme.calm
            easing.type: Easing.OutCubic
        }
    }
}
