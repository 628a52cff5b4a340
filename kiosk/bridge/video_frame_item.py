"""A QML item that shows video frames itself.

Qt's VideoOutput draws nothing under the software scene graph, and on a machine without a
GPU the OpenGL path (llvmpipe) costs about a core for one 1080p video. Showing the frames
of a QVideoSink as a texture of our own works under every backend, at a fraction of that
CPU (docs/decisions/0004-video-painting.md), and shows real pixels in offscreen tests too.
Each frame is converted straight to the size it is shown at (``FrameConverter``), and that
picture is what the scene graph shows (``PictureItem``): nothing copies a frame between
swscale and the screen's own buffer. Without a frame the item holds no pixels at all.

Drawn by a real GPU (``display.renderer: opengl`` on a PC with one), the CPU converts
nothing: the item hands each frame as it is to a Qt ``VideoOutput`` inside it, whose
shaders turn YUV into RGB, and a frame the GPU decoded never leaves its memory. Only a
GPU that is the CPU in disguise (Mesa's llvmpipe) keeps the CPU path, which costs it less
(docs/decisions/0025-video-on-the-gpu.md).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QRhiDriverInfo
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtQml import QmlElement, QQmlComponent, qmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow, QSGRendererInterface

from kiosk import trace, video_conversion
from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.frame_converter import ConvertedFrame, FrameConverter
from kiosk.bridge.picture_item import PictureItem

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "VideoFrameItem", "gpu_draws"]

log = logging.getLogger(__name__)

# With tracing on, the frames shown and dropped so far are marked this often (in frames):
# how the video benchmark sees, from outside, whether every frame reached the screen.
TRACE_EVERY_FRAMES = 30

# GPU drivers that are software, by their names: shaders run there cost more CPU than
# swscale (an OpenGL llvmpipe does not call itself a CPU device).
_SOFTWARE_GPUS = ("llvmpipe", "softpipe", "swrast", "lavapipe", "swiftshader", "basic render")
# What shows frames on a GPU: Qt's own item, filled the way the CPU path fits them.
_GPU_OUTPUT_QML = b"""
import QtQuick
import QtMultimedia
VideoOutput { anchors.fill: parent; fillMode: VideoOutput.PreserveAspectFit }
"""


def _drawn_by_rhi(window: QQuickWindow) -> bool:
    """Whether ``window`` is drawn through Qt's RHI (a graphics API: OpenGL, Vulkan), the
    only scene graphs where Qt's VideoOutput draws anything."""
    api = window.rendererInterface().graphicsApi()
    return api not in (QSGRendererInterface.GraphicsApi.Software,
                       QSGRendererInterface.GraphicsApi.Null)  # fmt: skip


def gpu_draws(window: QQuickWindow) -> bool:
    """Whether ``window`` is drawn by a real GPU (after its first frame; False before)."""
    if not _drawn_by_rhi(window):
        return False
    rhi = window.rhi()
    if rhi is None:
        return False
    driver = rhi.driverInfo()
    device_type: object = driver.deviceType  # an enum, whatever the stubs say
    if device_type == QRhiDriverInfo.DeviceType.CpuDevice:
        return False
    name = bytes(driver.deviceName.data()).decode("utf-8", "replace").lower()
    return not any(software in name for software in _SOFTWARE_GPUS)


@QmlElement
class VideoFrameItem(PictureItem):
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
        self._converter = FrameConverter()
        # The last frame as decoded, kept to convert again when the item changes size.
        self._frame = QVideoFrame()
        # The part of the picture that is the frame (the picture's rows may be padded).
        self._frame_size = QSize()
        self._frames = 0
        # Frames replaced by the next before the screen took them: frames a visitor
        # never saw, because the GUI thread was busy elsewhere.
        self._dropped = 0
        self._accepting = True
        # Where frames become RGB is chosen at the first frame; on the GPU, frames go to
        # this sink, Qt's VideoOutput's (None: on the CPU, into this item's picture).
        self._conversion_chosen = False
        self._gpu_sink: QVideoSink | None = None
        # On the GPU: whether the last frame handed over waits for the window's next frame.
        self._gpu_waiting = False

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
        return self._frame.isValid()

    @Property(float, notify=hasFrameChanged)
    def frameAspect(self) -> float:
        """The frames' width over height (0 before the first): whether they fill the item."""
        if not self._frame.isValid() or self._frame.height() <= 0:
            return 0.0
        return self._frame.width() / self._frame.height()

    @Property(bool, notify=hasFrameChanged)
    def onGpu(self) -> bool:
        """Whether the frames are turned into RGB by the GPU (known from the first frame)."""
        return self._gpu_sink is not None

    def latest_image(self) -> QImage:
        """The frame shown now, at the size it is shown (null before the first)."""
        if self._gpu_sink is not None:
            # The GPU holds the picture: the CPU converts this one (the backdrop's sample,
            # a few times a second).
            if not self._frame.isValid():
                return QImage()
            converted = self._converted(self._frame)
            return converted.image.copy(QRect(QPoint(0, 0), converted.size))
        if self.picture.size() != self._frame_size:
            return self.picture.copy(QRect(QPoint(0, 0), self._frame_size))
        # A copy that shares the pixels: while anyone holds it, the converter does not
        # write the next frame over it.
        return QImage(self.picture)

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
        had_frame = self._frame.isValid()
        if self._frames:
            self._mark_frames()
        self.show_picture(QImage())
        if self._gpu_sink is not None:
            self._gpu_sink.setVideoFrame(QVideoFrame())
            self._gpu_waiting = False
        self._converter.forget_pictures()
        self._frame = QVideoFrame()
        self._frame_size = QSize()
        self._frames = 0
        self._dropped = 0
        self.framesShownChanged.emit()
        if had_frame:
            self.hasFrameChanged.emit()

    def _show_frame(self, frame: QVideoFrame) -> None:
        if not self._accepting or not frame.isValid():
            return
        first = not self._frame.isValid()
        if not self._conversion_chosen:
            self._choose_conversion()
        # The frame before this one has not reached the screen yet: it never will.
        replaced = not first and (
            self._gpu_waiting if self._gpu_sink is not None else not self.picture_taken
        )
        if self._gpu_sink is not None:
            self._gpu_sink.setVideoFrame(frame)
            self._gpu_waiting = True
        else:
            converted = self._converted(frame)
            if converted.image.isNull():
                return
            self._show(converted)
        if replaced:
            self._dropped += 1
        self._frame = frame
        self._frames += 1
        self.framesShownChanged.emit()
        if self._frames % TRACE_EVERY_FRAMES == 0:
            self._mark_frames()
        if first:
            trace.mark("first_video_frame")
            self.hasFrameChanged.emit()
            self.firstFrameShown.emit()

    def _choose_conversion(self) -> None:
        """CPU or GPU, once, at the first frame (the window has drawn by then)."""
        window = self.window()
        if window is None:
            return  # not on screen yet: the next frame asks again
        wanted = video_conversion.wanted()
        if wanted is None:
            log.warning("%s=%s is not auto, gpu or cpu: chosen as for auto",
                        video_conversion.ENV, os.environ.get(video_conversion.ENV))  # fmt: skip
        if not _drawn_by_rhi(window):
            on_gpu = False  # the software scene graph: nothing else can draw the frames
        elif wanted in ("gpu", "cpu"):
            on_gpu = wanted == "gpu"
        else:
            on_gpu = gpu_draws(window)
        if on_gpu:
            self._gpu_sink = self._make_gpu_output()
            if self._gpu_sink is not None:
                window.frameSwapped.connect(self._window_drew)
        self._conversion_chosen = True
        where = "gpu" if self._gpu_sink is not None else "cpu"
        trace.mark("video_conversion", item=self.objectName(), where=where)

    def _make_gpu_output(self) -> QVideoSink | None:
        """Qt's VideoOutput, filling this item; its video sink (None if it cannot be made)."""
        engine = qmlEngine(self)
        if engine is None:
            return None
        component = QQmlComponent(engine)
        component.setData(_GPU_OUTPUT_QML, QUrl())
        output = component.beginCreate(engine.rootContext())
        if not isinstance(output, QQuickItem):
            return None
        output.setParent(self)
        output.setParentItem(self)
        component.completeCreate()
        sink = output.property("videoSink")
        return sink if isinstance(sink, QVideoSink) else None

    def _window_drew(self) -> None:
        self._gpu_waiting = False

    def _mark_frames(self) -> None:
        trace.mark("video_frames", item=self.objectName(), shown=self._frames,
                   dropped=self._dropped)  # fmt: skip

    def _device_pixel_ratio(self) -> float:
        window = self.window()
        return window.effectiveDevicePixelRatio() if window is not None else 1.0

    def _shown_rect(self, frame_width: int, frame_height: int) -> QRectF:
        """Where a frame of this size goes: fitted inside the item, centred."""
        width, height = self.width(), self.height()
        scale = min(width / frame_width, height / frame_height)
        shown_w, shown_h = frame_width * scale, frame_height * scale
        return QRectF((width - shown_w) / 2, (height - shown_h) / 2, shown_w, shown_h)

    def _shown_size(self, frame_width: int, frame_height: int) -> QSize:
        """The frame's size on screen in device pixels (empty while the item has none)."""
        if frame_width <= 0 or frame_height <= 0 or self.width() < 1 or self.height() < 1:
            return QSize()
        shown = self._shown_rect(frame_width, frame_height)
        ratio = self._device_pixel_ratio()
        # An even width and height: swscale's SIMD code converts whole pairs of rows and
        # columns only, and an odd size costs it up to four times the CPU. The frame is
        # scaled to one pixel more then: one pixel less would leave a hairline of the
        # panel showing beside a video that fills it, where one more is cut by its clip.
        width, height = round(shown.width() * ratio), round(shown.height() * ratio)
        return QSize(max(2, width + width % 2), max(2, height + height % 2))

    def _converted(self, frame: QVideoFrame) -> ConvertedFrame:
        """``frame`` as a picture of the size it is shown at, where swscale can do that."""
        converted = self._converter.convert(frame, self._shown_size(frame.width(), frame.height()))
        converted.image.setDevicePixelRatio(self._device_pixel_ratio())
        return converted

    def _show(self, converted: ConvertedFrame) -> None:
        self._frame_size = converted.size
        self.show_picture(converted.image)

    def geometryChange(self, new_geometry: QRectF | QRect, old_geometry: QRectF | QRect) -> None:
        super().geometryChange(new_geometry, old_geometry)
        # A paused video keeps a sharp picture at its new size (on the GPU, Qt's output
        # follows the item by itself).
        if (
            new_geometry.size() == old_geometry.size()
            or not self._frame.isValid()
            or self._gpu_sink is not None
        ):
            return
        wanted = self._shown_size(self._frame.width(), self._frame.height())
        if not wanted.isEmpty() and wanted != self._frame_size:
            converted = self._converted(self._frame)
            if not converted.image.isNull():
                self._show(converted)

    def picture_rect(self) -> QRectF:
        """Where the frame goes: 1:1 on whole pixels when it was converted to the size it
        is shown at, else fitted (and scaled by the renderer)."""
        frame_w, frame_h = self._frame.width(), self._frame.height()
        if self._frame_size != self._shown_size(frame_w, frame_h):
            return self._shown_rect(frame_w, frame_h)
        ratio = self.picture.devicePixelRatio()
        width, height = self._frame_size.width() / ratio, self._frame_size.height() / ratio
        left = round((self.width() - width) / 2)
        top = round((self.height() - height) / 2)
        return QRectF(left, top, width, height)

    def picture_source(self) -> QRectF:
        """The frame's part of the picture (its padding is never shown)."""
        return QRectF(QPoint(0, 0), self._frame_size.toSizeF())
