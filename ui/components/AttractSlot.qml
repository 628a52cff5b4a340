pragma ComponentBehavior: Bound
import QtQuick
import QtMultimedia
import Kiosk.Bridge
import theme

// One item of the attract loop: a video played to its end, or an image shown for its
// duration with a slow pan and zoom. Two slots take turns, so the next item is loaded
// while this one shows, and this one's last picture stays until the next has its first.
Item {
    id: slot

    property AttractItem item: null
    // A portrait screen shows the item's portrait version where the package has one.
    readonly property bool portrait: height > width
    readonly property url itemUrl: item ? urlOf(item) : ""
    // The player's and the picture's sources, each read from the item alone: a source
    // bound to isVideo and itemUrl could pair the new item's kind with the last item's
    // URL for a moment, and hand the player a picture.
    readonly property url videoUrl: item !== null && item.video ? urlOf(item) : ""
    readonly property url pictureUrl: item !== null && !item.video ? urlOf(item) : ""

    function urlOf(shown: AttractItem): url {
        return portrait && shown.portraitUrl.toString().length > 0 ? shown.portraitUrl : shown.url;
    }
    property bool started: false
    readonly property bool isVideo: item !== null && item.video
    readonly property bool hasPicture: isVideo ? frame.hasFrame : picture.status === Image.Ready
    // On top of the other slot: it fades in over the item before (a crossfade, the item
    // before staying whole underneath, so no frame is ever empty).
    property bool onTop: false
    signal finished
    signal failed(string reason)

    onOnTopChanged: if (onTop)
                        reveal.restart()
    NumberAnimation {
        id: reveal
        target: slot
        property: "opacity"
        from: 0
        to: 1
        duration: Theme.slow
        easing.type: Easing.InOutSine
    }

    function begin() {
        slot.started = true;
        if (slot.isVideo) {
            player.play();
        } else {
            if (!Theme.reducedMotion)
                zoom.restart();
            hold.restart();
        }
    }

    function load(next: AttractItem) {
        slot.started = false;
        hold.stop();
        zoom.stop();
        player.stop();
        frame.clear();
        picture.scale = 1;
        slot.item = next;
    }

    MediaPlayer {
        id: player
        source: slot.videoUrl
        videoOutput: frame.videoSink
        onMediaStatusChanged: {
            if (mediaStatus === MediaPlayer.EndOfMedia && slot.started)
                slot.finished();
        }
        onErrorOccurred: (error, message) => slot.failed(message)
    }

    // A video that does not fill the screen (16:9 on a portrait screen, without a portrait
    // version) sits on its own colours, much blurred and dimmed, not on an empty ground or
    // over the other slot's picture.
    readonly property bool letterboxed: frame.frameAspect > 0 && Math.abs(frame.frameAspect - width
                                                                          / Math.max(1, height))
                                        > 0.05
    Rectangle {
        anchors.fill: parent
        visible: slot.isVideo && frame.hasFrame
        color: Theme.attractGround
    }
    VideoBackdrop {
        objectName: "attractBackdrop"
        anchors.fill: parent
        visible: slot.isVideo && slot.letterboxed
        frames: slot.letterboxed ? frame : null
    }
    Rectangle {
        anchors.fill: parent
        visible: slot.isVideo && slot.letterboxed
        gradient: Gradient {
            GradientStop {
                position: 0
                color: Theme.backdropShadeEdge
            }
            GradientStop {
                position: 0.5
                color: Theme.backdropShadeMiddle
            }
            GradientStop {
                position: 1
                color: Theme.backdropShadeEdge
            }
        }
    }

    VideoFrameItem {
        id: frame
        anchors.fill: parent
        visible: slot.isVideo
        accepting: slot.isVideo
    }

    Image {
        id: picture
        anchors.fill: parent
        visible: !slot.isVideo
        source: slot.pictureUrl
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        sourceSize.width: 1920
        onStatusChanged: {
            if (status === Image.Error)
                slot.failed("the picture could not be read");
        }
    }

    NumberAnimation {
        id: zoom
        target: picture
        property: "scale"
        from: 1.0
        to: 1.08
        duration: slot.item ? Math.max(100, slot.item.durationMs) : 8000
        easing.type: Easing.InOutSine
    }

    Timer {
        id: hold
        interval: slot.item ? Math.max(100, slot.item.durationMs) : 8000
        onTriggered: slot.finished()
    }
}
