pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import theme

// A round touch button with a drawn icon: play, pause, sound, mute, captions, expand,
// collapse, close. Drawn, not from a font, so it looks the same on every machine.
Rectangle {
    id: button

    required property string icon
    property color ink: "white"
    property color tint: Qt.rgba(1, 1, 1, 0.16)
    property bool checked: false
    property string accessibleName
    signal activated()

    implicitWidth: Theme.touchMinimum
    implicitHeight: Theme.touchMinimum
    radius: width / 2
    color: checked ? Qt.rgba(1, 1, 1, 0.34) : tint

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: button.activated()

    Item {
        id: glyph
        anchors.centerIn: parent
        width: Math.round(button.width * 0.42)
        height: width

        // Play: a triangle pointing right.
        Shape {
            anchors.fill: parent
            visible: button.icon === "play"
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                fillColor: button.ink
                strokeColor: "transparent"
                startX: glyph.width * 0.15; startY: 0
                PathLine { x: glyph.width; y: glyph.height / 2 }
                PathLine { x: glyph.width * 0.15; y: glyph.height }
                PathLine { x: glyph.width * 0.15; y: 0 }
            }
        }
        // Pause: two bars.
        Row {
            anchors.centerIn: parent
            visible: button.icon === "pause"
            spacing: glyph.width * 0.22
            Repeater {
                model: 2
                Rectangle { width: glyph.width * 0.28; height: glyph.height; color: button.ink; radius: 2 }
            }
        }
        // Sound and mute: a speaker, with waves or a cross.
        Shape {
            anchors.fill: parent
            visible: button.icon === "sound" || button.icon === "mute"
            ShapePath {
                fillColor: button.ink
                strokeColor: "transparent"
                startX: 0; startY: glyph.height * 0.35
                PathLine { x: glyph.width * 0.25; y: glyph.height * 0.35 }
                PathLine { x: glyph.width * 0.55; y: glyph.height * 0.08 }
                PathLine { x: glyph.width * 0.55; y: glyph.height * 0.92 }
                PathLine { x: glyph.width * 0.25; y: glyph.height * 0.65 }
                PathLine { x: 0; y: glyph.height * 0.65 }
                PathLine { x: 0; y: glyph.height * 0.35 }
            }
            ShapePath {
                fillColor: "transparent"
                strokeColor: button.icon === "sound" ? button.ink : "transparent"
                strokeWidth: Math.max(2, glyph.width * 0.08)
                capStyle: ShapePath.RoundCap
                startX: glyph.width * 0.72; startY: glyph.height * 0.3
                PathQuad { x: glyph.width * 0.72; y: glyph.height * 0.7; controlX: glyph.width * 0.9; controlY: glyph.height * 0.5 }
            }
            ShapePath {
                fillColor: "transparent"
                strokeColor: button.icon === "mute" ? button.ink : "transparent"
                strokeWidth: Math.max(2, glyph.width * 0.08)
                capStyle: ShapePath.RoundCap
                startX: glyph.width * 0.68; startY: glyph.height * 0.34
                PathLine { x: glyph.width; y: glyph.height * 0.66 }
                PathMove { x: glyph.width; y: glyph.height * 0.34 }
                PathLine { x: glyph.width * 0.68; y: glyph.height * 0.66 }
            }
        }
        // Captions: the familiar CC box.
        Rectangle {
            anchors.centerIn: parent
            visible: button.icon === "captions"
            width: glyph.width * 1.2
            height: glyph.height * 0.8
            radius: 3
            color: "transparent"
            border.color: button.ink
            border.width: Math.max(2, glyph.width * 0.08)
            Text {
                anchors.centerIn: parent
                text: "CC"
                color: button.ink
                font.pixelSize: glyph.height * 0.45
                font.weight: Font.Bold
            }
        }
        // Expand, collapse and close: corner brackets and a cross.
        Shape {
            anchors.fill: parent
            visible: button.icon === "expand" || button.icon === "collapse" || button.icon === "close"
            ShapePath {
                fillColor: "transparent"
                strokeColor: button.ink
                strokeWidth: Math.max(2, glyph.width * 0.1)
                capStyle: ShapePath.RoundCap
                joinStyle: ShapePath.RoundJoin
                PathSvg {
                    path: {
                        const w = glyph.width
                        const a = w * 0.36
                        if (button.icon === "close")
                            return `M 0 0 L ${w} ${w} M ${w} 0 L 0 ${w}`
                        if (button.icon === "expand")  // corners pointing out
                            return `M 0 ${a} L 0 0 L ${a} 0 M ${w - a} 0 L ${w} 0 L ${w} ${a}`
                                 + ` M ${w} ${w - a} L ${w} ${w} L ${w - a} ${w} M ${a} ${w} L 0 ${w} L 0 ${w - a}`
                        // collapse: corners pointing in
                        return `M ${a} 0 L ${a} ${a} L 0 ${a} M ${w - a} 0 L ${w - a} ${a} L ${w} ${a}`
                             + ` M ${w} ${w - a} L ${w - a} ${w - a} L ${w - a} ${w} M ${a} ${w} L ${a} ${w - a} L 0 ${w - a}`
                    }
                }
            }
        }
    }

    Rectangle {
        anchors.fill: parent
        radius: parent.radius
        color: Theme.pressedOverlay
        visible: tap.pressed
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
