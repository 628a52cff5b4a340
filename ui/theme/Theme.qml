pragma Singleton
import QtQuick

// Every colour, size, spacing and duration of the kiosk UI. Sizes are designed for a
// 1080 px short side and scaled by `scale`, which Main.qml binds to the window.
QtObject {
    id: theme

    // Set by Main.qml: the package's theme colours and the window's scale.
    property var packageColours: ({})
    property real scale: 1.0

    function px(value: real): int {
        return Math.round(value * theme.scale)
    }

    // Colours: the package's where it has them.
    readonly property color background: packageColours.background ?? "#f6f4ef"
    readonly property color surface: packageColours.surface ?? "#ffffff"
    readonly property color text: packageColours.text ?? "#14213d"
    readonly property color mutedText: packageColours.muted_text ?? "#4a5468"
    readonly property color accent: packageColours.accent ?? "#1f4fb4"
    readonly property color accentInk: packageColours.on_accent ?? "#ffffff"
    readonly property color hairline: Qt.rgba(text.r, text.g, text.b, 0.14)
    readonly property color pressedOverlay: Qt.rgba(0, 0, 0, 0.16)

    // Type scale (pixels at 1080p): one step apart each.
    readonly property int displaySize: px(84)
    readonly property int headlineSize: px(56)
    readonly property int titleSize: px(40)
    readonly property int leadSize: px(30)
    readonly property int bodySize: px(27)
    readonly property int labelSize: px(22)
    readonly property real bodyLineHeight: 1.3

    // Spacing on an 8 px grid.
    readonly property int spaceXs: px(8)
    readonly property int spaceS: px(16)
    readonly property int spaceM: px(24)
    readonly property int spaceL: px(40)
    readonly property int spaceXl: px(64)
    readonly property int spaceXxl: px(96)

    // Touch: no target smaller than this (64 px at 1080p), with at least spaceXs between.
    readonly property int touchMinimum: Math.max(64, px(64))
    readonly property int controlHeight: Math.max(touchMinimum, px(72))

    // Motion: short, never blocking input.
    readonly property int quick: 120
    readonly property int calm: 220
}
