"""The video item in a real window: each frame reaches the screen as it is, a frame that
the next replaced before the screen took it is counted dropped (the frames a visitor never
saw, as the video benchmark reports them), and without a frame the item shows nothing and
holds no picture."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge.picture_item import MOST_STRETCH
from kiosk.bridge.video_frame_item import VideoFrameItem
from tests.bridge.ui import qml_window

_SCENE = b"""
import QtQuick
import Kiosk.Bridge
Window {
    width: 200; height: 120; visible: true; color: "#808080"
    VideoFrameItem { objectName: "frame"; x: 20; y: 10; width: 160; height: 90 }
}
"""
GROUND = "#808080"


def frame(colour: str, size: QSize | None = None) -> QVideoFrame:
    image = QImage(size or QSize(64, 36), QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return QVideoFrame(image)


@pytest.fixture
def window(qapp) -> Iterator[QQuickWindow]:
    with qml_window(_SCENE) as window:
        yield window


def item_of(window: QQuickWindow) -> VideoFrameItem:
    item = window.findChild(QQuickItem, "frame")
    assert isinstance(item, VideoFrameItem)
    return item


def colour_at(window: QQuickWindow, x: int, y: int) -> str:
    # grabWindow renders a frame first: the scene graph takes the item's latest picture.
    return QColor(window.grabWindow().pixel(x, y)).name()


def test_each_frame_reaches_the_screen_fitted_inside_the_item(window) -> None:
    item = item_of(window)
    item.videoSink.setVideoFrame(frame("#ff0000"))
    assert colour_at(window, 100, 55) == "#ff0000"
    item.videoSink.setVideoFrame(frame("#0000ff"))
    assert colour_at(window, 100, 55) == "#0000ff"
    # 16:9 in a 16:9 item: the whole item, and not a pixel beyond it.
    assert colour_at(window, 21, 11) == "#0000ff"
    assert colour_at(window, 19, 9) == GROUND
    # A 4:3 frame is letterboxed: the item's ground shows at its sides.
    item.videoSink.setVideoFrame(frame("#00ff00", QSize(40, 30)))
    assert colour_at(window, 100, 55) == "#00ff00"
    assert colour_at(window, 25, 55) == GROUND


def test_a_frame_replaced_before_the_screen_took_it_is_counted_dropped(window) -> None:
    item = item_of(window)
    sink = item.videoSink
    sink.setVideoFrame(frame("red"))
    window.grabWindow()  # the first frame reached the screen
    sink.setVideoFrame(frame("green"))
    sink.setVideoFrame(frame("blue"))  # green was never shown
    assert (item.framesShown, item.framesDropped) == (3, 1)
    window.grabWindow()
    sink.setVideoFrame(frame("white"))
    assert (item.framesShown, item.framesDropped) == (4, 1)
    item.clear()
    assert (item.framesShown, item.framesDropped) == (0, 0)


def test_a_cleared_item_shows_what_lies_beneath(window) -> None:
    item = item_of(window)
    item.videoSink.setVideoFrame(frame("#ff0000"))
    assert colour_at(window, 100, 55) == "#ff0000"
    item.clear()
    assert not item.hasFrame
    assert colour_at(window, 100, 55) == GROUND
    item.videoSink.setVideoFrame(frame("#ffffff"))
    assert colour_at(window, 100, 55) == "#ffffff"


def test_the_picture_held_by_a_reader_is_never_written_over(window) -> None:
    """The converter reuses pictures that nothing else holds: one handed out stays as it
    was, whatever frames follow."""
    item = item_of(window)
    item.videoSink.setVideoFrame(frame("#ff0000"))
    window.grabWindow()
    kept = item.latest_image()
    for colour in ("#00ff00", "#0000ff", "#ffffff", "#000000", "#00ffff"):
        item.videoSink.setVideoFrame(frame(colour))
        window.grabWindow()
        assert colour_at(window, 100, 55) == colour
    assert QColor(kept.pixel(10, 10)).name() == "#ff0000"


_BACKDROP_SCENE = b"""
import QtQuick
import Kiosk.Bridge
Window {
    width: 480; height: 270; visible: true
    VideoFrameItem { id: frames; objectName: "frame"; width: 64; height: 36 }
    VideoBackdrop { objectName: "backdrop"; frames: frames; y: 40; width: 480; height: 230 }
}
"""


_TALL_BACKDROP_SCENE = b"""
import QtQuick
import Kiosk.Bridge
Window {
    width: 480; height: 270; visible: true
    VideoFrameItem { id: frames; objectName: "frame"; x: 200; width: 64; height: 36 }
    VideoBackdrop { objectName: "backdrop"; frames: frames; width: 90; height: 270 }
}
"""


def test_a_tall_backdrop_shows_the_middle_of_the_frame(qapp) -> None:
    """A backdrop taller than the frame's shape covers itself with the frame's middle
    (as on a portrait screen): only that part is enlarged, and it is the part drawn."""
    thirds = QImage(96, 54, QImage.Format.Format_RGB32)
    for x, colour in ((0, "#c02020"), (32, "#20a040"), (64, "#2040c0")):
        for column in range(x, x + 32):
            for y in range(54):
                thirds.setPixelColor(column, y, QColor(colour))
    with qml_window(_TALL_BACKDROP_SCENE) as window:
        item_of(window).videoSink.setVideoFrame(QVideoFrame(thirds))
        window.grabWindow()  # the frame shown: the backdrop takes its sample of it
        row = window.grabWindow().copy(0, 135, 90, 1)
    for x in range(90):
        pixel = QColor(row.pixel(x, 0))
        assert pixel.green() > 2 * max(pixel.red(), pixel.blue()), (x, pixel.name())


def test_the_backdrop_is_a_soft_blur_not_blocks(qapp) -> None:
    """Stretched from a few dozen pixels across the window, the backdrop's colours run
    smoothly into each other: the software scene graph itself would draw blocks, each
    as wide as the stretch (ten pixels here)."""
    ramp = QImage(64, 36, QImage.Format.Format_RGB32)
    for x in range(64):
        for y in range(36):
            ramp.setPixelColor(x, y, QColor(x * 4, x * 4, x * 4))
    with qml_window(_BACKDROP_SCENE) as window:
        item_of(window).videoSink.setVideoFrame(QVideoFrame(ramp))
        window.grabWindow()  # the frame shown: the backdrop takes its sample of it
        row = window.grabWindow().copy(0, 150, 480, 1)
    pixels = [row.pixel(x, 0) for x in range(40, 440)]
    longest = run = 1
    for left, right in itertools.pairwise(pixels):
        run = run + 1 if left == right else 1
        longest = max(longest, run)
    assert longest <= MOST_STRETCH + 1, longest
