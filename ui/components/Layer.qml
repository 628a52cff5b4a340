import QtQuick

// One layer of the window's overlay stack (Main.qml's `layers`): whether it shows, and
// whether Escape may close it. Its place in that list is its z order.
QtObject {
    property bool open: false
    // False for what a touch ends instead (the idle warning, the attract loop).
    property bool closable: true
    signal closeRequested
}
