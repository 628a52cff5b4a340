#!/usr/bin/env python3
"""Soak: many attract cycles and many visitor sessions in one process, at accelerated speed.

Prints numbers; asserts nothing. It runs the real QML window offscreen (frames are painted
by the kiosk itself, so blank frames can be counted), with a short generated clip and the
demo's pictures held 0.1 s each in the attract loop, then random-tap visitor sessions whose
idle time passes on a fake clock. It reports RSS at the start, middle and end of each
phase, crashes (an exception or a Qt critical message), and blank frames seen at attract
item changes. Goal: no crash, RSS growth under 2 % from the middle to the end.

Run: .venv/bin/python tests/benchmarks/soak.py [--cycles 1000] [--sessions 1000]
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kiosk.analytics.log import InteractionLog  # noqa: E402
from kiosk.bridge.qt_messages import QtMessagesThroughStderr  # noqa: E402
from kiosk.composition import WindowOptions, compose  # noqa: E402
from kiosk.config import KioskConfig  # noqa: E402
from kiosk.content.demo import ensure_demo_package  # noqa: E402
from kiosk.content.package import AttractContent, ContentPackage, MediaItem  # noqa: E402
from kiosk.install.installer import Installer  # noqa: E402
from kiosk.install.media_store import MediaStore  # noqa: E402
from kiosk.paths import DataPaths  # noqa: E402
from tests.bridge.ui import attract_looks_blank, find, find_item, tap  # noqa: E402
from tests.clips import make_clip  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE / 1e6


class CriticalCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()

    # Qt's messages reach Python as in the kiosk (a reader thread, never a Python message
    # handler on Qt's threads); its critical ones are counted.
    criticals = CriticalCount()
    logging.getLogger("qt").addHandler(criticals)
    qt_messages = QtMessagesThroughStderr()
    qt_messages.start()
    app = QGuiApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    package = ContentPackage.open(ensure_demo_package(work / "data"))
    media = dict(MediaStore(work / "media").extract_all(package))
    clip = make_clip(work / "clip.mp4", seconds=0.4)
    video = MediaItem(
        "1" * 64, "video", "video/mp4", clip.stat().st_size, "clip.mp4", 640, 360, 400, None
    )
    media[video.sha256] = clip
    pictures = [item.media for item in package.content.attract if item.duration_ms]
    content = dataclasses.replace(
        package.content,
        attract=(
            AttractContent(video, None),
            AttractContent(pictures[0], 100),
            AttractContent(pictures[1], 100),
        ),
    )
    clock = Clock()
    log = InteractionLog(work / "log.sqlite")
    paths = DataPaths(work / "data")
    ui = compose(
        KioskConfig(),
        paths,
        content,
        media,
        installer=Installer(paths.root),
        watching=False,
        interaction_log=log,
        clock=clock,
    )
    ui.show(WindowOptions(windowed=True, size=(1280, 720)))
    crashes = 0

    # Phase 1: attract cycles.
    slots = [find(ui, "attractSlotA"), find(ui, "attractSlotB")]
    changes, blank, last_top = 0, 0, None
    blank_at: list[int] = []
    target = args.cycles * len(content.attract)
    marks: dict[str, float] = {"attract start": rss_mb()}
    started = time.monotonic()
    while changes < target:
        try:
            QTest.qWait(15)
            top = max(slots, key=lambda slot: slot.z())
            if top is not last_top:
                changes += 1
                last_top = top
                if attract_looks_blank(ui):
                    blank += 1
                    blank_at.append(changes)
                if changes == target // 2:
                    marks["attract middle"] = rss_mb()
        except Exception as error:  # a soak counts crashes, it does not stop
            crashes += 1
            print("crash:", error, file=sys.stderr)
    marks["attract end"] = rss_mb()
    attract_seconds = time.monotonic() - started

    # Phase 2: random-tap visitor sessions, each ended by the idle clock.
    rng = random.Random(2021)
    corners = [corner.corner_id for corner in content.corners]
    buttons = [
        "sectionTab_1",
        "sectionTab_2",
        "captionsButton",
        "muteButton",
        "languageButton_en",
        "languageButton_ko",
        "bigPlayButton",
        "expandButton",
        "galleryThumb_0",
    ]
    started = time.monotonic()
    for session in range(args.sessions):
        try:
            ui.session.touched()
            ui.exhibit.openCorner(rng.choice(corners))
            QTest.qWait(5)
            for name in rng.sample(buttons, 4):
                item = find_item(ui, name)
                if item is not None and item.isVisible():
                    tap(ui, item)
                    QTest.qWait(2)
            if (closer := find_item(ui, "viewerCloseButton")) is not None:
                tap(ui, closer)
            clock.now += 200
            ui.session.tick()
            QTest.qWait(2)
            if session == args.sessions // 2:
                marks["sessions middle"] = rss_mb()
            if session == 0:
                marks["sessions start"] = rss_mb()
        except Exception as error:  # counted, as above
            crashes += 1
            print("crash:", error, file=sys.stderr)
    marks["sessions end"] = rss_mb()
    session_seconds = time.monotonic() - started
    ui.close()
    log.close()
    package.close()
    del app
    qt_messages.stop()

    def growth(phase: str) -> float:
        return 100 * (marks[f"{phase} end"] - marks[f"{phase} middle"]) / marks[f"{phase} middle"]

    print(
        f"soak: {args.cycles} attract cycles ({changes} item changes, {attract_seconds:.0f} s), "
        f"{args.sessions} visitor sessions ({session_seconds:.0f} s)"
    )
    for name, value in marks.items():
        print(f"  RSS {name:17} {value:7.1f} MB")
    print(
        f"  RSS growth middle→end: attract {growth('attract'):+.2f} %, "
        f"sessions {growth('sessions'):+.2f} %"
    )
    print(
        f"  crashes {crashes}, Qt critical messages {criticals.count}, blank frames {blank}"
        + (f" (at item changes {blank_at[:10]})" if blank_at else "")
    )


if __name__ == "__main__":
    main()
