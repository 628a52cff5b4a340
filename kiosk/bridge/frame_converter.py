"""Decoded video frames turned into pictures of the size they are shown at.

Qt's own ``QVideoFrame.toImage()`` converts every full-size frame from YUV to RGB with a
plain per-pixel loop, and the painter then scales that picture down to the video's place
on screen: for a 1080p30 clip that was more CPU than decoding it
(docs/decisions/0021-video-conversion.md). FFmpeg's swscale does both, with SIMD,
straight into the picture that is painted. Qt Multimedia's FFmpeg backend already loads
that library into the process, so calling it costs neither memory nor a dependency.

A frame shown at another size than its own goes through swscale twice: its planes are
scaled first, still YUV, and the scaled planes are then turned into RGB by swscale's
unscaled converter, SIMD code of its own. Scaling and turning in one pass takes swscale's
generic path, which costs more: a quarter more for a 1080p frame shown at half size, half
as much again for a 720p frame shown full screen (the attract loop).

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
from typing import NamedTuple

from PySide6.QtCore import QLibraryInfo, QSize
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QtVideo, QVideoFrame, QVideoFrameFormat

__all__ = ["ConvertedFrame", "FrameConverter"]

log = logging.getLogger(__name__)

_Pixel = QVideoFrameFormat.PixelFormat
# FFmpeg's numbers for the pixel formats used here (AVPixelFormat; these have not moved
# since FFmpeg's first releases).
_AV_PIX_FMT_YUV420P = 0
_AV_PIX_FMT_YUV422P = 4
_AV_PIX_FMT_NV12 = 23
_AV_PIX_FMT_NV21 = 24
# Qt's pixel formats and FFmpeg's for them: the decoder's usual outputs; the rest go
# through Qt.
_AV_PIXEL_FORMATS = {
    _Pixel.Format_YUV420P: _AV_PIX_FMT_YUV420P,
    _Pixel.Format_YUV422P: _AV_PIX_FMT_YUV422P,
    _Pixel.Format_NV12: _AV_PIX_FMT_NV12,
    _Pixel.Format_NV21: _AV_PIX_FMT_NV21,
}
# What a frame's planes are scaled into before they are turned into RGB: the same chroma
# layout, planar (swscale's unscaled converter to RGB is SIMD for planar YUV only).
_SCALED_PLANES = {
    _AV_PIX_FMT_YUV420P: _AV_PIX_FMT_YUV420P,
    _AV_PIX_FMT_YUV422P: _AV_PIX_FMT_YUV422P,
    _AV_PIX_FMT_NV12: _AV_PIX_FMT_YUV420P,
    _AV_PIX_FMT_NV21: _AV_PIX_FMT_YUV420P,
}
# Rows of the scaled planes start this many bytes apart at least: swscale's SIMD code
# reads and writes whole vectors.
_ROW_ALIGNMENT = 64
# The pictures' rows are this many pixels apart (a whole multiple): swscale's unscaled
# converter to RGB writes 16 pixels at a time and checks the row's length only to 8. In a
# picture exactly as wide as the frame it wrote up to 8 pixels past the end of each row
# (into the next row, or past the last) or left up to 6 unwritten (measured, FFmpeg 7.1).
_ROW_PIXELS = 16
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


_Pointers = ctypes.Array[ctypes.c_void_p]
_Strides = ctypes.Array[ctypes.c_int]


class _Pass:
    """One swscale context, kept between frames of the same shape (made anew when the
    shape changes), and the colours it was last told."""

    def __init__(self) -> None:
        self._context: int | None = None
        self._shape: tuple[int, ...] = ()
        self._colours: tuple[int, int] | None = None

    def ready(self, shape: tuple[int, int, int, int, int, int]) -> bool:
        """Whether a context for (width, height, format) to (width, height, format) is
        there, made now if it was not."""
        if shape == self._shape and self._context:
            return True  # the usual case: the next frame of the same video
        swscale = _load_swscale()
        assert swscale is not None
        if shape != self._shape:
            # A context made anew (even at the old address) starts from swscale's colours.
            self._colours = None
        self._shape = shape
        self._context = swscale.sws_getCachedContext(
            self._context, *shape, _SWS_AREA, None, None, None
        )
        return bool(self._context)

    def set_colours(self, matrix: int, full_range: bool) -> None:
        """How YUV becomes RGB: the frame's colour matrix and range (to RGB's full range)."""
        swscale = _load_swscale()
        assert swscale is not None
        colours = (matrix, int(full_range))
        if colours == self._colours:
            return
        swscale.sws_setColorspaceDetails(
            self._context, swscale.sws_getCoefficients(matrix), colours[1],
            swscale.sws_getCoefficients(_SWS_CS_ITU601), 1, 0, 1 << 16, 1 << 16,
        )  # fmt: skip
        self._colours = colours

    def scale(self, sources: _Pointers, strides: _Strides, height: int, targets: _Pointers,
              target_strides: _Strides) -> None:  # fmt: skip
        """Convert ``height`` rows of ``sources`` into ``targets`` (plane pointers and
        the bytes from one row to the next of each)."""
        swscale = _load_swscale()
        assert swscale is not None
        swscale.sws_scale(self._context, sources, strides, 0, height, targets, target_strides)

    def close(self) -> None:
        swscale = _load_swscale()
        if self._context and swscale is not None:
            swscale.sws_freeContext(self._context)
        self._context = None
        self._shape = ()
        self._colours = None


class _ScaledPlanes:
    """Memory for a frame's planes scaled to the size shown, between the two passes."""

    def __init__(self, av_format: int, width: int, height: int) -> None:
        self.key = (av_format, width, height)
        chroma_w = width // 2
        chroma_h = height // 2 if av_format == _AV_PIX_FMT_YUV420P else height
        rows = [(width, height), (chroma_w, chroma_h), (chroma_w, chroma_h)]
        lines = [-(-w // _ROW_ALIGNMENT) * _ROW_ALIGNMENT for w, _ in rows]
        # Kept alive with the pointers to them.
        self._buffers = [ctypes.create_string_buffer(line * h + _ROW_ALIGNMENT)
                         for line, (_, h) in zip(lines, rows, strict=True)]  # fmt: skip
        self.pointers = (ctypes.c_void_p * 4)(*(ctypes.addressof(b) for b in self._buffers))
        self.strides = (ctypes.c_int * 4)(*lines)


class ConvertedFrame(NamedTuple):
    """A frame as a picture: ``image``'s top left ``size`` is the frame (the rest of its
    rows, a few pixels at most, is padding that must not be shown)."""

    image: QImage
    size: QSize

    @classmethod
    def whole(cls, image: QImage) -> ConvertedFrame:
        """A picture that is all frame (Qt's own conversion, or none)."""
        return cls(image, image.size())


class FrameConverter:
    """Turns frames into RGB pictures of a requested size; one per video item (it keeps
    swscale's contexts between frames of the same shape)."""

    def __init__(self) -> None:
        # Frame to RGB at once (a frame shown at its own size, or one at an odd size)...
        self._direct = _Pass()
        # ...or in two passes: the frame's planes scaled, then those planes to RGB.
        self._scaler = _Pass()
        self._turner = _Pass()
        self._planes: _ScaledPlanes | None = None
        # The last few pictures made, written over again in turn: a fresh picture for
        # every frame would cost the kernel a page fault per 4 KiB of it.
        self._pictures: list[QImage] = []

    @property
    def scales_itself(self) -> bool:
        """Whether frames come out at the requested size (else at their own)."""
        return _load_swscale() is not None

    def convert(self, frame: QVideoFrame, size: QSize) -> ConvertedFrame:
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
            return ConvertedFrame.whole(frame.toImage())
        if not frame.map(QVideoFrame.MapMode.ReadOnly):
            return ConvertedFrame.whole(QImage())
        try:
            image = self._convert(frame, av_format, size)
        finally:
            frame.unmap()
        return (
            ConvertedFrame(image, size)
            if image is not None
            else ConvertedFrame.whole(frame.toImage())
        )

    def _convert(self, frame: QVideoFrame, av_format: int, size: QSize) -> QImage | None:
        """The picture swscale made, or None where Qt's own conversion must do."""
        planes = frame.planeCount()
        sources = (ctypes.c_void_p * 4)()
        strides = (ctypes.c_int * 4)()
        for plane in range(planes):
            bits = frame.bits(plane)
            if not isinstance(bits, memoryview) or bits.readonly:
                return None
            try:
                sources[plane] = ctypes.addressof(ctypes.c_char.from_buffer(bits))
            except (TypeError, ValueError):
                return None
            strides[plane] = frame.bytesPerLine(plane)
        width, height = frame.width(), frame.height()
        shown_w, shown_h = size.width(), size.height()
        rgb = _AV_PIX_FMT_BGRA
        # The unscaled converter's SIMD code handles whole pairs of rows and columns only.
        if (shown_w, shown_h) != (width, height) and shown_w % 2 == shown_h % 2 == 0:
            scaled_format = _SCALED_PLANES[av_format]
            passes = [
                (self._scaler, (width, height, av_format, shown_w, shown_h, scaled_format)),
                (self._turner, (shown_w, shown_h, scaled_format, shown_w, shown_h, rgb)),
            ]
        else:
            scaled_format = None
            passes = [(self._direct, (width, height, av_format, shown_w, shown_h, rgb))]
        if not all(sws_pass.ready(shape) for sws_pass, shape in passes):
            return None
        surface = frame.surfaceFormat()
        full_range = surface.colorRange() == QVideoFrameFormat.ColorRange.ColorRange_Full
        passes[-1][0].set_colours(_colour_matrix(surface), full_range)
        image = self._free_picture(size)
        targets = (ctypes.c_void_p * 4)(ctypes.addressof(ctypes.c_char.from_buffer(image.bits())))
        target_strides = (ctypes.c_int * 4)(image.bytesPerLine())
        if scaled_format is not None:
            if self._planes is None or self._planes.key != (scaled_format, shown_w, shown_h):
                self._planes = _ScaledPlanes(scaled_format, shown_w, shown_h)
            scaled = self._planes
            self._scaler.scale(sources, strides, height, scaled.pointers, scaled.strides)
            self._turner.scale(scaled.pointers, scaled.strides, shown_h, targets, target_strides)
        else:
            self._direct.scale(sources, strides, height, targets, target_strides)
        return image

    def _free_picture(self, size: QSize) -> QImage:
        """A picture to convert a frame of ``size`` into (as high, its rows padded to
        whole multiples of ``_ROW_PIXELS``): the oldest of the last few, which the screen
        let go of two frames ago, else a new one. Writing into a picture that something
        still shares (a texture, a reader's copy) copies it first (QImage's copy-on-write),
        so reuse is only ever slower, never wrong."""
        padded = QSize(-(-size.width() // _ROW_PIXELS) * _ROW_PIXELS, size.height())
        # Kept oldest first; pictures of another size (the item was resized) go.
        self._pictures = [picture for picture in self._pictures if picture.size() == padded]
        if len(self._pictures) < _KEPT_PICTURES:
            picture = QImage(padded, QImage.Format.Format_RGB32)
        else:
            picture = self._pictures.pop(0)
        self._pictures.append(picture)
        return picture

    def forget_pictures(self) -> None:
        """Let go of the pictures kept for reuse (the video stopped: they are only memory
        now; ones still on screen stay alive as long as the screen holds them)."""
        self._pictures = []
        self._planes = None

    def __del__(self) -> None:
        # At interpreter exit the library may already be gone: nothing left to free then.
        with contextlib.suppress(Exception):
            self.close()

    def close(self) -> None:
        """Free swscale's contexts (also done when the converter is collected)."""
        for sws_pass in (self._direct, self._scaler, self._turner):
            sws_pass.close()
        self.forget_pictures()
