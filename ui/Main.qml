pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import views
import components

// The kiosk window: home, or the open corner, one tap apart.
Window {
    id: window

    required property Exhibit exhibit
    required property VisitorSession session
    // Set by the application when it watches for new content (not for a screenshot).
    property QtObject packageWatcher: null
    // Degrees the picture is turned for a screen mounted on its side (config).
    property int rotation: 0
    readonly property bool homeReady: home.visible && home.ready && !attract.visible

    color: Theme.background
    title: exhibit.hallTitle

    Binding { target: Theme; property: "packageColours"; value: window.exhibit.theme }
    Binding {
        target: Theme
        property: "scale"
        value: Math.min(content.width, content.height) / 1080
    }

    Item {
        id: content
        readonly property bool sideways: window.rotation === 90 || window.rotation === 270
        anchors.centerIn: parent
        width: sideways ? window.height : window.width
        height: sideways ? window.width : window.height
        rotation: window.rotation

        // Both views are made once, at start: opening a corner then only changes what the
        // corner view shows, which keeps the tap-to-view time to a frame or two. The corner
        // view's video source empties when the visitor goes home, which stops and releases
        // the player. Views fade in but take input at once.
        HomeView {
            id: home
            anchors.fill: parent
            exhibit: window.exhibit
            visible: !cornerView.visible
        }

        CornerView {
            id: cornerView
            anchors.fill: parent
            exhibit: window.exhibit
            onVideoPlayingChanged: window.session.setVideoPlaying(videoPlaying)
            onSectionShown: index => window.session.recordSection(index)
            onPictureEnlarged: index => window.session.recordGallery(index)
            onVideoWatched: (cornerId, seconds, complete) =>
                window.session.recordVideo(cornerId, seconds, complete)
            visible: window.exhibit.currentCornerId.length > 0
            onVisibleChanged: {
                if (visible) {
                    reset()
                    fadeIn.restart()
                }
            }
        }

        // Over everything: the idle warning, and the attract loop when nobody is here.
        IdleWarning {
            anchors.fill: parent
            z: 20
            visible: window.session.state === "warning"
            secondsLeft: window.session.secondsLeft
            seconds: window.session.secondsLeft > 0 ? Math.max(20, window.session.secondsLeft) : 20
            onContinued: window.session.continueSession()
        }

        ContentNotice {
            anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.spaceL }
            z: 40
            kind: window.packageWatcher ? window.packageWatcher.notice : ""
            progress: window.packageWatcher ? window.packageWatcher.progress : 0
            onApprovalRequested: approvalLoader.active = true
        }

        Loader {
            id: approvalLoader
            anchors.fill: parent
            z: 45
            active: false
            sourceComponent: StaffApproval {
                description: window.packageWatcher ? window.packageWatcher.approvalText : ""
                lockedSeconds: window.packageWatcher ? window.packageWatcher.pinLockedSeconds : 0
                onSubmitted: entered => {
                    const result = window.packageWatcher.approve(entered)
                    if (result === "" || result === "nothing")
                        approvalLoader.active = false
                    else
                        problem = result
                }
                onCancelled: {
                    window.packageWatcher.dismissApproval()
                    approvalLoader.active = false
                }
            }
        }

        AttractView {
            id: attract
            anchors.fill: parent
            z: 30
            visible: window.session.state === "attract"
            items: window.session.attractItems
            hallTitle: window.exhibit.hallTitle
            hallSubtitle: window.exhibit.hallSubtitle
            onItemFailed: (index, reason) => window.session.attractItemFailed(index, reason)
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
    }

}
