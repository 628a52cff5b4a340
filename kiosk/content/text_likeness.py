"""Does a picture have text in its lower quarter? The attract loop shows its call to touch
there, over whatever the picture has: words drawn into an attract picture or video at the
bottom are covered, and read badly beside the kiosk's own. A heuristic, worded as such
("looks like text"), for a warning while writing (``kiosk.content.lint``).

Lines of letters make a band of short, sharp, irregular strokes: cells of the band where
many neighbouring pixels differ sharply from left to right (the letters' upright strokes)
and the cell holds both dark and light (ink and ground). Several such cells side by side
in a row, in a band that does not fill the whole quarter (a fence or a striped wall does),
look like text. Photographs of leaves, water or crowds are soft, or mottled without such
rows; plain graphics are flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
from PIL import Image, ImageChops, ImageStat

# The band is read at this width (a 1920 px screen's third), in square cells of this size.
BAND_WIDTH = 640
CELL = 12
# A cell with letters in it: this share of its pixels on an upright stroke's edge...
STROKES = (0.1, 0.6)
EDGE = 40  # a difference between neighbours, of 255, that is an edge
# ...and this much between its darker and lighter twentieth (ink on ground).
SPREAD = 80
# So many such cells side by side: a word or more.
RUN = 4
# Where the kiosk's call to touch stands: the lower quarter of the screen.
LOWER = 0.75
# Frames of a video looked at, spread over its length.
VIDEO_SAMPLES = 5


def lower_quarter_has_text(picture: Image.Image) -> bool:
    """True when the lower quarter of ``picture`` looks like it holds lines of text."""
    grey = picture.convert("L")
    width, height = grey.size
    band = grey.crop((0, round(height * LOWER), width, height))
    scale = BAND_WIDTH / width
    band = band.resize(
        (BAND_WIDTH, max(CELL, round(band.height * scale))), Image.Resampling.BILINEAR
    )
    strokes = ImageChops.difference(band, ImageChops.offset(band, 1, 0)).point(
        lambda value: 255 if value > EDGE else 0
    )
    rows = [_longest_run(band, strokes, top) for top in range(0, band.height - CELL + 1, CELL)]
    lettered = [run >= RUN for run in rows]
    # A pattern over the whole quarter (a fence, a striped wall) is no line of text.
    return any(lettered) and not all(run >= RUN // 2 for run in rows)


def _longest_run(band: Image.Image, strokes: Image.Image, top: int) -> int:
    longest = run = 0
    for left in range(0, band.width - CELL + 1, CELL):
        box = (left, top, left + CELL, top + CELL)
        share = ImageStat.Stat(strokes.crop(box)).mean[0] / 255
        run = run + 1 if STROKES[0] <= share <= STROKES[1] and _spread(band.crop(box)) else 0
        longest = max(longest, run)
    return longest


def _spread(cell: Image.Image) -> bool:
    histogram = cell.histogram()
    pixels = cell.width * cell.height
    seen, dark, light = 0, None, None
    for value, count in enumerate(histogram):
        seen += count
        if dark is None and seen >= pixels * 0.05:
            dark = value
        if light is None and seen >= pixels * 0.95:
            light = value
    return dark is not None and light is not None and light - dark >= SPREAD


def picture_has_text_below(path: Path) -> bool:
    """``lower_quarter_has_text`` of the picture file at ``path``."""
    with Image.open(path) as picture:
        return lower_quarter_has_text(picture)


def video_has_text_below(path: Path) -> bool:
    """True when any of a few frames spread over the video at ``path`` has text in its
    lower quarter."""
    return any(lower_quarter_has_text(frame) for frame in _sample_frames(path))


def _sample_frames(path: Path) -> Iterator[Image.Image]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        seconds = float(container.duration or 0) / av.time_base
        for index in range(VIDEO_SAMPLES):
            at = seconds * (index + 0.5) / VIDEO_SAMPLES
            container.seek(round(at * av.time_base), any_frame=False, backward=True)
            # The frame shown at that moment: the first decoded at or after it.
            for frame in container.decode(stream):
                if frame.time is None or frame.time >= at - 0.05:
                    yield frame.to_image()  # type: ignore[no-untyped-call]  # PyAV's stubs
                    break
