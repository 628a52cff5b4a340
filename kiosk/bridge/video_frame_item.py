"""A QML item that paints video frames itself.

Qt's VideoOutput draws nothing under the software scene graph, and on a machine without a
GPU the OpenGL path (llvmpipe) costs about a core for one 1080p video. Painting the frames
of a QVideoSink with QPainter works under every backend, at a fraction of that CPU
(docs/decisions/0004-video-painting.md), and shows real pixels in offscreen tests too.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QCoreApplication, QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

from kiosk import trace
from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "VideoFrameItem"]

# With tracing on, the frames shown and dropped so far are marked this often (in frames):
# how the video benchmark sees, from outside, whether every frame reached the screen.
TRACE_EVERY_FRAMES = 30


@QmlElement
class VideoFrameItem(QQuickPaintedItem):
    """Shows the latest frame of ``videoSink``, fitted inside the item (letterboxed)."""

    acceptingChanged = Signal()
    hasFrameChanged = Signal()
    framesShownChanged = Signal()
    firstFrameShown = Signal()

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        # Without this, QVideoFrame.toImage() converts each frame on a private OpenGL
        # context, which on a machine without a GPU (llvmpipe) costs far more CPU than
        # Qt's SIMD CPU converters; Qt Multimedia checks this attribute for that choice.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ForceRasterWidgets, True)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._show_frame)
        self._image = QImage()
        self._frames = 0
        # Frames replaced by the next before they were ever painted: frames a visitor
        # never saw, because the GUI thread was busy elsewhere.
        self._dropped = 0
        self._painted = True
        self._accepting = True
        self.setOpaquePainting(False)

    @Property(QObject, constant=True)
    def videoSink(self) -> QVideoSink:
        return self._sink

    def _get_accepting(self) -> bool:
        return self._accepting

    def _set_accepting(self, accepting: bool) -> None:
        if accepting == self._accepting:
            return
        self._accepting = accepting
        if not accepting:
            self.clear()
        self.acceptingChanged.emit()

    # False while there is nothing to play: frames still in flight from a stopped player
    # are dropped instead of flashing the last corner's picture.
    accepting = Property(bool, _get_accepting, _set_accepting, notify=acceptingChanged)

    @Property(bool, notify=hasFrameChanged)
    def hasFrame(self) -> bool:
        return not self._image.isNull()

    @Property(float, notify=hasFrameChanged)
    def frameAspect(self) -> float:
        """The frames' width over height (0 before the first): whether they fill the item."""
        return 0.0 if self._image.isNull() else self._image.width() / self._image.height()

    def latest_image(self) -> QImage:
        """The frame shown now (null before the first)."""
        return self._image

    @Property(int, notify=framesShownChanged)
    def framesShown(self) -> int:
        """Frames shown since the last ``clear()``: how tests see that video plays."""
        return self._frames

    @Property(int, notify=framesShownChanged)
    def framesDropped(self) -> int:
        """Frames since the last ``clear()`` that the next replaced before a paint."""
        return self._dropped

    @Slot()
    def clear(self) -> None:
        """Forget the last frame (a new video is about to play)."""
        had_frame = not self._image.isNull()
        if self._frames:
            self._mark_frames()
        self._image = QImage()
        self._frames = 0
        self._dropped = 0
        self._painted = True
        self.framesShownChanged.emit()
        if had_frame:
            self.hasFrameChanged.emit()
        self.update()

    def _show_frame(self, frame: QVideoFrame) -> None:
        if not self._accepting or not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        first = self._image.isNull()
        if not first and not self._painted:
            self._dropped += 1
        self._image = image
        self._painted = False
        self._frames += 1
        self.framesShownChanged.emit()
        if self._frames % TRACE_EVERY_FRAMES == 0:
            self._mark_frames()
        if first:
            trace.mark("first_video_frame")
            self.hasFrameChanged.emit()
            self.firstFrameShown.emit()
        self.update()

    def _mark_frames(self) -> None:
        trace.mark("video_frames", item=self.objectName(), shown=self._frames,
                   dropped=self._dropped)  # fmt: skip

    def paint(self, painter: QPainter) -> None:
        if self._image.isNull():
            return
        self._painted = True
        width, height = self.width(), self.height()
        scale = min(width / self._image.width(), height / self._image.height())
        shown_w, shown_h = self._image.width() * scale, self._image.height() * scale
        target = QRectF((width - shown_w) / 2, (height - shown_h) / 2, shown_w, shown_h)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)
