"""A soft, slowly changing backdrop made from a video's own frames.

A video that does not fill the screen (a 16:9 clip on a portrait screen) would leave two
thirds of it as an empty ground. Behind it this item shows the same video's colours: a
frame shrunk to a few dozen pixels and stretched over the whole item with smooth scaling,
which reads as a deep blur. It takes a new frame only a few times a second and hands the
renderer a tiny picture to stretch, so it costs next to nothing beside the video itself
(software rendering included; a real blur of every full-size frame would not).
"""

from __future__ import annotations

from PySide6.QtCore import Property, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.picture_item import PictureItem
from kiosk.bridge.video_frame_item import VideoFrameItem

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "VideoBackdrop"]

# The frame is shrunk to fit this (pixels): small enough that stretched it is a blur.
_SAMPLE = QSize(48, 48)
# A new sample every this many frames (a few times a second at 25 or 30 frames a second).
_EVERY = 8


@QmlElement
class VideoBackdrop(PictureItem):
    """Shows ``frames``' current picture, much blurred, covering the whole item."""

    framesChanged = Signal()
    hasSampleChanged = Signal()

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self._frames: VideoFrameItem | None = None

    def _get_frames(self) -> QQuickItem | None:
        return self._frames

    def _set_frames(self, item: QQuickItem | None) -> None:
        frames = item if isinstance(item, VideoFrameItem) else None
        if frames is self._frames:
            return
        if self._frames is not None:
            self._frames.framesShownChanged.disconnect(self._frame_shown)
        self._frames = frames
        if frames is not None:
            frames.framesShownChanged.connect(self._frame_shown)
        self._take_sample()
        self.framesChanged.emit()

    # The video item whose frames the backdrop follows.
    frames = Property(QQuickItem, _get_frames, _set_frames, notify=framesChanged)

    @Property(bool, notify=hasSampleChanged)
    def hasSample(self) -> bool:
        return not self.picture.isNull()

    def _frame_shown(self) -> None:
        shown = int(self._frames.property("framesShown")) if self._frames is not None else 0
        # The first frame at once (no empty backdrop), then a few times a second; and
        # cleared with the frames (a new video).
        if shown <= 1 or shown % _EVERY == 0:
            self._take_sample()

    def _take_sample(self) -> None:
        image = self._frames.latest_image() if self._frames is not None else QImage()
        had = not self.picture.isNull()
        # Picked down fast to four times the sample, then averaged: a smooth scaling of
        # the whole frame would cost the GUI thread several milliseconds each time.
        sample = (
            QImage()
            if image.isNull()
            else image.scaled(
                _SAMPLE * 4,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            ).scaled(
                _SAMPLE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.show_picture(sample)
        if had != (not sample.isNull()):
            self.hasSampleChanged.emit()

    def picture_source(self) -> QRectF:
        """Cover: the sample's middle, cut to the item's shape (stretched over all of it,
        smoothly, by the renderer)."""
        width, height = max(1.0, self.width()), max(1.0, self.height())
        sample_w, sample_h = self.picture.width(), self.picture.height()
        scale = max(width / sample_w, height / sample_h)
        cut_w, cut_h = width / scale, height / scale
        return QRectF((sample_w - cut_w) / 2, (sample_h - cut_h) / 2, cut_w, cut_h)
