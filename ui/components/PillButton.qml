pragma ComponentBehavior: Bound
import QtQuick
import theme

// A rounded button with a pressed state shown in the same frame as the touch.
Rectangle {
    id: button

    property string text
    property string icon
    property color tint: Theme.surface
    property color ink: Theme.text
    property bool selected: false
    // A selected button is the ink's colour with the ground's colour as its text: dark on
    // a light page, light on a dark overlay (set both there).
    property color selectedTint: Theme.text
    property color selectedInk: Theme.background
    // A switch (a mode, a language): says "on" or "off" to a screen reader.
    property bool toggle: false
    property int fontSize: Theme.labelSize
    // What a screen reader and voice guidance say; the visible text unless given.
    property string accessibleName: text
    signal activated

    activeFocusOnTab: true  // hidden and disabled items are skipped by the focus chain
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.checkable: toggle
    Accessible.checked: selected
    Accessible.onPressAction: button.activated()
    Keys.onReturnPressed: button.activated()
    Keys.onEnterPressed: button.activated()
    Keys.onSpacePressed: button.activated()

    implicitHeight: Theme.controlHeight
    implicitWidth: Math.max(Theme.touchMinimum, row.implicitWidth + 2 * Theme.spaceM)
    radius: height / 2
    // Not available now (nothing to roll back to, an install running): faded.
    opacity: enabled ? 1 : 0.4
    color: selected ? selectedTint : tint
    border.color: Theme.hairline
    border.width: selected ? 0 : (Theme.highContrast ? 2 : 1)

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spaceXs

        Text {
            textFormat: Text.PlainText
            visible: button.icon.length > 0
            text: button.icon
            color: button.selected ? button.selectedInk : button.ink
            font.pixelSize: Theme.leadSize
            font.weight: Font.Bold
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            textFormat: Text.PlainText
            visible: button.text.length > 0
            text: button.text
            color: button.selected ? button.selectedInk : button.ink
            font.pixelSize: button.fontSize
            font.weight: Font.Bold
            anchors.verticalCenter: parent.verticalCenter
        }
    }

    Rectangle {
        anchors.fill: parent
        radius: parent.radius
        color: Theme.pressedOverlay
        visible: tap.pressed
    }

    FocusRing {
        cornerRadius: button.radius
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
