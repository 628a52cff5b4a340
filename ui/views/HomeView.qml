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
    // The height on screen: when flowing, the view itself is as tall as its content.
    property real viewportHeight: height
    // The bottom bar's height over the view's foot (none when flowing: the page ends above).
    property real barHeight: 0
    readonly property bool portrait: viewportHeight > width
    // Large text or low position: the tiles stack in one column at the height their text
    // needs, and the page scrolls (Main.qml) instead of squeezing the text.
    property bool flowing: false
    // Low position: the hall's name and the QR code are shown above the reach band
    // (Main.qml); the band holds the language switch and the tiles, in one row if they fit.
    property bool lowPosition: false
    // The height the home screen needs to show everything at its width.
    readonly property real naturalHeight: flowing ? header.y + header.height + Theme.spaceXl
                                                    + grid.implicitHeight + Theme.spaceXl : 0
    // True once every tile's picture has loaded (or failed): a screenshot waits for it.
    readonly property bool ready: {
        for (let i = 0; i < tiles.count; ++i) {
            const tile = tiles.itemAt(i) as CornerTile;
            if (!tile || !tile.imageReady)
                return false;
        }
        return tiles.count > 0;
    }

    Item {
        id: header
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
        }
        anchors.leftMargin: Theme.spaceXl
        anchors.rightMargin: Theme.spaceXl
        // Low position: the band is short, so the tiles come up to the language switch.
        anchors.topMargin: home.lowPosition ? Theme.spaceL : Theme.spaceXl
        // Narrow and flowing (large text on a portrait screen): the language and QR code
        // go below the titles, which then have the whole width.
        readonly property bool stacked: home.flowing && home.portrait
        height: stacked ? titles.height + Theme.spaceL + aside.height : Math.max(titles.height,
                                                                                 aside.height)

        Column {
            id: titles
            visible: !home.lowPosition
            height: visible ? implicitHeight : 0
            anchors {
                left: parent.left
                right: header.stacked ? parent.right : aside.left
            }
            anchors.rightMargin: header.stacked ? 0 : Theme.spaceL
            spacing: Theme.spaceS

            Text {
                textFormat: Text.PlainText
                objectName: "hallTitle"
                text: home.exhibit.hallTitle
                color: Theme.accent
                font.pixelSize: Theme.leadSize
                font.weight: Font.Bold
            }
            Text {
                textFormat: Text.PlainText
                objectName: "hallSubtitle"
                width: parent.width
                text: home.exhibit.hallSubtitle
                color: Theme.text
                font.pixelSize: Theme.displaySize
                font.weight: Font.Bold
                wrapMode: Text.Wrap
            }
        }

        Column {
            id: aside
            anchors.right: parent.right
            y: header.stacked ? titles.height + Theme.spaceL : 0
            spacing: Theme.spaceM

            LanguageSwitch {
                objectName: "languageSwitch"
                anchors.right: parent.right
                languages: home.exhibit.languages
                current: home.exhibit.language
                onChosen: language => home.exhibit.language = language
            }
            VenueQr {
                anchors.right: parent.right
                visible: !home.lowPosition && qrSource.length > 0
                label: home.exhibit.venueLabel
                url: home.exhibit.venueUrl
                qrSource: home.exhibit.venueQrSource
            }
        }
    }

    Grid {
        id: grid
        anchors {
            left: parent.left
            right: parent.right
            top: header.bottom
            leftMargin: Theme.spaceXl
            rightMargin: Theme.spaceXl
            topMargin: home.lowPosition ? Theme.spaceM : Theme.spaceXl
        }
        // The bottom bar below keeps its own distance: a small margin is enough here.
        // (From the viewport, not the view's height, which a flowing grid sets: no loop.)
        readonly property real fittedHeight: home.viewportHeight - home.barHeight - y - Theme.spaceM
        readonly property real cellHeight: (fittedHeight - (rowsCount - 1) * spacing) / rowsCount
        height: home.flowing ? implicitHeight : fittedHeight
        // Flowing: one column, except tiles side by side in low position when the screen
        // is wide enough for each to keep its words whole.
        readonly property int fittingColumns: Math.floor((width + spacing) / (Theme.px(560)
                                                                              + spacing))
        columns: home.portrait ? 1 : !home.flowing ? Math.max(1, tiles.count) : home.lowPosition &&
                                                     !Theme.largeText ? Math.max(1, Math.min(
                                                                                     tiles.count,
                                                                                     fittingColumns)) :
                                                                        1
        spacing: Theme.spaceL

        readonly property int rowsCount: Math.ceil(tiles.count / columns)
        readonly property real tallestText: {
            let tallest = 0;
            for (let i = 0; i < tiles.count; ++i) {
                const tile = tiles.itemAt(i) as CornerTile;
                if (tile)
                    tallest = Math.max(tallest, tile.textHeight);
            }
            return tallest;
        }

        Repeater {
            id: tiles
            model: home.exhibit.corners

            CornerTile {
                objectName: "cornerTile_" + cornerId
                width: (grid.width - (grid.columns - 1) * grid.spacing) / grid.columns
                height: home.flowing ? Math.max(Theme.px(240), textHeight + 2 * inset
                                                + Theme.spaceM) : grid.cellHeight
                stacked: !home.flowing && grid.cellHeight > width * 0.9
                showSummary: !home.lowPosition
                compact: home.lowPosition && !home.flowing
                pictureShare: home.lowPosition ? 0.3 : 0.42
                rowTextHeight: grid.tallestText
                onActivated: id => home.exhibit.openCorner(id)
            }
        }
    }
}
