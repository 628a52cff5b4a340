pragma ComponentBehavior: Bound
import QtQuick
import theme

// A corner on the home screen: its picture, number, title and summary. On a tall tile
// (landscape home) the picture is on top; on a wide one (portrait home), on the left.
Rectangle {
    id: tile

    required property string cornerId
    required property string number
    required property string title
    required property string summary
    required property string colour
    required property url heroUrl
    property bool stacked: height > width * 0.9
    // The text height this tile needs, and the most any tile in its row needs: pictures
    // in one row share a height, and every tile's text fits below it.
    readonly property real textHeight: text.implicitHeight
    // Narrow tiles (three columns on a 4:3 or 5:4 screen) step the type and margins down
    // one size, so long titles and summaries still fit.
    readonly property bool narrow: stacked && width < Theme.px(480)
    // Short tiles (a row in a low-position band) step the title down one size.
    property bool compact: false
    readonly property int inset: narrow || compact ? Theme.spaceM : Theme.spaceL
    // False if the text runs past the tile's bottom (it would be clipped): tests check it.
    readonly property bool textFits: text.y + text.implicitHeight <= height + 0.5
    property real rowTextHeight: textHeight
    // Low position shows the summaries above the reach band; the tiles keep their titles.
    property bool showSummary: true
    // How much of a wide tile's width the picture takes (less where room is short).
    property real pictureShare: 0.42
    signal activated(string cornerId)

    readonly property color cornerColour: colour.length > 0 ? colour : Theme.accent
    readonly property bool imageReady: hero.status === Image.Ready || hero.status === Image.Error
                                       || heroUrl.toString().length === 0

    color: Theme.surface
    border.color: Theme.highContrast ? Theme.hairline : "transparent"
    border.width: Theme.highContrast ? 2 : 0

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: tile.title + ". " + tile.summary
    Accessible.onPressAction: tile.activated(tile.cornerId)
    Keys.onReturnPressed: tile.activated(tile.cornerId)
    Keys.onEnterPressed: tile.activated(tile.cornerId)
    Keys.onSpacePressed: tile.activated(tile.cornerId)

    Rectangle {
        id: picture
        color: tile.cornerColour
        clip: true
        x: 0
        y: 0
        width: tile.stacked ? tile.width : Math.round(tile.width * tile.pictureShare)
        // On a tall tile the picture takes what the text leaves, so long titles and
        // summaries (English runs longer than Korean) always fit below it.
        height: tile.stacked ? Math.round(Math.max(tile.height * 0.18, Math.min(tile.height * 0.5,
                                                                                tile.height
                                                                                - tile.rowTextHeight
                                                                                - 2 * tile.inset))) :
                               tile.height

        Image {
            id: hero
            objectName: "tilePicture"
            anchors.fill: parent
            // Decoded to cover the size it is drawn at, not the file's: three of these
            // stay on the home screen all day. Loaded once laid out: a size of 0 would
            // decode the file whole, and a size on the way would decode it twice.
            source: width > 0 && height > 0 ? tile.heroUrl : ""
            sourceSize.width: Math.ceil(width * Screen.devicePixelRatio)
            sourceSize.height: Math.ceil(height * Screen.devicePixelRatio)
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
        }
        Text {
            textFormat: Text.PlainText
            text: tile.number
            color: Theme.onDark
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
            anchors {
                left: parent.left
                top: parent.top
                margins: Theme.spaceM
            }
        }
    }

    Rectangle {
        id: band
        color: tile.cornerColour
        height: Theme.px(8)
        anchors {
            left: text.left
            top: text.top
        }
        width: Theme.px(56)
    }

    Column {
        id: text
        spacing: Theme.spaceS
        x: tile.stacked ? tile.inset : picture.width + tile.inset
        y: (tile.stacked ? picture.height : 0) + tile.inset
        width: (tile.stacked ? tile.width : tile.width - picture.width) - 2 * tile.inset
        topPadding: Theme.spaceM

        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: tile.title
            color: Theme.text
            font.pixelSize: tile.narrow || tile.compact ? Theme.leadSize : Theme.titleSize
            font.weight: Font.Bold
            wrapMode: Text.Wrap
            lineHeight: 1.2
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            visible: tile.showSummary
            text: tile.summary
            color: Theme.mutedText
            font.pixelSize: tile.narrow ? Theme.labelSize : Theme.bodySize
            wrapMode: Text.Wrap
            lineHeight: Theme.bodyLineHeight
        }
    }

    Rectangle {
        id: go
        width: Theme.controlHeight
        height: width
        radius: width / 2
        color: tile.cornerColour
        // On the picture's edge (tall tile) or corner (wide tile), never over the text.
        x: picture.width - width - Theme.spaceM
        y: tile.stacked ? picture.height - height / 2 : tile.height - height - Theme.spaceM

        Text {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            text: "→"
            color: Theme.onCorner
            font.pixelSize: Theme.leadSize
            font.weight: Font.Bold
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.pressedOverlay
        visible: tap.pressed
    }

    FocusRing {}

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: tile.activated(tile.cornerId)
    }
}
