#!/usr/bin/env python3
"""Soak: many attract cycles and many visitor sessions in one process, at accelerated speed.

Prints numbers; asserts nothing. It runs the real QML window offscreen (frames are painted
by the kiosk itself, so blank frames can be counted), with a short generated clip and the
demo's pictures held 0.1 s each in the attract loop, then random-tap visitor sessions whose
idle time passes on a fake clock. It reports RSS at the start, middle and end of each
phase, crashes (an exception or a Qt critical message), and blank frames seen at attract
item changes. Goal: no crash, RSS growth under 2 % from the middle to the end.

It also counts what the kiosk would write for three unattended days: the lines and bytes of
its log (INFO and above, as in kiosk.log) and the lines written to the terminal (the
journal at a booth) per attract cycle and per visitor session, and per hour at the demo's
own attract cycle.

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
from kiosk.bridge.ffmpeg_log import quiet_ffmpeg  # noqa: E402
from kiosk.bridge.qt_messages import QtMessagesThroughStderr  # noqa: E402
from kiosk.composition import WindowOptions, compose  # noqa: E402
from kiosk.config import KioskConfig  # noqa: E402
from kiosk.content.demo import ensure_demo_package  # noqa: E402
from kiosk.content.package import AttractContent, ContentPackage, MediaItem  # noqa: E402
from kiosk.install.installer import Installer  # noqa: E402
from kiosk.install.media_store import MediaStore  # noqa: E402
from kiosk.paths import DataPaths  # noqa: E402
from kiosk.staff.kiosk_log import LOG_FORMAT  # noqa: E402
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


class LogCount(logging.Handler):
    """Lines and bytes the kiosk's log file would take (its level and format)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(logging.Formatter(LOG_FORMAT))
        self.lines = 0
        self.bytes = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += 1
        self.bytes += len(self.format(record).encode()) + 1


class TerminalCount:
    """What reaches the terminal (the journal at a booth): fd 2, into a file counted."""

    def __init__(self, folder: Path) -> None:
        self._file = folder / "terminal.txt"
        sys.stderr.flush()
        self._saved = os.dup(2)
        descriptor = os.open(self._file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(descriptor, 2)
        os.close(descriptor)

    def counted(self) -> tuple[int, int]:
        data = self._file.read_bytes()
        return data.count(b"\n"), len(data)

    def stop(self) -> None:
        sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)


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
    # handler on Qt's threads); its critical ones are counted, and every line logged.
    work = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    criticals = CriticalCount()
    logging.getLogger("qt").addHandler(criticals)
    logged = LogCount()
    logging.getLogger().addHandler(logged)
    logging.getLogger().setLevel(logging.INFO)
    terminal = TerminalCount(work)
    qt_messages = QtMessagesThroughStderr()
    qt_messages.start()
    app = QGuiApplication(sys.argv[:1])
    quiet_ffmpeg()  # as the kiosk does, before its window opens any media
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

    def written() -> tuple[int, int, int, int]:
        return (logged.lines, logged.bytes, *terminal.counted())

    # Phase 1: attract cycles.
    slots = [find(ui, "attractSlotA"), find(ui, "attractSlotB")]
    changes, blank, last_top = 0, 0, None
    blank_at: list[int] = []
    target = args.cycles * len(content.attract)
    marks: dict[str, float] = {"attract start": rss_mb()}
    settled = written()  # the start's own lines are not the attract loop's
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
    attract_written = [after - before for after, before in zip(written(), settled, strict=True)]
    settled = written()

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
    session_written = [after - before for after, before in zip(written(), settled, strict=True)]
    ui.close()
    log.close()
    package.close()
    del app
    qt_messages.stop()
    terminal.stop()
    demo_cycle_s = (
        sum((item.duration_ms or item.media.duration_ms or 0) for item in package.content.attract)
        / 1000
    )

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
    cycles_per_hour = 3600 / demo_cycle_s
    for phase, count, amount, per_hour in (
        ("attract cycle", args.cycles, attract_written, cycles_per_hour),
        ("visitor session", args.sessions, session_written, 60),
    ):
        lines, size, terminal_lines, terminal_size = (value / count for value in amount)
        print(
            f"  written per {phase}: log {lines:.2f} lines {size:.0f} B, "
            f"terminal {terminal_lines:.2f} lines {terminal_size:.0f} B; per hour "
            f"({per_hour:.0f} a hour): log {lines * per_hour:.0f} lines "
            f"{size * per_hour / 1024:.1f} KiB, terminal {terminal_lines * per_hour:.0f} lines "
            f"{terminal_size * per_hour / 1024:.1f} KiB"
        )
    print(f"  (the demo's attract cycle is {demo_cycle_s:.0f} s; a busy booth: 60 sessions a hour)")


if __name__ == "__main__":
    main()
