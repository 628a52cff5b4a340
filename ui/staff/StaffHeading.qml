import QtQuick
import theme

// A heading inside a staff page.
Text {
    textFormat: Text.PlainText
    color: Theme.text
    font.pixelSize: Theme.leadSize
    font.weight: Font.Bold
    wrapMode: Text.Wrap
}
