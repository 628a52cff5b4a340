pragma ComponentBehavior: Bound
import QtQuick
import theme

// A corner's pictures as a strip of thumbnails; a tap opens one large.
ListView {
    id: strip
    objectName: "galleryStrip"

    signal opened(int index)

    orientation: ListView.Horizontal
    spacing: Theme.spaceS
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    keyNavigationEnabled: false  // arrows move the focus between controls

    delegate: Item {
        id: thumb
        required property int index
        required property url imageUrl
        required property real aspect
        objectName: "galleryThumb_" + index
        // A few pictures share the strip's width (cropped, down to square) so none is cut
        // at its edge; many keep their shape and the strip scrolls.
        readonly property real natural: height * Math.min(Math.max(aspect, 1.2), 1.8)
        readonly property real shared: (strip.width - (strip.count - 1) * strip.spacing)
                                       / strip.count

        height: strip.height
        width: Math.round(shared >= height ? Math.min(natural, shared) : natural)

        activeFocusOnTab: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Picture %1 of %2").arg(thumb.index + 1).arg(strip.count)
        Accessible.onPressAction: strip.opened(thumb.index)
        Keys.onReturnPressed: strip.opened(thumb.index)
        Keys.onEnterPressed: strip.opened(thumb.index)
        Keys.onSpacePressed: strip.opened(thumb.index)
        FocusRing {
            anchors.margins: Theme.focusWidth
            z: 2
        }

        Image {
            anchors.fill: parent
            source: thumb.imageUrl
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            // Never unbounded: a size of 0 (before layout) would decode the file whole.
            // Decoded at the thumbnail's own shape, not the share of the strip it gets:
            // that changes as the strip fills, and each change would decode it again.
            sourceSize {
                width: Math.max(thumb.natural, 64)
                height: Math.max(thumb.height, 64)
            }
        }
        Rectangle {
            anchors.fill: parent
            color: Theme.pressedOverlay
            visible: tap.pressed
        }
        TapHandler {
            id: tap
            gesturePolicy: TapHandler.ReleaseWithinBounds
            onTapped: strip.opened(thumb.index)
        }
    }
}
