"""Kiosk lockdown and the staff panel: no way out for visitors; the hidden way in for staff,
behind the PIN; each panel action backed by the same service as its command."""

from __future__ import annotations

import errno
import json
import logging
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtTest import QTest

from kiosk.analytics.log import InteractionLog, log_path
from kiosk.bridge.staff.access import StaffAccess
from kiosk.bridge.staff.status_page import PackageCard
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.composition import KioskUi
from kiosk.config import KioskConfig, StaffConfig
from kiosk.content.signing import generate_key, public_line
from kiosk.notices import Notice, attach_notices_file, notice
from kiosk.staff.kiosk_log import attach_log_file, log_file
from kiosk.staff.pin import hash_pin
from tests.bridge.ui import (
    descendants,
    find,
    save_screenshot,
    scene_rect,
    settled,
    shown,
    tap,
)
from tests.install.test_installer import build

PIN = "246802"
Result = StaffAccess.PinResult


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def staff_kiosk(make_kiosk) -> Callable[..., KioskUi]:
    """A kiosk in kiosk mode with a staff PIN and an installer."""

    def make(clock: Callable[[], float] = time.monotonic, **settings: object) -> KioskUi:
        config = KioskConfig(staff_pin_hash=hash_pin(PIN), **settings)  # type: ignore[arg-type]
        return make_kiosk(config, clock=clock, installs=True, kiosk_mode=True)

    return make


def click_at(ui: KioskUi, x: int, y: int, button=Qt.MouseButton.LeftButton) -> None:
    QTest.mouseClick(ui.window, button, Qt.KeyboardModifier.NoModifier, QPoint(x, y))


def corner_taps(ui: KioskUi, count: int) -> None:
    for _ in range(count):
        click_at(ui, 1915, 1075)


def enter(ui: KioskUi, pin: str) -> None:
    for digit in pin:
        tap(ui, find(ui, f"pinKey_{digit}"))
    tap(ui, find(ui, "pinKey_ok"))


def open_panel(qtbot, ui: KioskUi) -> None:
    """The way staff do: the hidden gesture, the PIN; then the status read in the
    background is in."""
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    status = ui.staff.pages.status
    with qtbot.waitSignals([status.refreshed, ui.staff.pages.today.refreshed]):
        enter(ui, PIN)
    qtbot.waitUntil(lambda: shown(ui, "staffPanel"))


def show_page(qtbot, ui: KioskUi, page: str) -> None:
    """Tap a page's button in the panel; a page that reads in the background has read
    again, and the page shows."""
    pages = ui.staff.pages
    reads = {"status": pages.status, "content": pages.status, "today": pages.today}
    if page in reads:
        with qtbot.waitSignal(reads[page].refreshed):
            tap(ui, find(ui, f"staffPage_{page}"))
    else:
        tap(ui, find(ui, f"staffPage_{page}"))
    qtbot.waitUntil(lambda: find(ui, "staffPage_" + page).property("selected") is True)


def card(ui: KioskUi, which: str) -> PackageCard:
    """The status page's ``active`` or ``previous`` package, as QML reads it."""
    return getattr(ui.staff.pages.status, which)


def signature(facts: PackageCard) -> str:
    return PackageCard.Signature(facts.property("signature")).name


# -- lockdown

ESCAPES = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Space, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Meta, Qt.KeyboardModifier.MetaModifier),
    (Qt.Key.Key_D, Qt.KeyboardModifier.MetaModifier),
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
]


def test_no_key_click_or_touch_leaves_the_exhibit(qtbot, staff_kiosk) -> None:
    """Key combinations, right and middle clicks, a long press, three fingers, a request
    to close and a minimise: the window stays, full screen, with no panel and no PIN pad."""
    ui = staff_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    window = ui.window
    for key, modifiers in ESCAPES:
        QTest.keyClick(window, key, modifiers)
    tile = find(ui, "cornerTile_clean-valleys")
    centre = tile.mapToScene(QPointF(tile.width() / 2, tile.height() / 2)).toPoint()
    for button in (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton):
        QTest.mouseClick(window, button, Qt.KeyboardModifier.NoModifier, centre)
    assert ui.exhibit.property("currentCornerId") == ""  # no other button opened a corner
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.wait(1500)  # real time: a long press is one held this long
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    device = QTest.createTouchDevice()
    points = [QPoint(600, 500), QPoint(700, 500), QPoint(800, 500)]
    press = QTest.touchEvent(window, device)
    for index, point in enumerate(points):
        press.press(index, point, window)
    press.commit()
    move = QTest.touchEvent(window, device)
    for index, point in enumerate(points):
        move.move(index, point + QPoint(0, 300), window)
    move.commit()
    release = QTest.touchEvent(window, device)
    for index, point in enumerate(points):
        release.release(index, point + QPoint(0, 300), window)
    release.commit()
    window.close()
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.windowStates() & Qt.WindowState.WindowMinimized)
    settled(qtbot, ui)
    assert window.isVisible()
    assert not shown(ui, "staffEntry") and not shown(ui, "staffPanel")
    assert ui.staff.pages.access.property("panelOpen") is False


# -- the way in


def test_the_hidden_gesture_opens_the_pin_pad_and_a_wrong_pin_does_not(qtbot, staff_kiosk) -> None:
    clock = Clock()
    ui = staff_kiosk(clock=clock)
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 4)
    assert not shown(ui, "staffEntry")  # four are not enough
    clock.now += 5
    corner_taps(ui, 1)
    assert not shown(ui, "staffEntry")  # and the earlier taps were too long ago
    for _ in range(4):
        clock.now += 0.5
        corner_taps(ui, 1)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    enter(ui, "111111")
    assert find(ui, "pinProblem").property("text").startswith("PIN이 틀렸습니다")  # Korean first
    assert not shown(ui, "staffPanel")
    tap(ui, find(ui, "pinCancel"))
    qtbot.waitUntil(lambda: not shown(ui, "staffEntry"))


def test_the_staff_key_opens_the_pin_pad(qtbot, staff_kiosk) -> None:
    ui = staff_kiosk(staff=StaffConfig(entry_key="Ctrl+Alt+K"))
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    QTest.keyClick(ui.window, Qt.Key.Key_K, mods)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    enter(ui, PIN)
    qtbot.waitUntil(lambda: shown(ui, "staffPanel"))


def test_the_pin_pad_closes_when_nobody_uses_it(qtbot, staff_kiosk) -> None:
    """Five taps in the corner are easy for a child: the pad goes by itself."""
    ui = staff_kiosk(staff=StaffConfig(pad_idle_seconds=1))
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    qtbot.waitUntil(lambda: not shown(ui, "staffEntry"), timeout=5_000)
    assert ui.window.property("homeReady") is True


def test_the_pin_pad_ends_with_the_session_and_never_shows_over_attract(qtbot, make_kiosk) -> None:
    """Open when the session ends, the pad goes with it; the staff key in the attract loop
    wakes the screen, and the pad shows over the home screen."""
    config = KioskConfig(staff_pin_hash=hash_pin(PIN))
    ui = make_kiosk(config, kiosk_mode=True)
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    ui.session.startAttract()
    qtbot.waitUntil(lambda: shown(ui, "attractView"))
    assert not shown(ui, "staffEntry")
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(ui.window, Qt.Key.Key_F12, mods)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    assert ui.session.property("visitorPresent") and not shown(ui, "attractView")


def test_a_keyboard_enters_the_pin(qtbot, staff_kiosk) -> None:
    """Digits, Backspace and Enter on a staff keyboard work as the pad's keys do."""
    ui = staff_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    digits = [getattr(Qt.Key, f"Key_{digit}") for digit in "2469"]
    for key in [*digits, Qt.Key.Key_Backspace]:  # the 9 goes: 246 …
        QTest.keyClick(ui.window, key)
    for digit in "802":  # … 246802
        QTest.keyClick(ui.window, getattr(Qt.Key, f"Key_{digit}"))
    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(ui, "staffPanel"))


def test_a_wrong_pin_says_how_many_tries_are_left_and_nothing_moves(qtbot, staff_kiosk) -> None:
    ui = staff_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    settled(qtbot, ui)
    keys = [scene_rect(find(ui, f"pinKey_{key}")) for key in ("1", "ok")]
    enter(ui, "111111")
    settled(qtbot, ui)
    assert find(ui, "pinProblem").property("text") == (
        "PIN이 틀렸습니다. 잠기기 전까지 남은 시도: 4회"
    )
    assert [scene_rect(find(ui, f"pinKey_{key}")) for key in ("1", "ok")] == keys


def test_five_wrong_pins_lock_the_pad_for_a_minute_then_two(qtbot, staff_kiosk) -> None:
    clock = Clock()
    ui = staff_kiosk(clock=clock)
    access = ui.staff.pages.access
    access.requestEntry()
    tries = [Result(access.submitPin("000000")) for _ in range(5)]
    assert tries == [Result.Wrong] * 4 + [Result.Locked]
    assert Result(access.submitPin(PIN)) is Result.Locked  # even the right one, while locked
    assert access.property("lockedSeconds") == 60
    clock.now += 61
    assert Result([access.submitPin("000000") for _ in range(5)][-1]) is Result.Locked
    assert access.property("lockedSeconds") == 120
    clock.now += 121
    assert Result(access.submitPin(PIN)) is Result.Accepted
    assert access.property("panelOpen") is True


def test_the_pin_is_never_kept_or_logged_in_clear(
    qtbot, staff_kiosk, run_cli, tmp_path, caplog
) -> None:
    """`staff set-pin` keeps a salted hash; PIN attempts are logged without the PIN."""
    caplog.set_level(logging.INFO)
    config = tmp_path / "kiosk.yaml"
    config.write_text("# the booth's config\n")
    result = run_cli("--config", config, "staff", "set-pin", stdin="975312\n975312\n")
    assert result.returncode == 0, result.stderr
    assert "975312" not in config.read_text() and "staff_pin_hash" in config.read_text()
    assert "975312" not in result.stdout + result.stderr
    ui = staff_kiosk()
    handler = attach_log_file(ui.installer.data_dir)  # as the running kiosk does
    try:
        ui.staff.pages.access.requestEntry()
        ui.staff.pages.access.submitPin("864209")
        ui.staff.pages.access.submitPin(PIN)
    finally:
        assert handler is not None
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = log_file(ui.installer.data_dir).read_text()
    assert "wrong staff PIN" in text and "staff PIN accepted" in text
    assert "864209" not in text and PIN not in text


# -- the panel


def test_the_panel_closes_itself_when_idle_and_the_show_goes_on(qtbot, staff_kiosk) -> None:
    ui = staff_kiosk(staff=StaffConfig(panel_idle_seconds=1))
    open_panel(qtbot, ui)
    qtbot.waitUntil(lambda: not shown(ui, "staffPanel"), timeout=4000)
    assert ui.window.isVisible() and ui.window.property("homeReady") is True
    tap(ui, find(ui, "cornerTile_clean-valleys"))
    qtbot.waitUntil(lambda: shown(ui, "cornerView"))


def test_status_page_says_what_the_status_command_says(
    qtbot, staff_kiosk, manifest_dir: Path, tmp_path: Path, run_cli
) -> None:
    ui = staff_kiosk()
    data = ui.installer.data_dir
    ui.installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", None), approved=True)
    ui.installer.install(build(manifest_dir, tmp_path / "b.kpkg", "1.3", None), approved=True)
    open_panel(qtbot, ui)
    active, previous = card(ui, "active"), card(ui, "previous")
    assert (active.property("packageId"), active.property("version")) == ("test.small", "1.3")
    assert previous.property("version") == "1.2" and signature(active) == "Unsigned"
    page_text = " ".join(str(item.property("text")) for item in _texts(find(ui, "staffStatusPage")))
    command = run_cli("--data-dir", data, "status")
    assert command.returncode == 0, command.stderr
    version = ui.staff.pages.status.property("appVersion")
    name = ui.staff.pages.status.property("kioskName")
    assert name and f"kiosk      {name}" in command.stdout  # the PC's name: none configured
    for fact in ("test.small 1.3", "test.small 1.2", version, name):
        assert fact in page_text and fact in command.stdout, fact
    assert "서명 없음" in page_text and "unsigned" in command.stdout


def _texts(root):
    return (item for item in descendants(root) if item.inherits("QQuickText"))


def test_today_figures_and_chart_match_a_known_log(qtbot, staff_kiosk) -> None:
    """Four sessions (three at ten, one at two), corner visits and a finished video."""
    ui = staff_kiosk()
    log = InteractionLog(log_path(ui.installer.data_dir))
    today = datetime.now().replace(minute=0, second=0, microsecond=0)

    def at(hour: int, minute: int) -> float:
        return today.replace(hour=hour, minute=minute).timestamp()

    for hour, minute in ((10, 1), (10, 20), (10, 40), (14, 5)):
        log.record("session_start", at=at(hour, minute))
        log.record("corner_view", at=at(hour, minute + 1), corner_id="clean-valleys", value=120)
        log.record("session_end", at=at(hour, minute + 2), detail="idle", value=90)
    log.record("video_play", at=at(14, 7), corner_id="clean-valleys", detail="complete", value=8)
    log.flush()
    log.close()
    open_panel(qtbot, ui)
    figures = ui.staff.pages.today.figures()
    assert figures.sessions == 4 and figures.mean_seconds == 90
    assert figures.hours[10] == 3 and figures.hours[14] == 1 and sum(figures.hours) == 4
    valleys = next(c for c in figures.corners if c.corner_id == "clean-valleys")
    assert (valleys.visits, valleys.dwell_seconds, valleys.completions) == (4, 480, 1)
    show_page(qtbot, ui, "today")
    ten, two = find(ui, "hourBar_10").height(), find(ui, "hourBar_14").height()
    assert ten == pytest.approx(3 * two) and find(ui, "hourBar_9").height() == 0
    assert find(ui, "todaySessions").property("text") == "4"
    assert find(ui, "languageShare_ko").property("text") == "한국어 100%"
    # Durations in minutes and seconds, in the panel's language.
    assert find(ui, "todayMeanSession").property("text") == "1분 30초"
    assert find(ui, "cornerFigures_clean-valleys").property("text") == (
        "방문 4회 · 8분 · 영상 1회 중 1회 끝까지"
    )


def test_export_writes_the_files_and_names_them(qtbot, staff_kiosk, tmp_path, run_cli) -> None:
    ui = staff_kiosk()
    log = InteractionLog(log_path(ui.installer.data_dir))
    log.record("session_start")
    log.record("session_end", detail="idle", value=30)
    log.close()
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "export")
    export = ui.staff.pages.export
    with qtbot.waitSignal(export.exported, timeout=10_000):
        export.export_to(tmp_path / "stick")
    written = export.last().written
    names = sorted(path.name for path in written)
    assert names == ["daily_summary.csv", "events.csv", "export.json", "today_summary.csv"]
    assert all(path.is_file() and path.stat().st_size > 0 for path in written)
    # Named by the kiosk, in its folder's name and in every row, for the hall's report.
    kiosk = ui.staff.pages.status.property("kioskName") or KioskConfig().name()
    assert written[0].parent.name.startswith(f"gyeonggi-kiosk-{kiosk}-")
    assert json.loads((written[0].parent / "export.json").read_text())["kiosk"] == kiosk
    assert (
        (written[0].parent / "events.csv")
        .read_text(encoding="utf-8-sig")
        .splitlines()[1]
        .endswith(f",{kiosk}")
    )
    message = find(ui, "exportResult").property("text")
    assert "events.csv" in message and "today_summary.csv" in message
    # The command writes the same files.
    command = run_cli(
        "--data-dir",
        ui.installer.data_dir,
        "stats",
        "export",
        "--out",
        tmp_path / "cli",
        "--with-log",
    )
    assert command.returncode == 0, command.stderr
    cli = sorted(p.name for p in (tmp_path / "cli").glob("*/*") if p.suffix in (".csv", ".json"))
    assert cli == names, command.stdout


def test_no_stick_is_said_plainly(qtbot, staff_kiosk) -> None:
    ui = staff_kiosk()
    ui.watcher.sticks = lambda: []  # no stick in this test, whatever the machine has mounted
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "export")
    with qtbot.waitSignal(ui.staff.pages.export.exported):
        tap(ui, find(ui, "exportButton"))
    # Beside the button, not in the line under the page.
    assert "USB를 찾지 못했습니다" in find(ui, "exportResult").property("text")
    assert shown(ui, "exportResult") and not shown(ui, "staffResult")


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.EROFS, "USB 메모리 “STICK”에 쓸 수 없습니다: 잠겨 있거나 읽기 전용입니다."),
        (errno.ENOSPC, "USB 메모리 “STICK”이(가) 가득 찼습니다"),
        (errno.EIO, "USB 메모리 “STICK”에 저장하지 못했습니다"),
    ],
    ids=["locked", "full", "other"],
)
def test_a_stick_that_cannot_be_written_is_named_with_what_to_do(
    qtbot, staff_kiosk, tmp_path, monkeypatch, caplog, number: int, words: str
) -> None:
    """In plain words beside the button, the stick named; the technical line in the log;
    gone when the panel opens again."""
    from kiosk.bridge.staff import export_page
    from kiosk.errors import KioskError

    def refuses(_data_dir: Path, destination: Path, kiosk_name: str = "") -> list[Path]:
        cause = OSError(number, os.strerror(number))
        raise KioskError(f"cannot write to {destination}: {cause.strerror}") from cause

    monkeypatch.setattr(export_page, "export_for_staff", refuses)
    ui = staff_kiosk()
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "export")
    with qtbot.waitSignal(ui.staff.pages.export.exported, timeout=10_000):
        ui.staff.pages.export.export_to(tmp_path / "STICK")
    assert words in find(ui, "exportResult").property("text")
    assert "cannot write to" not in find(ui, "exportResult").property("text")
    assert f"cannot write to {tmp_path / 'STICK'}" in caplog.text
    tap(ui, find(ui, "staffClose"))
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "export")
    assert not shown(ui, "exportResult")


def test_rollback_from_the_panel_shows_the_previous_content(
    qtbot, staff_kiosk, manifest_dir: Path, tmp_path: Path
) -> None:
    ui = staff_kiosk()
    ui.installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", None), approved=True)
    ui.installer.install(build(manifest_dir, tmp_path / "b.kpkg", "1.3", None), approved=True)
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "content")
    tap(ui, find(ui, "rollbackButton"))
    active, _previous = ui.installer.installed()
    assert active is not None and "-1.2-" in active.name
    assert ui.exhibit.content.version == "1.2"
    assert "이전 콘텐츠" in find(ui, "staffResultText").property("text")


def test_install_from_the_panel(qtbot, staff_kiosk, manifest_dir: Path, tmp_path: Path) -> None:
    """A package in a drop folder is listed; Install installs it (staff approved it by
    entering the panel) and it waits for the visitor to finish."""
    drop = tmp_path / "drop"
    drop.mkdir()
    build(manifest_dir, drop / "hall.kpkg", "2.0", None)
    ui = staff_kiosk(drop_folders=[drop])
    # The watcher finds it first: unsigned, it waits for staff.
    approval = ui.watcher.Notice.Approval.value
    qtbot.waitUntil(lambda: ui.watcher.property("notice") == approval, timeout=20_000)
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "content")
    assert [p.name for p in ui.staff.pages.content.found.rows()] == ["hall.kpkg"]
    tap(ui, find(ui, "installFound_0"))
    qtbot.waitUntil(lambda: not ui.watcher.property("busy"), timeout=20_000)
    active, _ = ui.installer.installed()
    assert active is not None and "-2.0-" in active.name
    assert "test.small 2.0" in find(ui, "installResult").property("text")


def test_sound_and_the_show(qtbot, staff_kiosk) -> None:
    """Master volume scales the video's sound; mute silences it; attract starts at once."""
    ui = staff_kiosk()
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "sound")
    tap(ui, find(ui, "masterDown"))
    tap(ui, find(ui, "masterDown"))
    assert find(ui, "videoPanel").property("masterVolume") == pytest.approx(0.8)
    tap(ui, find(ui, "muteAll"))
    assert find(ui, "videoPanel").property("masterVolume") == 0
    tap(ui, find(ui, "testPatternButton"))
    qtbot.waitUntil(lambda: shown(ui, "testPattern"))
    tap(ui, find(ui, "testPattern"))
    qtbot.waitUntil(lambda: not shown(ui, "testPattern"))
    assert find(ui, "noBrightness").isVisible()  # no backlight on this machine
    show_page(qtbot, ui, "show")
    tap(ui, find(ui, "startAttractButton"))
    attract = VisitorSession.State.Attract.value
    qtbot.waitUntil(lambda: ui.session.property("state") == attract)
    assert not shown(ui, "staffPanel")


def test_quit_needs_a_confirmation(qtbot, staff_kiosk) -> None:
    ui = staff_kiosk()
    open_panel(qtbot, ui)
    quits: list[bool] = []
    ui.staff.pages.show.quitRequested.connect(lambda: quits.append(True))
    show_page(qtbot, ui, "show")
    tap(ui, find(ui, "quitButton"))
    qtbot.waitUntil(lambda: shown(ui, "confirmQuitButton"))
    assert quits == []
    tap(ui, find(ui, "confirmQuitButton"))
    assert quits == [True] and ui.exits == [0]  # the application ends


def test_restart_ends_the_run_with_the_restart_code(qtbot, staff_kiosk) -> None:
    """The command line then starts the kiosk again (``run`` re-executes itself)."""
    ui = staff_kiosk()
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "show")
    tap(ui, find(ui, "restartButton"))
    assert ui.exits == [0] and ui.restart_requested


@pytest.mark.screenshots
def test_panel_screenshots(qtbot, staff_kiosk, artifacts: Path) -> None:
    """The PIN pad and each page, for people to look at."""
    ui = staff_kiosk()
    log = InteractionLog(log_path(ui.installer.data_dir))
    today = datetime.now().replace(minute=0, second=0, microsecond=0)
    for hour, count in ((9, 2), (10, 5), (11, 7), (13, 4), (14, 6), (15, 3), (17, 1)):
        for visit in range(count):
            at = today.replace(hour=hour, minute=visit * 7).timestamp()
            log.record("session_start", at=at)
            corner = ("public-delivery-app", "northeast-relocation", "clean-valleys")[visit % 3]
            log.record("corner_view", at=at + 30, corner_id=corner, value=45 + visit * 10)
            if visit % 2:
                log.record("language_switch", at=at + 40, detail="en")
            log.record("session_end", at=at + 80, detail="idle", value=80)
    log.close()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    corner_taps(ui, 5)
    qtbot.waitUntil(lambda: shown(ui, "staffEntry"))
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "staff-pin-pad.png")
    enter(ui, PIN)
    qtbot.waitUntil(lambda: shown(ui, "staffPanel"))
    for page in ("status", "content", "today", "export", "sound", "show"):
        show_page(qtbot, ui, page)
        settled(qtbot, ui)
        save_screenshot(ui, artifacts / f"staff-{page}.png")


@pytest.mark.parametrize("trusting", [True, False], ids=["key trusted", "key not trusted"])
def test_status_page_names_a_signer_only_when_its_key_is_trusted(
    qtbot, staff_kiosk, manifest_dir: Path, tmp_path: Path, trusting: bool, artifacts: Path
) -> None:
    key = tmp_path / "office" / "editor.key"
    trusted = generate_key(key)
    keys = [public_line(trusted.public_key)] if trusting else []
    ui = staff_kiosk(trusted_keys=keys)
    ui.installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key), approved=True)
    open_panel(qtbot, ui)
    active = card(ui, "active")
    page_text = " ".join(str(item.property("text")) for item in _texts(find(ui, "staffStatusPage")))
    if trusting:
        assert (signature(active), active.property("signer")) == ("Signed", trusted.key_id)
        assert f"서명: {trusted.key_id}" in page_text
    else:
        assert (signature(active), active.property("signer")) == ("Untrusted", "")
        assert "이 키오스크가 신뢰하지 않는 키로 서명됨" in page_text
        assert trusted.key_id not in page_text
    ui.window.grabWindow().save(str(artifacts / f"staff-status-signed-{trusting}.png"))


@pytest.mark.parametrize(
    ("seconds", "korean", "english"),
    [
        (45, "45초", "45 s"),
        (219, "3분 39초", "3 min 39 s"),
        (420, "7분", "7 min"),
        (7500, "2시간 05분", "2 h 05 min"),
        (90_000, "1일 1시간", "1 d 1 h"),
    ],
)
def test_durations_read_in_the_panels_language(
    qtbot, staff_kiosk, seconds: int, korean: str, english: str
) -> None:
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    ui = staff_kiosk()
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "today")
    inside_the_panel = find(ui, "todaySessions")
    context = QQmlEngine.contextForObject(inside_the_panel)

    def words() -> str:
        expression = QQmlExpression(context, inside_the_panel, f"Durations.words({seconds})")
        value, undefined = expression.evaluate()
        assert not undefined
        return str(value)

    assert words() == korean
    ui.exhibit.set_language("en")
    assert words() == english


def test_recent_problems_are_plain_sentences_in_the_panels_language(
    qtbot, staff_kiosk, artifacts: Path
) -> None:
    """Staff read what happened to which thing and what to do, in Korean or English; the
    technical line (a QML file's address, FFmpeg's words) stays in the log."""
    ui = staff_kiosk()
    handler = attach_notices_file(ui.installer.data_dir)
    assert handler is not None
    problem_log = logging.getLogger("kiosk.test")
    try:
        problem_log.warning(
            "FFmpeg error description: Invalid data found when processing input",
            extra=notice(
                Notice.VIDEO_UNPLAYABLE, {"ko": "경기도 공공배달앱", "en": "Public Delivery App"}
            ),
        )
        problem_log.warning(
            "export failed: [Errno 28]", extra=notice(Notice.EXPORT_FAILED, "KINGSTON")
        )
        for _ in range(2):
            problem_log.warning('file:///ui/Main.qml:12: Binding loop detected for property "x"')
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    open_panel(qtbot, ui)

    def found() -> list:
        return [
            item
            for item in descendants(find(ui, "recentProblems"))
            if item.objectName() == "problemSentence"
        ]

    def sentences() -> list[str]:
        """The sentences as they read, top to bottom."""
        ordered = sorted(found(), key=lambda item: scene_rect(item).y())
        return [str(item.property("text")) for item in ordered]

    # Laid out: each problem in its own place (the order on screen is what staff read).
    qtbot.waitUntil(lambda: len({scene_rect(item).y() for item in found()}) == 3)
    korean = sentences()
    assert len(korean) == 3, korean
    assert "기술적인 문제" in korean[0]
    assert "“KINGSTON”" in korean[1] and "다시 내보내세요" in korean[1]
    assert "“경기도 공공배달앱” 코너의 영상" in korean[2]
    page = " ".join(str(item.property("text")) for item in _texts(find(ui, "staffStatusPage")))
    assert "연속 2회" in page
    for technical in ("file://", "FFmpeg", "Errno", "Binding loop"):
        assert technical not in page, technical
    ui.window.grabWindow().save(str(artifacts / "staff-status-problems-ko.png"))
    ui.exhibit.set_language("en")
    qtbot.waitUntil(lambda: "“Public Delivery App”" in " ".join(sentences()))
    assert all(sentence.isascii() or "“" in sentence for sentence in sentences())
    ui.window.grabWindow().save(str(artifacts / "staff-status-problems-en.png"))


def test_every_kind_of_problem_has_words_of_its_own(make_kiosk) -> None:
    """A notice kind the panel had no sentence for would fall back to "technical problem"."""
    ui = make_kiosk()
    component = QQmlComponent(ui.engine)
    component.setData(
        b"import QtQuick\nimport staff\n"
        b"QtObject { property var kinds: []\n"
        b"  readonly property var words: kinds.map(\n"
        b'    kind => ProblemWords.sentence(kind, {"": "x"}, "en")) }',
        QUrl(),
    )
    kinds = [kind.value for kind in Notice]
    words = component.createWithInitialProperties({"kinds": kinds})
    assert words is not None, component.errorString()
    sentences = dict(zip(kinds, words.property("words").toVariant(), strict=True))
    technical = sentences.pop(Notice.TECHNICAL.value)
    assert all(sentence != technical for sentence in sentences.values()), sentences
    assert len(set(sentences.values())) == len(sentences)
