pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme
import components

// The attract loop: the package's playlist, full screen, without a gap between items,
// and a gentle call to touch. A broken item is skipped; with nothing playable, a still
// screen with the hall's name.
Rectangle {
    id: attract
    objectName: "attractView"

    required property list<AttractItem> items
    required property string hallTitle
    required property string hallSubtitle
    signal itemFailed(int index, string reason)

    property int index: 0                     // the item showing now
    property int failuresInARow: 0
    readonly property bool stillScreen: items.length === 0 || failuresInARow >= items.length
    // The item showing has its picture (or the still screen shows): what the loop's first
    // frame looks like, for the kiosk's next start (kiosk/curtain.py).
    readonly property bool pictureShown: stillScreen || current.hasPicture
    property AttractSlot current: slotA
    property AttractSlot upcoming: slotB

    color: Theme.attractGround

    function nextIndex(i: int): int {
        return (i + 1) % Math.max(1, attract.items.length);
    }

    function restart() {
        attract.failuresInARow = 0;
        attract.index = 0;
        if (attract.items.length === 0)
            return;
        slotA.load(attract.items[0]);
        slotB.load(attract.items[attract.nextIndex(0)]);
        attract.current = slotA;
        attract.upcoming = slotB;
        slotA.begin();
    }

    function advance() {
        // The upcoming slot starts; the current one keeps its last picture until the
        // upcoming one has its first, then takes the item after it (preloadNext).
        attract.index = attract.nextIndex(attract.index);
        const done = attract.current;
        attract.current = attract.upcoming;
        attract.upcoming = done;
        attract.current.begin();
        // A picture loaded ahead already has it: hasPictureChanged will not come again.
        if (attract.current.hasPicture)
            attract.preloadNext();
    }

    // The slot behind the one showing takes the next item of the playlist.
    function preloadNext() {
        attract.failuresInARow = 0;
        attract.upcoming.load(attract.items[attract.nextIndex(attract.index)]);
    }

    function skip(slot: AttractSlot, reason: string) {
        attract.itemFailed(attract.index, reason);
        attract.failuresInARow += 1;
        if (attract.stillScreen)
            return;
        if (slot === attract.current) {
            attract.index = attract.nextIndex(attract.index);
            slot.load(attract.items[attract.index]);
            slot.begin();
        } else {
            slot.load(attract.items[attract.nextIndex(attract.nextIndex(attract.index))]);
        }
    }

    onVisibleChanged: if (visible)
                          restart()
                      else {
                          slotA.load(null);
                          slotB.load(null);
                      }
    onItemsChanged: if (visible)
                        restart()
    Component.onCompleted: if (visible)
                               restart()

    AttractSlot {
        id: slotA
        objectName: "attractSlotA"
        anchors.fill: parent
        z: attract.current === slotA && hasPicture ? 2 : 1
        onTop: attract.current === slotA && hasPicture
        visible: !attract.stillScreen
        onFinished: if (attract.current === slotA)
                        attract.advance()
        onFailed: reason => attract.skip(slotA, reason)
        onHasPictureChanged: if (hasPicture && attract.current === slotA)
                                 attract.preloadNext()
    }
    AttractSlot {
        id: slotB
        objectName: "attractSlotB"
        anchors.fill: parent
        z: attract.current === slotB && hasPicture ? 2 : 1
        onTop: attract.current === slotB && hasPicture
        visible: !attract.stillScreen
        onFinished: if (attract.current === slotB)
                        attract.advance()
        onFailed: reason => attract.skip(slotB, reason)
        onHasPictureChanged: if (hasPicture && attract.current === slotB)
                                 attract.preloadNext()
    }

    // The still screen: the hall's name when nothing can play. It also lies under the
    // slots, so even the first item's loading shows the hall, never a bare background.
    Column {
        objectName: "attractStill"
        anchors.centerIn: parent
        spacing: Theme.spaceM
        z: attract.stillScreen ? 3 : 0
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: attract.hallTitle
            color: Theme.onDarkSoft
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
        }
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: attract.hallSubtitle
            color: Theme.onDark
            font.pixelSize: Theme.displaySize * 1.3
            font.weight: Font.Bold
        }
    }

    // The call to touch, in Korean and English at once: nobody has chosen a language yet.
    Rectangle {
        objectName: "touchToStart"
        z: 4
        anchors {
            horizontalCenter: parent.horizontalCenter
            bottom: parent.bottom
            bottomMargin: Theme.spaceXxl
        }
        width: cta.implicitWidth + 2 * Theme.spaceXl
        height: cta.implicitHeight + 2 * Theme.spaceM
        radius: height / 2
        color: Theme.callToTouch

        SequentialAnimation on opacity {
            running: attract.visible && !Theme.reducedMotion
            loops: Animation.Infinite
            NumberAnimation {
                from: 1
                to: 0.72
                duration: Theme.breath
                easing.type: Easing.InOutSine
            }
            NumberAnimation {
                from: 0.72
                to: 1
                duration: Theme.breath
                easing.type: Easing.InOutSine
            }
        }

        Column {
            id: cta
            anchors.centerIn: parent
            spacing: Theme.spaceXs
            Text {
                textFormat: Text.PlainText
                anchors.horizontalCenter: parent.horizontalCenter
                text: "화면을 터치하세요"
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
            }
            Text {
                textFormat: Text.PlainText
                anchors.horizontalCenter: parent.horizontalCenter
                text: "Touch to start"
                color: Theme.mutedText
                font.pixelSize: Theme.leadSize
            }
        }
    }

    // Every touch on the attract loop is the session's to take (see app.py's input
    // watcher); none reaches the screens underneath.
    MouseArea {
        anchors.fill: parent
        z: 5
        acceptedButtons: Qt.AllButtons
    }
}
