pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// A corner: its title and picture beside its sections (background, accomplishments,
// anticipated effects), which scroll when they are longer than the screen.
Rectangle {
    id: corner
    objectName: "cornerView"

    required property Exhibit exhibit
    readonly property bool portrait: height > width
    readonly property color cornerColour: exhibit.currentCornerColour.length > 0
                                          ? exhibit.currentCornerColour : Theme.accent

    Rectangle {
        id: side
        color: corner.cornerColour
        x: 0
        y: 0
        width: corner.portrait ? corner.width : Math.round(corner.width * 0.4)
        height: corner.portrait ? Math.round(corner.height * 0.36) : corner.height
        clip: true

        Image {
            anchors.fill: parent
            source: corner.exhibit.currentCornerHeroUrl
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            sourceSize.width: 1280
            opacity: 0.9
        }
        Rectangle {
            anchors.fill: parent
            gradient: Gradient {
                GradientStop { position: 0.35; color: "transparent" }
                GradientStop { position: 1.0; color: Qt.rgba(0, 0, 0, 0.55) }
            }
        }
        Text {
            objectName: "cornerTitle"
            anchors {
                left: parent.left; right: parent.right; bottom: parent.bottom
                margins: Theme.spaceXl
            }
            text: corner.exhibit.currentCornerTitle
            color: "white"
            font.pixelSize: Theme.headlineSize
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
            lineHeight: 1.15
        }
    }

    PillButton {
        objectName: "homeButton"
        anchors { left: parent.left; top: parent.top; margins: Theme.spaceL }
        icon: "←"
        text: corner.exhibit.hallTitle
        onActivated: corner.exhibit.goHome()
    }

    LanguageSwitch {
        anchors { right: parent.right; top: parent.top; margins: Theme.spaceL }
        languages: corner.exhibit.languages
        current: corner.exhibit.language
        onChosen: language => corner.exhibit.setLanguage(language)
    }

    Flickable {
        id: reading
        objectName: "sectionsFlickable"
        anchors {
            left: corner.portrait ? parent.left : side.right
            right: parent.right
            top: corner.portrait ? side.bottom : parent.top
            bottom: parent.bottom
            topMargin: corner.portrait ? 0 : Theme.spaceXxl + Theme.spaceL
        }
        contentHeight: sections.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: sections
            width: reading.width
            padding: Theme.spaceXl
            spacing: Theme.spaceXl

            Text {
                width: parent.width - 2 * parent.padding
                text: corner.exhibit.currentCornerSummary
                color: Theme.text
                font.pixelSize: Theme.leadSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                lineHeight: 1.25
            }

            Repeater {
                model: corner.exhibit.sections

                Column {
                    id: section
                    required property int index
                    required property string title
                    required property string body
                    objectName: "section_" + index
                    width: sections.width - 2 * sections.padding
                    spacing: Theme.spaceS

                    Row {
                        spacing: Theme.spaceS
                        Rectangle {
                            width: Theme.px(8)
                            height: heading.height
                            color: corner.cornerColour
                        }
                        Text {
                            id: heading
                            text: section.title
                            color: Theme.text
                            font.pixelSize: Theme.titleSize
                            font.weight: Font.Bold
                        }
                    }
                    Text {
                        width: parent.width
                        text: section.body
                        color: Theme.mutedText
                        font.pixelSize: Theme.bodySize
                        wrapMode: Text.WordWrap
                        lineHeight: Theme.bodyLineHeight
                    }
                }
            }
        }
    }
}
