pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import views

// The kiosk window: home, or the open corner, one tap apart.
Window {
    id: window

    required property Exhibit exhibit
    // Degrees the picture is turned for a screen mounted on its side (config).
    property int rotation: 0
    readonly property bool homeReady: home.visible && home.ready

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

        // Home stays alive under the corner view, so going back is instant and keeps its
        // state; the corner view is made when a corner opens and dropped when it closes
        // (which stops whatever plays in it). Views fade in but take input at once.
        HomeView {
            id: home
            anchors.fill: parent
            exhibit: window.exhibit
            visible: !cornerPage.active
        }

        Loader {
            id: cornerPage
            objectName: "cornerPage"
            anchors.fill: parent
            active: window.exhibit.currentCornerId.length > 0
            sourceComponent: CornerView {
                exhibit: window.exhibit
                color: Theme.background
            }
            onLoaded: fadeIn.restart()
        }

        NumberAnimation {
            id: fadeIn
            target: cornerPage.item
            property: "opacity"
            from: 0
            to: 1
            duration: Theme.calm
            easing.type: Easing.OutCubic
        }
    }

}
