pragma ComponentBehavior: Bound
import QtQuick
import theme

// A round touch button with a drawn icon: play, replay, pause, sound, mute, captions,
// expand, collapse, close. Drawn, not from a font, so it looks the same on every machine.
Rectangle {
    id: button

    required property string icon
    property color ink: Theme.onDark
    property color tint: Theme.controlOnDark
    property bool checked: false
    property string accessibleName
    signal activated

    implicitWidth: Theme.touchMinimum
    implicitHeight: Theme.touchMinimum
    radius: width / 2
    color: checked ? Theme.controlOnDarkOn : tint

    activeFocusOnTab: true  // hidden and disabled items are skipped by the focus chain
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: button.activated()
    Keys.onReturnPressed: button.activated()
    Keys.onEnterPressed: button.activated()
    Keys.onSpacePressed: button.activated()

    // The icon, drawn as SVG on a 24-unit grid. An image, not Qt Quick Shapes: under the
    // software scene graph Shapes ignore the clipping of a scrolled page.
    Image {
        id: glyph
        anchors.centerIn: parent
        width: Math.round(button.width * 0.46)
        height: width
        sourceSize.width: width
        sourceSize.height: height
        source: "data:image/svg+xml;utf8," + encodeURIComponent(
                    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">%1</svg>'.arg(
                        button.drawing(button.ink.toString())))
    }

    function drawing(ink: string): string {
        const line
              = 'fill="none" stroke="%1" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"'.arg(
                  ink);
        switch (button.icon) {
        case "play":
            return '<path d="M6 3 L21 12 L6 21 Z" fill="%1"/>'.arg(ink);
        case "replay":
            return '<path d="M4.5 12 A7.5 7.5 0 1 0 7 6.4" %1/>'.arg(line)
                    + '<path d="M3.5 2.8 L7.4 6.6 L3 8.6" %1/>'.arg(line);
        case "pause":
            return '<rect x="5" y="3" width="5" height="18" rx="1" fill="%1"/>'.arg(ink)
                    + '<rect x="14" y="3" width="5" height="18" rx="1" fill="%1"/>'.arg(ink);
        case "sound":
            return '<path d="M2 8.5 H7 L13 3 V21 L7 15.5 H2 Z" fill="%1"/>'.arg(ink)
                    + '<path d="M16.5 8 Q19.5 12 16.5 16 M19 5 Q24 12 19 19" %1/>'.arg(line);
        case "mute":
            return '<path d="M2 8.5 H7 L13 3 V21 L7 15.5 H2 Z" fill="%1"/>'.arg(ink)
                    + '<path d="M16 9 L22 15 M22 9 L16 15" %1/>'.arg(line);
        case "captions":
            return '<rect x="1.5" y="4.5" width="21" height="15" rx="2.5" %1/>'.arg(line)
                    + '<text x="12" y="15.6" font-family="sans-serif" font-size="8.5" font-weight="bold" text-anchor="middle" fill="%1">CC</text>'.arg(
                        ink);
        case "expand":
            return '<path d="M2 8 V2 H8 M16 2 H22 V8 M22 16 V22 H16 M8 22 H2 V16" %1/>'.arg(line);
        case "collapse":
            return '<path d="M8 2 V8 H2 M16 2 V8 H22 M22 16 H16 V22 M2 16 H8 V22" %1/>'.arg(line);
        case "close":
            return '<path d="M3 3 L21 21 M21 3 L3 21" %1/>'.arg(line);
        }
        return "";
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
