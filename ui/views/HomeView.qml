pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// The home screen: the hall's name and theme, and the corners as large tiles.
Item {
    id: home
    objectName: "homeView"

    required property Exhibit exhibit
    readonly property bool portrait: height > width
    // True once every tile's picture has loaded (or failed): a screenshot waits for it.
    readonly property bool ready: {
        for (let i = 0; i < tiles.count; ++i) {
            const tile = tiles.itemAt(i) as CornerTile
            if (!tile || !tile.imageReady)
                return false
        }
        return tiles.count > 0
    }

    Item {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors.leftMargin: Theme.spaceXl
        anchors.rightMargin: Theme.spaceXl
        anchors.topMargin: Theme.spaceXl
        height: Math.max(titles.height, aside.height)

        Column {
            id: titles
            anchors { left: parent.left; right: aside.left; rightMargin: Theme.spaceL }
            spacing: Theme.spaceS

            Text {
                objectName: "hallTitle"
                text: home.exhibit.hallTitle
                color: Theme.accent
                font.pixelSize: Theme.leadSize
                font.weight: Font.Bold
            }
            Text {
                objectName: "hallSubtitle"
                width: parent.width
                text: home.exhibit.hallSubtitle
                color: Theme.text
                font.pixelSize: Theme.displaySize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
            }
        }

        Column {
            id: aside
            anchors.right: parent.right
            spacing: Theme.spaceM

            LanguageSwitch {
                objectName: "languageSwitch"
                anchors.right: parent.right
                languages: home.exhibit.languages
                current: home.exhibit.language
                onChosen: language => home.exhibit.setLanguage(language)
            }
            VenueQr {
                anchors.right: parent.right
                label: home.exhibit.venueLabel
                url: home.exhibit.venueUrl
                qrSource: home.exhibit.venueQrSource
            }
        }
    }

    Grid {
        id: grid
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
            leftMargin: Theme.spaceXl; rightMargin: Theme.spaceXl
            topMargin: Theme.spaceXl; bottomMargin: Theme.spaceXl
        }
        columns: home.portrait ? 1 : Math.max(1, tiles.count)
        spacing: Theme.spaceL

        readonly property int rowsCount: Math.ceil(tiles.count / columns)
        readonly property real tallestText: {
            let tallest = 0
            for (let i = 0; i < tiles.count; ++i) {
                const tile = tiles.itemAt(i) as CornerTile
                if (tile)
                    tallest = Math.max(tallest, tile.textHeight)
            }
            return tallest
        }

        Repeater {
            id: tiles
            model: home.exhibit.corners

            CornerTile {
                objectName: "cornerTile_" + cornerId
                width: (grid.width - (grid.columns - 1) * grid.spacing) / grid.columns
                height: (grid.height - (grid.rowsCount - 1) * grid.spacing) / grid.rowsCount
                rowTextHeight: grid.tallestText
                onActivated: id => home.exhibit.openCorner(id)
            }
        }
    }
}
