pragma Singleton
import QtQuick
import Kiosk.Bridge

// Every colour, size, spacing and duration of the kiosk UI. Sizes are designed for a
// 1080 px short side and scaled by `scale`, which Main.qml binds to the window.
QtObject {
    id: theme

    // Set by Main.qml: the colours (the bridge's readable palette for the mode), the
    // window's scale, and the visitor's accessibility modes.
    property Colours colours: null
    property real scale: 1.0
    property bool highContrast: false
    property bool largeText: false
    // The visitor asked for no motion: every duration below is zero.
    property bool reducedMotion: false
    // True after a key press, false after a touch: focus rings show for keypad users only.
    property bool keyboardInUse: false
    // The visitor's language: reading columns keep to its script's measure.
    property string language: "ko"

    function px(value: real): int {
        return Math.round(value * theme.scale);
    }

    // Colours: the package's, made readable; these until the exhibit's are bound.
    readonly property color background: colours ? colours.background : "#f6f4ef"
    readonly property color surface: colours ? colours.surface : "#ffffff"
    readonly property color text: colours ? colours.text : "#14213d"
    readonly property color mutedText: colours ? colours.mutedText : "#4a5468"
    readonly property color accent: colours ? colours.accent : "#1f4fb4"
    readonly property color accentInk: colours ? colours.onAccent : "#ffffff"
    // Text on a corner's colour (its current tab, its arrow).
    readonly property color onCorner: colours ? colours.onCorner : "#ffffff"
    // The keyboard focus ring: at least 3:1 against every ground (kiosk.content.contrast).
    readonly property color focus: colours ? colours.focus : accent
    // Under the PIN pad, the idle warning, and new content's notice: the page dimmed.
    readonly property color scrim: Qt.rgba(0.04, 0.07, 0.16, 0.8)
    readonly property color idleScrim: Qt.rgba(0.04, 0.07, 0.16, 0.72)
    readonly property color noticeGround: Qt.rgba(0.08, 0.13, 0.24, 0.88)
    // The editor's tools over the picture (the live preview), never seen at a booth.
    readonly property color toolGround: "#1a2236"
    readonly property color toolMark: "#1f9d55"
    // Text and icons on those dark grounds, on video and on pictures, and white let
    // through for what is quieter or a control's ground there.
    readonly property color onDark: "#ffffff"
    readonly property color onDarkSoft: Qt.rgba(1, 1, 1, 0.8)
    readonly property color onDarkMuted: Qt.rgba(1, 1, 1, 0.5)
    readonly property color onDarkTrack: Qt.rgba(1, 1, 1, 0.3)
    readonly property color controlOnDark: Qt.rgba(1, 1, 1, 0.16)
    readonly property color controlOnDarkOn: Qt.rgba(1, 1, 1, 0.34)
    // The attract loop's call to touch: a bright pill over any picture.
    readonly property color callToTouch: Qt.rgba(1, 1, 1, 0.94)
    // Shades over video, lightest to darkest: the play button's ground, the controls'
    // gradient, a notice, the caption band.
    readonly property color shadeNone: Qt.rgba(0, 0, 0, 0)
    readonly property color shadeButton: Qt.rgba(0, 0, 0, 0.45)
    readonly property color shadeControls: Qt.rgba(0, 0, 0, 0.65)
    readonly property color shadeNotice: Qt.rgba(0, 0, 0, 0.7)
    readonly property color shadeCaption: Qt.rgba(0, 0, 0, 0.72)
    // Behind a video until its first frame (and around a picture that does not fill it).
    readonly property color videoGround: "#0b0f1a"
    // The QR code's quiet zone: a scanner needs white around the code, in every mode.
    readonly property color qrGround: "#ffffff"
    // The test pattern's colour bars, marks and ground: a measuring signal, exact in every
    // mode and never the package's colours.
    readonly property list<color> testBars: ["#ffffff", "#ffff00", "#00ffff", "#00ff00", "#ff00ff",
        "#ff0000", "#0000ff", "#000000"]
    readonly property color testMark: "#ff0000"
    readonly property color testGround: "#000000"
    // A step that cannot be undone (quitting the exhibit), and the text on it.
    readonly property color danger: highContrast ? "#ff6b6b" : "#b3261e"
    readonly property color dangerInk: highContrast ? "#000000" : "#ffffff"
    // Behind an enlarged picture, with white captions and controls on it.
    readonly property color viewerBackground: "#080d1a"
    // Behind an attract item until its first picture is in.
    readonly property color attractGround: "#0a1228"
    // Outside opening hours: black, with words just readable (5:1) where the display
    // cannot be switched off.
    readonly property color closedGround: "#000000"
    readonly property color onClosed: Qt.rgba(1, 1, 1, 0.5)
    // Over a letterboxed attract video's blurred backdrop: darker at the screen's ends.
    readonly property color backdropShadeEdge: Qt.rgba(0.04, 0.07, 0.16, 0.72)
    readonly property color backdropShadeMiddle: Qt.rgba(0.04, 0.07, 0.16, 0.45)
    readonly property color hairline: Qt.rgba(text.r, text.g, text.b, highContrast ? 1 : 0.14)
    readonly property color pressedOverlay: highContrast ? Qt.rgba(1, 1, 1, 0.3) : Qt.rgba(0, 0, 0,
                                                                                           0.16)

    readonly property int focusWidth: Math.max(4, px(6))

    // Type scale (pixels at 1080p): one step apart each. Large text doubles reading and
    // label text (WCAG 1.4.4: 200 %); headings, already two to three times that, grow
    // less, so the scale keeps its order and a heading still fits a line or two.
    function type(base: real, grow: real): int {
        return px(base * (largeText ? grow : 1));
    }
    readonly property int displaySize: type(84, 1.2)
    readonly property int headlineSize: type(56, 1.4)
    readonly property int titleSize: type(40, 1.6)
    readonly property int leadSize: type(30, 2)
    readonly property int bodySize: type(27, 2)
    readonly property int labelSize: type(22, 2)
    // The widest a column of running text of this size may be, however wide its place:
    // longer lines lose the reader's eye on the way back to the next one.
    function measure(size: int): int {
        return Math.round(size * Languages.measure(language));
    }
    // Line spacing of body text, in the font's own line heights.
    readonly property real bodyLineHeight: 1.3
    // The same in whole pixels: reading windows hold whole lines of it (SectionReading).
    readonly property int bodyPitch: Math.ceil(bodyMetrics.height * bodyLineHeight)
    readonly property FontMetrics bodyMetrics: FontMetrics {
        font.pixelSize: theme.bodySize
    }

    // Spacing on an 8 px grid.
    readonly property int spaceXs: px(8)
    readonly property int spaceS: px(16)
    readonly property int spaceM: px(24)
    readonly property int spaceL: px(40)
    readonly property int spaceXl: px(64)
    readonly property int spaceXxl: px(96)

    // Touch: no target smaller than this (64 px at 1080p), with at least spaceXs between.
    readonly property int touchMinimum: Math.max(64, px(64))
    readonly property int controlHeight: Math.max(touchMinimum, px(72), Math.round(labelSize * 2))

    // Motion: short, never blocking input; one language for entering and leaving alike.
    readonly property int quick: reducedMotion ? 0 : 120
    readonly property int calm: reducedMotion ? 0 : 220
    // The attract loop's crossfade from one item to the next, and its gentle pulse.
    readonly property int slow: reducedMotion ? 0 : 700
    readonly property int breath: 1400
}
