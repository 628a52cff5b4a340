"""Frames scaled by swscale show the same picture as Qt's own conversion, at the size asked
for, in the colours the frame's colour space and range say; what swscale is not asked to
handle still comes out right through Qt."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QSize, QSizeF
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer, QtVideo, QVideoFrame, QVideoFrameFormat

from kiosk.bridge.frame_converter import FrameConverter
from kiosk.bridge.video_frame_item import VideoFrameItem

Pixel = QVideoFrameFormat.PixelFormat
Space = QVideoFrameFormat.ColorSpace
Range = QVideoFrameFormat.ColorRange
WIDTH, HEIGHT = 320, 180


@pytest.fixture(autouse=True)
def ffmpeg_backend(qapp):
    """Qt's FFmpeg backend loaded, as it is in the kiosk before any frame arrives."""
    player = QMediaPlayer()
    yield
    del player


def chroma_rows(pixel: Pixel) -> int:
    """How many chroma rows a frame of ``pixel`` has."""
    return HEIGHT if pixel == Pixel.Format_YUV422P else HEIGHT // 2


def chroma(x: int, y: int, rows: int = HEIGHT // 2) -> tuple[int, int]:
    """(Cb, Cr) at chroma sample (x, y) of ``rows`` rows: a colour per quarter."""
    left, top = x < WIDTH // 4, y < rows // 2
    return (60 if left else 200, 200 if top else 70)


def planar_frame(pixel: Pixel, space: Space, colour_range: Range) -> QVideoFrame:
    """Four coloured quarters with a luma ramp across: colours and positions to compare."""
    frame_format = QVideoFrameFormat(QSize(WIDTH, HEIGHT), pixel)
    frame_format.setColorSpace(space)
    frame_format.setColorRange(colour_range)
    frame = QVideoFrame(frame_format)
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma = frame.bits(0)
    for y in range(HEIGHT):
        row = bytes(40 + (180 * x) // WIDTH for x in range(WIDTH))
        start = y * frame.bytesPerLine(0)
        luma[start : start + WIDTH] = row

    half_w, half_h = WIDTH // 2, chroma_rows(pixel)
    if pixel == Pixel.Format_NV12:
        both = frame.bits(1)
        for y in range(half_h):
            row = bytes(v for x in range(half_w) for v in chroma(x, y))
            start = y * frame.bytesPerLine(1)
            both[start : start + WIDTH] = row
    else:
        for plane, pick in ((1, 0), (2, 1)):
            bits = frame.bits(plane)
            for y in range(half_h):
                row = bytes(chroma(x, y, half_h)[pick] for x in range(half_w))
                start = y * frame.bytesPerLine(plane)
                bits[start : start + half_w] = row
    frame.unmap()
    return frame


# Kr and Kb of each colour space: the standard's own numbers, an oracle independent of
# both swscale and Qt.
WEIGHTS = {Space.ColorSpace_BT601: (0.299, 0.114), Space.ColorSpace_BT709: (0.2126, 0.0722)}


def expected_rgb(luma: int, blue: int, red: int, space: Space, full: bool) -> tuple[int, ...]:
    kr, kb = WEIGHTS[space]
    if full:
        y, pb, pr = luma / 255, (blue - 128) / 255, (red - 128) / 255
    else:
        y, pb, pr = (luma - 16) / 219, (blue - 128) / 224, (red - 128) / 224
    r = y + 2 * (1 - kr) * pr
    b = y + 2 * (1 - kb) * pb
    g = (y - kr * r - kb * b) / (1 - kr - kb)
    return tuple(max(0, min(255, round(255 * c))) for c in (r, g, b))


def worst_difference(
    image: QImage, space: Space, full: bool, rows: int, columns: range | None = None
) -> int:
    """The largest channel difference from the standard's colours over a grid of points
    (the quarters' edges aside, where scaling rightly blends)."""
    width, height = image.width(), image.height()
    worst = 0
    for y in range(2, height - 2, 5):
        for x in columns or range(2, width - 2, 5):
            if abs(x - width // 2) < 4 or abs(y - height // 2) < 4:
                continue
            source_x = (x + 0.5) * WIDTH / width - 0.5
            luma = 40 + (180 * source_x) / WIDTH
            source_row = int((y + 0.5) * rows / height)
            blue, red = chroma(int(source_x) // 2, source_row, rows)
            want = expected_rgb(round(luma), blue, red, space, full)
            got = QColor(image.pixel(x, y)).getRgb()[:3]
            worst = max(worst, *(abs(a - b) for a, b in zip(want, got, strict=True)))
    return worst


@pytest.mark.parametrize(
    ("pixel", "space", "colour_range"),
    [
        (Pixel.Format_YUV420P, Space.ColorSpace_BT709, Range.ColorRange_Video),
        (Pixel.Format_YUV420P, Space.ColorSpace_BT601, Range.ColorRange_Video),
        (Pixel.Format_YUV420P, Space.ColorSpace_BT601, Range.ColorRange_Full),
        (Pixel.Format_NV12, Space.ColorSpace_BT709, Range.ColorRange_Video),
        (Pixel.Format_YUV422P, Space.ColorSpace_BT709, Range.ColorRange_Video),
    ],
)
def test_a_scaled_frame_shows_the_standard_s_colours(qapp, pixel, space, colour_range) -> None:
    frame = planar_frame(pixel, space, colour_range)
    converter = FrameConverter()
    assert converter.scales_itself, "Qt's FFmpeg backend brings swscale with it"
    # Smaller, its own size, larger, and an odd size (converted in one pass, not two).
    for shown in (QSize(160, 90), QSize(WIDTH, HEIGHT), QSize(480, 270), QSize(161, 91)):
        converted = converter.convert(frame, shown)
        assert converted.size == shown
        image = converted.image.copy(0, 0, shown.width(), shown.height())
        full = colour_range == Range.ColorRange_Full
        worst = worst_difference(image, space, full, chroma_rows(pixel))
        assert worst <= 4, f"at {shown}, up to {worst} away from the standard's colours"


def test_every_column_is_converted_whatever_the_width(qapp) -> None:
    """swscale's converter to RGB writes 16 pixels at a time: at a width that is not a
    multiple of 16 the last columns must still show the frame."""
    frame = planar_frame(Pixel.Format_YUV420P, Space.ColorSpace_BT709, Range.ColorRange_Video)
    for width in range(322, 338, 2):
        shown = QSize(width, HEIGHT)
        converted = FrameConverter().convert(frame, shown)
        assert converted.size == shown
        image = converted.image.copy(0, 0, width, HEIGHT)
        last = range(width - 3, width)
        worst = worst_difference(image, Space.ColorSpace_BT709, False, HEIGHT // 2, last)
        assert worst <= 4, f"at {width} wide, the last columns are {worst} away"


@pytest.mark.parametrize(
    "pixel",
    [Pixel.Format_YUV420P, Pixel.Format_NV12, Pixel.Format_NV21, Pixel.Format_YUV422P],
)
def test_frames_of_every_shape_come_out_at_the_size_asked(qapp, pixel) -> None:
    """Odd and even, tiny and uneven frames, shown smaller, larger, at their own size and
    at odd sizes: each comes out at the size asked for (one converter for all, as a video
    item that is given one clip after another)."""
    converter = FrameConverter()
    for width, height in itertools.product((2, 3, 17, 33, 64), (2, 5, 16, 31)):
        frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), pixel))
        assert frame.map(QVideoFrame.MapMode.WriteOnly)
        for plane in range(frame.planeCount()):
            bits = frame.bits(plane)
            bits[:] = bytes(range(256)) * (len(bits) // 256) + bytes(len(bits) % 256)
        frame.unmap()
        for shown in ((width, height), (1, 1), (2, 2), (7, 3), (width * 3, height * 2 + 1)):
            converted = converter.convert(frame, QSize(*shown))
            assert converted.size == QSize(*shown), (width, height, shown)
            assert converted.image.width() >= shown[0] and converted.image.height() == shown[1]


def test_a_frame_of_another_format_comes_out_through_qt(qapp) -> None:
    picture = QImage(QSize(WIDTH, HEIGHT), QImage.Format.Format_RGB32)
    picture.fill(QColor("#3a7bd5"))
    converted = FrameConverter().convert(QVideoFrame(picture), QSize(160, 90))
    assert converted.size == picture.size()
    assert QColor(converted.image.pixel(10, 10)).name() == "#3a7bd5"


def test_a_turned_frame_is_left_to_qt(qapp) -> None:
    """swscale would lose the turn; Qt's conversion is the one that knows it."""
    frame = planar_frame(Pixel.Format_YUV420P, Space.ColorSpace_BT709, Range.ColorRange_Video)
    frame.setRotation(QtVideo.Rotation.Clockwise90)
    assert FrameConverter().convert(frame, QSize(160, 90)).image == frame.toImage()


def test_the_video_item_converts_a_paused_frame_again_when_it_changes_size(qapp) -> None:
    """A paused video stays sharp when its place grows (expanded to full screen)."""
    item = VideoFrameItem()
    item.setSize(QSizeF(200, 90.6))  # the frame fitted: 161 x 91
    item.videoSink.setVideoFrame(
        planar_frame(Pixel.Format_YUV420P, Space.ColorSpace_BT709, Range.ColorRange_Video)
    )
    assert item.latest_image().size() == QSize(162, 92)  # even: swscale's fast path
    item.setSize(QSizeF(640, 360))
    assert item.latest_image().size() == QSize(640, 360)
