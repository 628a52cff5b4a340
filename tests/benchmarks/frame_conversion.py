#!/usr/bin/env python3
"""What turning one decoded frame into the picture on screen costs the GUI thread.

For the shapes the booth shows most (a 1080p clip in a corner's video panel, a 720p or
1080p attract clip full screen), it times the kiosk's converter (kiosk/bridge/
frame_converter.py: swscale, in two passes when the frame is scaled) beside Qt's own
``QVideoFrame.toImage()`` at the frame's own size, which the painter would then still have
to scale. Milliseconds per frame, and what that is in a core's share at 30 frames a second.

Prints numbers; asserts nothing.
Run:   .venv/bin/python tests/benchmarks/frame_conversion.py [--frames 200]
       (--frames 5: to see that it still works; CI)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoFrameFormat

from kiosk.bridge.frame_converter import FrameConverter

# (what it is, the frame's size, the size it is shown at on a 1920x1080 screen)
SHAPES = [
    ("1080p clip in a corner's video panel", QSize(1920, 1080), QSize(934, 524)),
    ("720p attract clip, full screen", QSize(1280, 720), QSize(1920, 1080)),
    ("1080p attract clip, full screen", QSize(1920, 1080), QSize(1920, 1080)),
]
RATE = 30


def noisy_frame(size: QSize) -> QVideoFrame:
    """A YUV 4:2:0 frame of ``size`` full of noise (as decoders hand them over)."""
    frame_format = QVideoFrameFormat(size, QVideoFrameFormat.PixelFormat.Format_YUV420P)
    frame_format.setColorSpace(QVideoFrameFormat.ColorSpace.ColorSpace_BT709)
    frame = QVideoFrame(frame_format)
    frame.map(QVideoFrame.MapMode.WriteOnly)
    for plane in range(frame.planeCount()):
        bits = frame.bits(plane)
        bits[:] = os.urandom(len(bits))
    frame.unmap()
    return frame


def per_frame_ms(convert: Callable[[], object], frames: int) -> float:
    for _ in range(min(5, frames)):
        convert()
    start = time.perf_counter()
    for _ in range(frames):
        convert()
    return (time.perf_counter() - start) / frames * 1000


def qt_ms(frame_size: QSize, frames: int) -> float:
    """Qt's own conversion, each frame a new one (a frame keeps what it converted)."""
    fresh = [noisy_frame(frame_size) for _ in range(frames)]
    start = time.perf_counter()
    for frame in fresh:
        frame.toImage()
    return (time.perf_counter() - start) / frames * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200, help="frames timed per shape")
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    player = QMediaPlayer()  # loads Qt's FFmpeg backend, and its swscale, as in the kiosk
    print(f"one frame to the picture shown, ms per frame ({args.frames} frames; "
          f"% of a core at {RATE} frames a second)")  # fmt: skip
    for name, frame_size, shown in SHAPES:
        frame = noisy_frame(frame_size)
        converter = FrameConverter()
        ours = per_frame_ms(lambda: converter.convert(frame, shown), args.frames)  # noqa: B023
        qt = qt_ms(frame_size, max(1, min(20, args.frames // 10)))
        print(f"{name} ({frame_size.width()}x{frame_size.height()} shown at "
              f"{shown.width()}x{shown.height()})")  # fmt: skip
        print(f"  kiosk's converter            {ours:6.2f} ms  ({ours * RATE / 10:4.1f} %)")
        print(f"  Qt's toImage(), not scaled   {qt:6.2f} ms  ({qt * RATE / 10:4.1f} %)")
        converter.close()
    del player, app


if __name__ == "__main__":
    main()
