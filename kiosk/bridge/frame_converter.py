"""Decoded video frames turned into pictures of the size they are shown at.

Qt's own ``QVideoFrame.toImage()`` converts every full-size frame from YUV to RGB with a
plain per-pixel loop, and the painter then scales that picture down to the video's place
on screen: for a 1080p30 clip that was more CPU than decoding it
(docs/decisions/0021-video-conversion.md). FFmpeg's swscale does both steps at once, with
SIMD, straight into the picture that is painted. Qt Multimedia's FFmpeg backend already
loads that library into the process, so calling it costs neither memory nor a dependency.

Anything swscale is not asked to handle here (another pixel format, a rotated or mirrored
frame, a Qt built without it) goes through ``toImage()`` as before: slower, never wrong.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSize
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QtVideo, QVideoFrame, QVideoFrameFormat

__all__ = ["FrameConverter"]

log = logging.getLogger(__name__)

_Pixel = QVideoFrameFormat.PixelFormat
# Qt's pixel formats and FFmpeg's numbers for them (AVPixelFormat; these have not moved
# since FFmpeg's first releases). The decoder's usual outputs; the rest go through Qt.
_AV_PIXEL_FORMATS = {
    _Pixel.Format_YUV420P: 0,
    _Pixel.Format_YUV422P: 4,
    _Pixel.Format_NV12: 23,
    _Pixel.Format_NV21: 24,
}
# QImage.Format_RGB32 is 0xffRRGGBB in native order: B, G, R, A bytes on x86 and ARM.
_AV_PIX_FMT_BGRA = 28
# Averaging when shrinking (a clip's fine detail does not shimmer), bilinear when growing.
_SWS_AREA = 0x20
# swscale's colour matrices (SWS_CS_*).
_SWS_CS_ITU709 = 1
_SWS_CS_ITU601 = 5
_SWS_CS_BT2020 = 9
# Above this height a clip without a stated colour space is HD, so BT.709 (as Qt guesses).
_SD_HEIGHT = 576
# Pictures converted into in turn: the one on screen, the one waiting for the screen's
# next frame, and the one the screen let go of, free to take the next.
_KEPT_PICTURES = 3


@functools.cache
def _load_swscale() -> ctypes.CDLL | None:
    """The swscale next to Qt's libraries (the one its FFmpeg backend uses), else the
    system's; None when neither is there or it lacks what is called here.

    Asked for at the first frame, so after Qt's FFmpeg backend has loaded the library with
    what it needs (its own FFmpeg wants symbols that Qt provides when it loads the backend).
    """
    qt_libs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    found = sorted(qt_libs.glob("libswscale.so.[0-9]*"), key=lambda p: len(p.name))
    candidates = [str(found[0])] if found else []
    system = ctypes.util.find_library("swscale")
    if system:
        candidates.append(system)
    for name in candidates:
        try:
            library = ctypes.CDLL(name)
            _declare(library)
        except (OSError, AttributeError) as error:
            log.info("video: swscale at %s cannot be used (%s)", name, error)
            continue
        return library
    log.info("video: no swscale found; frames are converted by Qt")
    return None


def _declare(library: ctypes.CDLL) -> None:
    pointer, integer = ctypes.c_void_p, ctypes.c_int
    library.sws_getCachedContext.restype = pointer
    library.sws_getCachedContext.argtypes = [pointer, integer, integer, integer, integer,
                                             integer, integer, integer, pointer, pointer,
                                             pointer]  # fmt: skip
    library.sws_scale.restype = integer
    library.sws_scale.argtypes = [pointer, pointer, pointer, integer, integer, pointer, pointer]
    library.sws_freeContext.restype = None
    library.sws_freeContext.argtypes = [pointer]
    library.sws_getCoefficients.restype = pointer
    library.sws_getCoefficients.argtypes = [integer]
    library.sws_setColorspaceDetails.restype = integer
    library.sws_setColorspaceDetails.argtypes = [pointer, pointer, integer, pointer, integer,
                                                 integer, integer, integer]  # fmt: skip


def _colour_matrix(frame_format: QVideoFrameFormat) -> int:
    space = frame_format.colorSpace()
    if space == QVideoFrameFormat.ColorSpace.ColorSpace_BT601:
        return _SWS_CS_ITU601
    if space == QVideoFrameFormat.ColorSpace.ColorSpace_BT2020:
        return _SWS_CS_BT2020
    if space == QVideoFrameFormat.ColorSpace.ColorSpace_BT709:
        return _SWS_CS_ITU709
    return _SWS_CS_ITU709 if frame_format.frameHeight() > _SD_HEIGHT else _SWS_CS_ITU601


class FrameConverter:
    """Turns frames into RGB pictures of a requested size; one per video item (it keeps
    swscale's context between frames of the same shape)."""

    def __init__(self) -> None:
        self._context: int | None = None
        self._colours: tuple[int, int] | None = None
        self._shape: tuple[int, ...] = ()
        # The last few pictures made, written over again in turn: a fresh picture for
        # every frame would cost the kernel a page fault per 4 KiB of it.
        self._pictures: list[QImage] = []

    @property
    def scales_itself(self) -> bool:
        """Whether frames come out at the requested size (else at their own)."""
        return _load_swscale() is not None

    def to_image(self, frame: QVideoFrame, size: QSize) -> QImage:
        """``frame`` as an RGB32 picture of ``size`` (its own size when it cannot be
        scaled here); a null picture for a frame that holds none."""
        av_format = _AV_PIXEL_FORMATS.get(frame.pixelFormat())
        surface = frame.surfaceFormat()
        # A turned or mirrored frame: Qt's own conversion applies the turn.
        plain = (
            frame.rotation() == QtVideo.Rotation.None_
            and surface.rotation() == QtVideo.Rotation.None_
            and not frame.mirrored()
            and not surface.isMirrored()
        )
        if av_format is None or not plain or size.isEmpty() or _load_swscale() is None:
            return frame.toImage()
        if not frame.map(QVideoFrame.MapMode.ReadOnly):
            return QImage()
        try:
            return self._scale(frame, av_format, size)
        finally:
            frame.unmap()

    def _scale(self, frame: QVideoFrame, av_format: int, size: QSize) -> QImage:
        swscale = _load_swscale()
        assert swscale is not None
        planes = frame.planeCount()
        sources = (ctypes.c_void_p * 4)()
        strides = (ctypes.c_int * 4)()
        for plane in range(planes):
            bits = frame.bits(plane)
            if not isinstance(bits, memoryview) or bits.readonly:
                return frame.toImage()
            try:
                sources[plane] = ctypes.addressof(ctypes.c_char.from_buffer(bits))
            except (TypeError, ValueError):
                return frame.toImage()
            strides[plane] = frame.bytesPerLine(plane)
        width, height = frame.width(), frame.height()
        # A context made anew (even at the old address) starts from swscale's colours.
        shape = (width, height, av_format, size.width(), size.height())
        fresh, self._shape = shape != self._shape, shape
        self._context = swscale.sws_getCachedContext(
            self._context, width, height, av_format, size.width(), size.height(),
            _AV_PIX_FMT_BGRA, _SWS_AREA, None, None, None,
        )  # fmt: skip
        if not self._context:
            return frame.toImage()
        self._set_colours(frame.surfaceFormat(), fresh=fresh)
        image = self._free_picture(size)
        targets = (ctypes.c_void_p * 4)(ctypes.addressof(ctypes.c_char.from_buffer(image.bits())))
        target_strides = (ctypes.c_int * 4)(image.bytesPerLine())
        swscale.sws_scale(self._context, sources, strides, 0, height, targets, target_strides)
        return image

    def _free_picture(self, size: QSize) -> QImage:
        """A picture of ``size`` to convert into: the oldest of the last few, which the
        screen let go of two frames ago, else a new one. Writing into a picture that
        something still shares (a texture, a reader's copy) copies it first (QImage's
        copy-on-write), so reuse is only ever slower, never wrong."""
        # Kept oldest first; pictures of another size (the item was resized) go.
        self._pictures = [picture for picture in self._pictures if picture.size() == size]
        if len(self._pictures) < _KEPT_PICTURES:
            picture = QImage(size, QImage.Format.Format_RGB32)
        else:
            picture = self._pictures.pop(0)
        self._pictures.append(picture)
        return picture

    def forget_pictures(self) -> None:
        """Let go of the pictures kept for reuse (the video stopped: they are only memory
        now; ones still on screen stay alive as long as the screen holds them)."""
        self._pictures = []

    def _set_colours(self, frame_format: QVideoFrameFormat, *, fresh: bool) -> None:
        swscale = _load_swscale()
        assert swscale is not None
        full = frame_format.colorRange() == QVideoFrameFormat.ColorRange.ColorRange_Full
        colours = (_colour_matrix(frame_format), int(full))
        # A context that sws_getCachedContext kept keeps its colours; a new one needs them.
        if not fresh and colours == self._colours:
            return
        matrix = swscale.sws_getCoefficients(colours[0])
        swscale.sws_setColorspaceDetails(
            self._context, matrix, colours[1], swscale.sws_getCoefficients(_SWS_CS_ITU601),
            1, 0, 1 << 16, 1 << 16,
        )  # fmt: skip
        self._colours = colours

    def __del__(self) -> None:
        # At interpreter exit the library may already be gone: nothing left to free then.
        with contextlib.suppress(Exception):
            self.close()

    def close(self) -> None:
        """Free swscale's context (also done when the converter is collected)."""
        swscale = _load_swscale()
        if self._context and swscale is not None:
            swscale.sws_freeContext(self._context)
        self._context = None
        self._shape = ()
        self.forget_pictures()
