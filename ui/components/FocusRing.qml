import QtQuick
import theme

// The keyboard focus ring: thick, in the focus colour, with a thin line of the ground
// inside it so it stands out on any picture. Shown only while its parent has focus.
Rectangle {
    id: ring

    property real cornerRadius: 0

    anchors.fill: parent
    anchors.margins: -(Theme.focusWidth + Theme.px(4))
    radius: cornerRadius > 0 ? cornerRadius + Theme.focusWidth + Theme.px(4) : 0
    color: "transparent"
    border.color: Theme.focus
    border.width: Theme.focusWidth
    visible: parent.activeFocus && Theme.keyboardInUse
    z: 100

    Rectangle {
        anchors.fill: parent
        anchors.margins: Theme.focusWidth
        radius: Math.max(0, ring.radius - Theme.focusWidth)
        color: "transparent"
        border.color: Theme.background
        border.width: Math.max(2, Theme.px(3))
    }
}
