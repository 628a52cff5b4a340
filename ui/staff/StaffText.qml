import QtQuick
import theme

// The staff panel's running text: label size, plain, wrapping in the width it is given.
Text {
    property bool strong: false
    property bool muted: false

    textFormat: Text.PlainText
    color: muted ? Theme.mutedText : Theme.text
    font.pixelSize: Theme.labelSize
    font.weight: strong ? Font.Bold : Font.Normal
    wrapMode: Text.Wrap
}
