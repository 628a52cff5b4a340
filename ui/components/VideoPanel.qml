pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic as Controls
import QtMultimedia
import Kiosk.Bridge
import theme

// A corner's video with touch controls and captions. Until the first frame, and whenever
// the video cannot be played, its poster shows instead; the rest of the page works on.
Rectangle {
    id: panel

    required property url source
    required property url poster
    required property CaptionTrack captions // the cues, in the current language
    property bool captionsOn: true
    property bool expanded: false
    signal expandToggled
    // A play ended (to the end, or the visitor left): how far it got.
    signal watched(string cornerId, real seconds, bool complete)
    // It cannot play: for staff (the log's line says why, in Qt's words).
    signal cannotPlay(string cornerId, string reason)
    onFailedChanged: if (failed)
                         cannotPlay(cornerId, player.errorString.length > 0 ? player.errorString :
                                                                              "no picture came")
    property string cornerId                // which corner this video belongs to now
    property string playingCorner           // ... and when play was pressed
    property real furthestMs: 0

    readonly property real position: player.position
    // The visitor's own volume (the slider), and the kiosk's master volume (staff panel).
    // It starts at the kiosk's default each session (resetSound) and goes no higher than
    // its maximum (accessibility settings in the config).
    property real defaultVolume: 0.8
    property real maxVolume: 1.0
    property real visitorVolume: defaultVolume
    function resetSound() {
        panel.visitorVolume = panel.defaultVolume;
        audio.muted = false;
    }
    property real masterVolume: 1.0
    readonly property real volume: audio.muted ? 0 : visitorVolume
    readonly property alias frame: frame
    // Some videos decode to nothing without any error (AV1 on this player): a video that
    // shows no frame within a few seconds of play counts as failed too.
    property bool stalled: false
    property bool playRequested: false
    readonly property bool failed: player.error !== MediaPlayer.NoError || stalled
    // Asked to play, and waiting for the first frame before the clock starts (togglePlay).
    property bool starting: false
    readonly property bool playing: player.playbackState === MediaPlayer.PlayingState || starting
    // Played to its end: the play buttons offer to play it again.
    readonly property bool ended: player.mediaStatus === MediaPlayer.EndOfMedia && !playing
    // Full screen and playing, the controls step aside after a few seconds without a touch
    // and come back with the next one; otherwise (and for keypad users) they stay.
    property int controlsRestMs: 3000
    property bool controlsResting: false
    readonly property bool controlsShown: !(expanded && playing && controlsResting &&
                                            !Theme.keyboardInUse)
    function showControls() {
        panel.controlsResting = false;
        controlsRest.restart();
    }
    // Read again when the cues change (another language) as well as when the video moves.
    readonly property string cueText: panel.captions.cueCount > 0 ? panel.captions.textAt(
                                                                        player.position) : ""

    color: Theme.videoGround
    clip: true

    function togglePlay() {
        if (panel.failed)
            return;
        if (panel.playing)
            panel.pause();
        else {
            panel.playRequested = true;
            panel.playingCorner = panel.cornerId;
            panel.openedSource = panel.source;   // a quick tap may beat the delayed open
            // From the start, the player first shows the first frame paused, then plays
            // from it: played at once, its clock would run while the first frame decodes
            // and the next few frames would come together, too late to be seen.
            if (player.playbackState === MediaPlayer.StoppedState) {
                panel.starting = true;
                player.pause();
            } else {
                player.play();
            }
        }
    }

    // Something else wants the sound (a narration starts).
    function pause() {
        panel.starting = false;
        if (player.playbackState === MediaPlayer.PlayingState)
            player.pause();
    }

    Connections {
        target: frame
        function onFramesShownChanged() {
            if (panel.starting && frame.framesShown > 0) {
                panel.starting = false;
                player.play();
            }
        }
    }

    function clock(ms: real): string {
        const s = Math.max(0, Math.floor(ms / 1000));
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }

    // A new source (another corner, or none when the visitor leaves) starts from its
    // poster; an empty source stops the player and releases the file.
    onSourceChanged: {
        if (panel.playRequested && panel.furthestMs > 0)
            panel.watched(panel.playingCorner, panel.furthestMs / 1000, false);
        panel.furthestMs = 0;
        // Leaving: stop at once; another video: open it a moment later.
        if (panel.source.toString().length === 0)
            panel.openedSource = panel.source;
        else
            openLater.restart();
        frame.clear();
        panel.stalled = false;
        panel.playRequested = false;
        panel.starting = false;
    }

    Timer {
        id: controlsRest
        interval: panel.controlsRestMs
        running: panel.expanded && panel.playing && !panel.controlsResting
        onTriggered: panel.controlsResting = true
    }
    onExpandedChanged: showControls()
    onPlayingChanged: showControls()

    Timer {
        id: stallWatch
        interval: 3000
        running: panel.playing && !frame.hasFrame && !panel.stalled
        onTriggered: {
            panel.stalled = true;
            panel.starting = false;
            player.stop();
        }
    }

    // The player opens its file a moment after the panel shows, so opening a corner
    // draws its first frame without waiting for FFmpeg to read the video's header.
    property url openedSource
    Timer {
        id: openLater
        interval: 30
        onTriggered: panel.openedSource = panel.source
    }

    MediaPlayer {
        id: player
        source: panel.openedSource
        onPositionChanged: panel.furthestMs = Math.max(panel.furthestMs, player.position)
        onMediaStatusChanged: {
            if (mediaStatus === MediaPlayer.EndOfMedia && panel.playRequested && frame.hasFrame) {
                panel.watched(panel.playingCorner, Math.max(panel.furthestMs, duration) / 1000,
                              true);
                panel.furthestMs = 0;
                panel.playRequested = false;
            }
        }
        // Played to the end (or stopped) without a single frame: not playable here.
        onPlaybackStateChanged: {
            if (playbackState === MediaPlayer.StoppedState && panel.playRequested &&
                    !frame.hasFrame && panel.source.toString().length > 0)
                panel.stalled = true;
        }
        videoOutput: frame.videoSink
        audioOutput: AudioOutput {
            id: audio
            volume: panel.visitorVolume * panel.masterVolume
        }
    }

    Image {
        objectName: "videoPoster"
        anchors.fill: parent
        // Decoded at the size it is drawn (fitted: both sides bound it), never at the
        // file's (docs/security.md, limits). Loaded once laid out: a size of 0 would
        // mean the file's, and a size on the way would decode it twice.
        source: width > 0 && height > 0 ? panel.poster : ""
        sourceSize {
            width: Math.ceil(width * Screen.devicePixelRatio)
            height: Math.ceil(height * Screen.devicePixelRatio)
        }
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        visible: !frame.hasFrame || panel.failed
    }

    VideoFrameItem {
        id: frame
        objectName: "videoFrame"
        anchors.fill: parent
        accepting: panel.source.toString().length > 0
        visible: !panel.failed
    }

    // The whole picture plays and pauses; controls sit on top of it. A touch while the
    // controls rest only brings them back.
    property bool touchRevealed: false
    TapHandler {
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onPressedChanged: {
            if (!pressed)
                return;
            panel.touchRevealed = !panel.controlsShown;
            panel.showControls();
        }
        onTapped: {
            if (!panel.touchRevealed)
                panel.togglePlay();
            panel.touchRevealed = false;
        }
    }
    // Any touch on the controls keeps them shown a while longer.
    PointHandler {
        target: null
        parent: controls
        onActiveChanged: if (active)
                             panel.showControls()
    }

    // A large play button while the video is not playing.
    IconButton {
        objectName: "bigPlayButton"
        anchors.centerIn: parent
        width: Theme.px(120)
        height: width
        icon: panel.ended ? "replay" : "play"
        tint: Theme.shadeButton
        accessibleName: panel.ended ? qsTr("Play again") : qsTr("Play video")
        visible: !panel.playing && !panel.failed
        onActivated: panel.togglePlay()
    }

    Rectangle {
        objectName: "videoErrorNotice"
        visible: panel.failed
        anchors {
            left: parent.left
            right: parent.right
            bottom: parent.bottom
            margins: Theme.spaceM
        }
        height: notice.implicitHeight + 2 * Theme.spaceS
        radius: Theme.px(8)
        color: Theme.shadeNotice
        Text {
            id: notice
            textFormat: Text.PlainText
            anchors {
                fill: parent
                margins: Theme.spaceS
            }
            text: qsTr("This video cannot be played right now.")
            color: Theme.onDark
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }

    // Captions: over the video, above the controls, on a readable band.
    Rectangle {
        objectName: "captionBand"
        visible: panel.captionsOn && panel.cueText.length > 0 && !panel.failed
        anchors {
            horizontalCenter: parent.horizontalCenter
            bottom: panel.controlsShown ? controls.top : parent.bottom
            bottomMargin: panel.controlsShown ? Theme.spaceS : Theme.spaceXl
        }
        width: Math.min(parent.width - 2 * Theme.spaceM, caption.implicitWidth + 2 * Theme.spaceM)
        height: caption.implicitHeight + Theme.spaceS
        radius: Theme.px(6)
        color: Theme.shadeCaption
        Text {
            id: caption
            textFormat: Text.PlainText
            objectName: "captionText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, panel.width - 4 * Theme.spaceM)
            text: panel.cueText
            color: Theme.onDark
            // Full screen, captions are read from further away: a step larger.
            font.pixelSize: panel.expanded ? Theme.titleSize : Theme.leadSize
            font.weight: Font.Bold
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }

    Rectangle {
        id: controls
        objectName: "videoControls"
        // Full screen: away from the screen's edges, on a taller shade.
        readonly property int inset: panel.expanded ? Theme.spaceXl : Theme.spaceS
        readonly property int lift: panel.expanded ? Theme.spaceL : 0
        visible: !panel.failed && opacity > 0
        opacity: panel.controlsShown ? 1 : 0
        Behavior on opacity {
            NumberAnimation {
                duration: Theme.calm
            }
        }
        anchors {
            left: parent.left
            right: parent.right
            bottom: parent.bottom
        }
        height: Theme.touchMinimum + 2 * Theme.spaceXs + lift
        gradient: Gradient {
            GradientStop {
                position: 0
                color: Theme.shadeNone
            }
            GradientStop {
                position: 1
                color: Theme.shadeControls
            }
        }

        Row {
            id: leftControls
            anchors {
                left: parent.left
                leftMargin: controls.inset
                verticalCenter: parent.verticalCenter
                verticalCenterOffset: -controls.lift / 2
            }
            spacing: Theme.spaceXs
            IconButton {
                objectName: "playPauseButton"
                icon: panel.playing ? "pause" : panel.ended ? "replay" : "play"
                accessibleName: panel.playing ? qsTr("Pause") : panel.ended ? qsTr("Play again") : qsTr(
                                                                                  "Play video")

                onActivated: panel.togglePlay()
            }
            Text {
                textFormat: Text.PlainText
                objectName: "videoTime"
                // A small panel gives its room to the scrub bar (its handle shows where it is).
                visible: panel.width >= Theme.px(640)
                anchors.verticalCenter: parent.verticalCenter
                text: panel.clock(player.position) + " / " + panel.clock(player.duration)
                color: Theme.onDark
                font.pixelSize: Theme.labelSize
                font.features: {
                    "tnum": 1
                }
            }
        }

        Controls.Slider {
            id: scrub
            objectName: "scrubBar"
            anchors {
                left: leftControls.right
                right: rightControls.left
                leftMargin: Theme.spaceM
                rightMargin: Theme.spaceM
                verticalCenter: parent.verticalCenter
                verticalCenterOffset: -controls.lift / 2
            }
            height: Theme.touchMinimum
            from: 0
            to: Math.max(1, player.duration)
            // A keypad's left and right move by a second (longer clips: a twentieth).
            stepSize: Math.max(1000, Math.round(player.duration / 20))
            value: pressed ? value : player.position
            enabled: player.seekable
            onMoved: player.position = value
            Accessible.name: qsTr("Video position")
            FocusRing {
                cornerRadius: scrub.height / 2
            }

            background: Rectangle {
                x: scrub.leftPadding
                y: scrub.topPadding + scrub.availableHeight / 2 - height / 2
                width: scrub.availableWidth
                height: Theme.px(6)
                radius: height / 2
                color: Theme.onDarkTrack
                Rectangle {
                    width: scrub.visualPosition * parent.width
                    height: parent.height
                    radius: parent.radius
                    color: Theme.onDark
                }
            }
            handle: Rectangle {
                x: scrub.leftPadding + scrub.visualPosition * (scrub.availableWidth - width)
                y: scrub.topPadding + scrub.availableHeight / 2 - height / 2
                width: Theme.px(24)
                height: width
                radius: width / 2
                color: Theme.onDark
                scale: scrub.pressed ? 1.3 : 1
            }
        }

        Row {
            id: rightControls
            anchors {
                right: parent.right
                rightMargin: controls.inset
                verticalCenter: parent.verticalCenter
                verticalCenterOffset: -controls.lift / 2
            }
            spacing: Theme.spaceXs
            IconButton {
                objectName: "muteButton"
                icon: audio.muted || panel.visitorVolume === 0 ? "mute" : "sound"
                accessibleName: audio.muted ? qsTr("Sound on") : qsTr("Mute")
                onActivated: audio.muted = !audio.muted
            }
            Controls.Slider {
                id: volume
                objectName: "volumeSlider"
                // On a small panel the scrub bar needs the room; the mute button stays.
                visible: panel.width >= Theme.px(800)
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(140)
                height: Theme.touchMinimum
                from: 0
                to: panel.maxVolume
                stepSize: 0.1
                value: panel.visitorVolume
                onMoved: {
                    panel.visitorVolume = value;
                    audio.muted = false;
                }
                Accessible.name: qsTr("Volume")
                FocusRing {
                    cornerRadius: volume.height / 2
                }

                background: Rectangle {
                    x: volume.leftPadding
                    y: volume.topPadding + volume.availableHeight / 2 - height / 2
                    width: volume.availableWidth
                    height: Theme.px(6)
                    radius: height / 2
                    color: Theme.onDarkTrack
                    Rectangle {
                        width: volume.visualPosition * parent.width
                        height: parent.height
                        radius: parent.radius
                        color: audio.muted ? Theme.onDarkMuted : Theme.onDark
                    }
                }
                handle: Rectangle {
                    x: volume.leftPadding + volume.visualPosition * (volume.availableWidth - width)
                    y: volume.topPadding + volume.availableHeight / 2 - height / 2
                    width: Theme.px(22)
                    height: width
                    radius: width / 2
                    color: Theme.onDark
                }
            }
            IconButton {
                objectName: "captionsButton"
                icon: "captions"
                checked: panel.captionsOn
                accessibleName: panel.captionsOn ? qsTr("Hide captions") : qsTr("Show captions")
                onActivated: panel.captionsOn = !panel.captionsOn
            }
            IconButton {
                objectName: "expandButton"
                icon: panel.expanded ? "collapse" : "expand"
                accessibleName: panel.expanded ? qsTr("Leave full screen") : qsTr("Full screen")
                onActivated: panel.expandToggled()
            }
        }
    }
}
