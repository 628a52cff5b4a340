"""Opening hours in the window: dark and untouchable outside them, the show back at
opening, staff's override from the panel; and the display switched by every means."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.bridge.opening_hours import OpeningHoursWatch
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.composition import KioskUi
from kiosk.config import KioskConfig, ScheduleConfig
from kiosk.session.opening_hours import OpeningHours, OverrideFile
from kiosk.staff.display_power import DisplayPower, frame_buffer_device
from kiosk.staff.pin import hash_pin
from tests.bridge.test_staff_panel import PIN, corner_taps, enter, open_panel, show_page
from tests.bridge.ui import find, save_screenshot, settled, shown, tap

MONDAY = dt.date(2026, 10, 26)


class WallClock:
    """The booth's local time, set by the test."""

    def __init__(self, clock: str) -> None:
        self.now = dt.datetime.combine(MONDAY, dt.time.fromisoformat(clock))

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, clock: str) -> None:
        self.now = dt.datetime.combine(MONDAY, dt.time.fromisoformat(clock))


HOURS = ScheduleConfig(hours={"daily": "09:00-18:00"}, wake_minutes=5)


@pytest.fixture
def hall(make_kiosk) -> Callable[..., KioskUi]:
    def make(clock: WallClock, schedule: ScheduleConfig = HOURS) -> KioskUi:
        config = KioskConfig(schedule=schedule, staff_pin_hash=hash_pin(PIN))
        return make_kiosk(config, wall_clock=clock, installs=True, visitor=False)

    return make


def hours_page_in_the_dark(qtbot, ui: KioskUi) -> None:
    """The staff gesture and PIN on the closed screen (the pad shows over the dark), then
    the page with the opening hours."""
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    enter(ui, PIN)
    qtbot.waitUntil(lambda: shown(ui, "staffPanel"))
    show_page(qtbot, ui, "sound")


def attract_playing(ui: KioskUi) -> bool:
    return bool(find(ui, "attractView").property("visible"))


def test_outside_hours_the_screen_is_dark_and_no_touch_or_key_wakes_it(
    qtbot, hall, artifacts: Path
) -> None:
    clock = WallClock("20:00")
    ui = hall(clock)
    qtbot.waitUntil(lambda: shown(ui, "closedScreen"))
    assert not attract_playing(ui)  # its video and sound stopped
    assert "다시 엽니다" in find(ui, "closedWhen").property("text")
    assert "Open again tomorrow at 09:00" in find(ui, "closedWhen").property("text")
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    QTest.keyClick(ui.window, Qt.Key.Key_Down)
    assert ui.session.property("state") == VisitorSession.State.Attract.value
    assert shown(ui, "closedScreen")
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "closed-for-the-night.png")


def test_closing_ends_the_visit_and_opening_brings_the_show_back(qtbot, hall) -> None:
    clock = WallClock("17:58")
    ui = hall(clock)
    ui.session.touched()
    ui.exhibit.openCorner(ui.exhibit.content.corners[0].corner_id)
    assert ui.session.property("state") == VisitorSession.State.Active.value
    clock.set("18:00")
    ui.staff.pages.hours.check()
    assert ui.session.property("state") == VisitorSession.State.Attract.value
    assert ui.exhibit.property("currentCornerId") == ""  # the next visitor starts at home
    qtbot.waitUntil(lambda: shown(ui, "closedScreen") and not attract_playing(ui))
    # Five minutes before nine the screen wakes: the attract loop plays, a touch works.
    clock.set("08:55")
    ui.staff.pages.hours.check()
    qtbot.waitUntil(lambda: attract_playing(ui) and not shown(ui, "closedScreen"))
    assert ui.session.touched()  # woke the screen
    assert ui.session.property("state") == VisitorSession.State.Active.value


def test_staff_open_the_panel_in_the_dark_and_keep_the_screen_on_for_today(
    qtbot, hall, artifacts: Path
) -> None:
    clock = WallClock("07:30")
    ui = hall(clock)
    qtbot.waitUntil(lambda: shown(ui, "closedScreen"))
    hours_page_in_the_dark(qtbot, ui)
    assert find(ui, "hoursToday").property("value") == "09:00–18:00"
    assert find(ui, "hoursNow").property("value") == "꺼짐 08:55까지"
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "staff-opening-hours.png")
    tap(ui, find(ui, "hoursKeepOn"))
    assert ui.staff.pages.hours.property("screenOn")
    assert find(ui, "hoursNow").property("value") == "켜짐 자정까지 (오늘은 직원이 정함)"
    ui.staff.pages.access.close()
    qtbot.waitUntil(lambda: attract_playing(ui) and not shown(ui, "closedScreen"))
    # A restart keeps staff's choice until midnight.
    again = hall(clock)
    assert again.staff.pages.hours.property("screenOn")
    clock.set("23:59")
    again.staff.pages.hours.check()
    assert again.staff.pages.hours.property("override") == "on"
    clock.now = dt.datetime.combine(MONDAY + dt.timedelta(days=1), dt.time(0, 0))
    again.staff.pages.hours.check()
    assert not again.staff.pages.hours.property("screenOn")
    assert again.staff.pages.hours.property("override") == ""


def test_keep_off_today_darkens_an_open_hall_until_tomorrow(qtbot, hall) -> None:
    clock = WallClock("11:00")
    ui = hall(clock)
    ui.session.touched()
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "sound")
    tap(ui, find(ui, "hoursKeepOff"))
    assert find(ui, "hoursNow").property("value") == "꺼짐 내일 08:55까지 (오늘은 직원이 정함)"
    tap(ui, find(ui, "hoursAsScheduled"))
    assert find(ui, "hoursNow").property("value") == "켜짐 18:00까지"


def test_a_change_days_away_is_dated(qtbot, hall) -> None:
    clock = WallClock("19:00")
    ui = hall(clock, ScheduleConfig(hours={"mon": "09:00-18:00"}, wake_minutes=0))
    hours_page_in_the_dark(qtbot, ui)
    assert find(ui, "hoursNow").property("value") == "꺼짐 2026-11-02 09:00까지"
    assert "월요일 09:00에 다시 엽니다" in find(ui, "closedWhen").property("text")


def test_without_hours_the_panel_says_the_screen_stays_on(qtbot, make_kiosk) -> None:
    ui = make_kiosk(KioskConfig(staff_pin_hash=hash_pin(PIN)), installs=True)
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "sound")
    assert shown(ui, "noHours") and not shown(ui, "hoursNow")


class FakePower(DisplayPower):
    def __init__(self) -> None:
        self.turns: list[bool] = []

    def turn(self, on: bool):  # type: ignore[override]
        self.turns.append(on)


def test_the_display_is_switched_at_each_change_and_for_staff_only(qtbot, tmp_path: Path) -> None:
    clock = WallClock("17:59")
    power = FakePower()
    watch = OpeningHoursWatch(
        OpeningHours({"daily": "09:00-18:00"}), OverrideFile(tmp_path / "o.json"), power, clock
    )
    watch.start()
    clock.set("18:00")
    watch.check()
    watch.check()  # nothing new: nothing asked of the display
    watch.set_staff_present(True)
    watch.set_staff_present(False)
    qtbot.waitUntil(lambda: len(power.turns) == 4)
    assert power.turns == [True, False, True, False]
    watch.stop()


def test_frame_buffer_is_only_for_linuxfb() -> None:
    assert frame_buffer_device("linuxfb") == Path("/dev/fb0")
    assert frame_buffer_device("linuxfb:fb=/dev/fb1:size=1920x1080") == Path("/dev/fb1")
    assert frame_buffer_device("xcb") is None and frame_buffer_device("") is None


def test_every_means_is_tried_and_one_that_fails_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backlight = tmp_path / "backlight" / "panel"
    backlight.mkdir(parents=True)
    (backlight / "bl_power").write_text("0")
    calls: list[tuple[list[str], bytes | None]] = []

    def run(argv: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
        calls.append((argv, options.get("input")))  # type: ignore[arg-type]
        if argv[0] == "xset":
            raise subprocess.CalledProcessError(1, argv)  # no DPMS on this server
        if argv[1:] == ["-l"]:
            return subprocess.CompletedProcess(argv, 0, b"Found devices: 1\n\ndevice: 1\n")
        return subprocess.CompletedProcess(argv, 0, b"")

    monkeypatch.setattr(
        "shutil.which", lambda name: {"xset": "xset", "cec-client": "/usr/bin/cec-client"}[name]
    )
    power = DisplayPower({"DISPLAY": ":5"}, backlights=tmp_path / "backlight", run=run)
    assert power.means() == ["DPMS (xset)", "backlight (panel)", "HDMI-CEC (cec-client)"]
    off = power.turn(False)
    assert off.worked == ("backlight panel", "HDMI-CEC") and off.failed == ("DPMS",)
    assert (backlight / "bl_power").read_text() == "4"
    assert calls[-1] == (["/usr/bin/cec-client", "-s", "-d", "1"], b"standby 0")
    power.turn(True)
    assert (backlight / "bl_power").read_text() == "0"
    assert calls[-1][1] == b"on 0"


def test_cec_is_tried_only_with_an_adapter(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[list[str]] = []

    def run(argv: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
        asked.append(argv)
        return subprocess.CompletedProcess(argv, 0, b"libCEC version: 6.0.2\nFound devices: NONE\n")

    monkeypatch.setattr(
        "shutil.which", lambda name: "/usr/bin/cec-client" if "cec" in name else None
    )
    power = DisplayPower({}, backlights=tmp_path, run=run)
    assert power.means() == [] and power.turn(False).worked == ()
    assert asked == [["/usr/bin/cec-client", "-l"]]  # asked once, never told to switch


def test_a_frame_buffer_that_is_not_there_is_a_means_that_failed(tmp_path: Path) -> None:
    power = DisplayPower({"QT_QPA_PLATFORM": f"linuxfb:fb={tmp_path / 'fb9'}"}, backlights=tmp_path)
    result = power.turn(False)
    assert result.failed == ("frame buffer",) and result.worked == ()
