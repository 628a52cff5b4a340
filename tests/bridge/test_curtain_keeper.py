"""The curtain keeper in a running kiosk: the kept first frame is said to last until the
opening hours' next change, and goes when the screen goes dark (a start then must show
the dark screen, not a frame of the attract loop first)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickWindow

from kiosk.bridge.curtain_keeper import CurtainKeeper
from kiosk.bridge.opening_hours import OpeningHoursWatch
from kiosk.curtain import kept_curtain, save_curtain
from kiosk.paths import DataPaths
from kiosk.session.opening_hours import OpeningHours, OverrideFile
from tests.bridge.test_opening_hours import WallClock
from tests.bridge.ui import qml_window

# What the keeper reads of Main.qml: whether the attract loop shows, with its picture.
_WINDOW = b"""
import QtQuick
Window {
    width: 160; height: 90
    property bool firstPictureReady: false
    property bool attractShown: false
}
"""


@pytest.fixture
def window(qapp) -> Iterator[QQuickWindow]:
    with qml_window(_WINDOW) as window:
        yield window


def keep_one(paths: DataPaths) -> None:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#14324b"))
    save_curtain(paths, image, "screen", (0, 0, 160, 90))


def test_the_kept_frame_goes_when_the_screen_goes_dark(window, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    clock = WallClock("17:00")
    hours = OpeningHoursWatch(
        OpeningHours({"daily": "09:00-18:00"}), OverrideFile(tmp_path / "o.json"), None, clock
    )
    CurtainKeeper(window, paths, hours)
    keep_one(paths)
    hours.start()
    clock.set("17:30")
    hours.check()  # still open: the copy stays
    assert kept_curtain(paths) is not None
    clock.set("18:00")
    hours.check()
    assert kept_curtain(paths) is None
    hours.stop()


def test_staff_turning_the_screen_off_forget_the_kept_frame(window, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    hours = OpeningHoursWatch(
        OpeningHours({"daily": "09:00-18:00"}),
        OverrideFile(tmp_path / "o.json"),
        None,
        WallClock("12:00"),
    )
    CurtainKeeper(window, paths, hours)
    keep_one(paths)
    hours.setOverride("off")
    assert kept_curtain(paths) is None
    hours.stop()


def test_the_hours_next_change_is_when_the_kept_frame_stops_being_shown(
    window, tmp_path: Path
) -> None:
    clock = WallClock("10:00")
    hours = OpeningHoursWatch(
        OpeningHours({"daily": "09:00-18:00"}), OverrideFile(tmp_path / "o.json"), None, clock
    )
    closing = dt.datetime.combine(clock.now.date(), dt.time(18)).timestamp()
    assert hours.unchanged_until() == closing
    always = OpeningHoursWatch(OpeningHours(), OverrideFile(tmp_path / "a.json"), None, clock)
    assert always.unchanged_until() is None
