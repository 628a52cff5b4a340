"""The video item counts a frame that the next replaced before it was ever painted: the
frames a visitor never saw, as the video benchmark reports them."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame

from kiosk.bridge.video_frame_item import VideoFrameItem


def frame(colour: str) -> QVideoFrame:
    image = QImage(QSize(64, 36), QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return QVideoFrame(image)


def paint(item: VideoFrameItem) -> None:
    canvas = QImage(64, 36, QImage.Format.Format_ARGB32)
    painter = QPainter(canvas)
    item.paint(painter)
    painter.end()


def test_a_frame_replaced_before_a_paint_is_counted_dropped(qapp) -> None:
    item = VideoFrameItem()
    item.setSize(QSize(64, 36).toSizeF())
    sink = item.videoSink
    sink.setVideoFrame(frame("red"))
    paint(item)  # the first frame reached the screen
    sink.setVideoFrame(frame("green"))
    sink.setVideoFrame(frame("blue"))  # green was never painted
    assert (item.framesShown, item.framesDropped) == (3, 1)
    paint(item)
    sink.setVideoFrame(frame("white"))
    assert (item.framesShown, item.framesDropped) == (4, 1)
    item.clear()
    assert (item.framesShown, item.framesDropped) == (0, 0)
