"""The bridge's objects on their own, without a window or a QML engine: what each one
decides and tells QML, through the properties, slots and signals QML uses."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.analytics.log import InteractionLog, log_path
from kiosk.bridge.captions import CaptionTrack
from kiosk.bridge.package_watcher import PackageWatcher
from kiosk.bridge.record_model import RecordListModel
from kiosk.bridge.session_lifecycle import SessionLifecycle
from kiosk.bridge.sound import Sound
from kiosk.bridge.staff.access import StaffAccess
from kiosk.bridge.staff.export_page import ExportPage
from kiosk.bridge.staff.outcome import StaffOutcome
from kiosk.bridge.staff.status_page import PackageCard, StatusPage
from kiosk.bridge.staff.today_page import CornerFigures, TodayPage
from kiosk.content.captions import Cue
from kiosk.install.installer import Installer
from kiosk.staff.pin import PinGate, hash_pin
from tests.install.test_installer import build

PIN = "246802"
Result = StaffAccess.PinResult
Pad = StaffAccess.Pad


class Approvals:
    """A package waiting for approval, or none."""

    def __init__(self, waiting: bool = True) -> None:
        self.waiting = waiting
        self.approved = 0
        self.declined = 0

    def approve_waiting(self) -> bool:
        if not self.waiting:
            return False
        self.waiting = False
        self.approved += 1
        return True

    def dismissApproval(self) -> None:
        self.waiting = False
        self.declined += 1


def access_with(approvals: Approvals | None = None, pin: str | None = PIN) -> StaffAccess:
    now = [1000.0]
    gate = PinGate(hash_pin(pin) if pin else None, lambda: now[0])
    return StaffAccess(gate, idle_seconds=60, approvals=approvals)


# -- StaffAccess: one place decides every PIN


def test_the_pad_opens_the_panel_with_the_right_pin_only(qapp) -> None:
    access = access_with()
    access.requestEntry()
    assert access.property("pad") == Pad.Entry.value and access.property("pinPadOpen")
    assert Result(access.submitPin("111111")) is Result.Wrong
    assert access.property("pinPadOpen") and not access.property("panelOpen")
    assert Result(access.submitPin(PIN)) is Result.Accepted
    assert access.property("pad") == Pad.Closed.value and access.property("panelOpen")


def test_approval_goes_through_the_same_pin_check(qapp) -> None:
    """Wrong PINs for an approval count toward the same lock as for the panel."""
    approvals = Approvals()
    access = access_with(approvals)
    access.requestApproval()
    assert access.property("pad") == Pad.Approval.value
    tries = [Result(access.submitPin("000000")) for _ in range(5)]
    assert tries[-1] is Result.Locked and approvals.approved == 0
    access.cancelPad()
    assert approvals.declined == 1 and not access.property("pinPadOpen")
    access.requestEntry()
    assert Result(access.submitPin(PIN)) is Result.Locked  # the same lock
    assert access.property("lockedSeconds") == 60


def test_an_approval_installs_what_waits(qapp) -> None:
    approvals = Approvals()
    access = access_with(approvals)
    access.requestApproval()
    assert Result(access.submitPin(PIN)) is Result.Accepted
    assert approvals.approved == 1 and not access.property("panelOpen")


def test_an_approval_after_the_package_went_says_so(qapp) -> None:
    approvals = Approvals(waiting=False)
    access = access_with(approvals)
    access.requestApproval()
    assert Result(access.submitPin(PIN)) is Result.NothingWaiting
    assert not access.property("pinPadOpen")


def test_a_kiosk_without_a_pin_says_so(qapp) -> None:
    access = access_with(pin=None)
    access.requestEntry()
    assert Result(access.submitPin(PIN)) is Result.NoPin


def test_the_panel_closes_when_idle_and_takes_the_test_pattern_with_it(qtbot) -> None:
    gate = PinGate(hash_pin(PIN), lambda: 0.0)
    access = StaffAccess(gate, idle_seconds=0.05)
    closed: list[bool] = []
    access.before_close(lambda: closed.append(True))
    access.requestEntry()
    access.submitPin(PIN)
    with qtbot.waitSignal(access.panelOpenChanged, timeout=2000):
        pass
    assert not access.property("panelOpen") and closed == [True]


def test_pin_attempts_are_logged_without_the_pin(qapp, caplog) -> None:
    caplog.set_level(logging.INFO)
    access = access_with()
    access.requestEntry()
    access.submitPin("864209")
    access.submitPin(PIN)
    assert "wrong staff PIN" in caplog.text and "staff panel opened" in caplog.text
    assert "864209" not in caplog.text and PIN not in caplog.text


# -- the session's end, the sound, captions, lists


def test_the_session_end_runs_every_step_in_order_even_past_a_failing_one(qtbot, caplog) -> None:
    from PySide6.QtCore import QObject, Signal

    class Session(QObject):
        sessionEnded = Signal(str)

    session = Session()
    lifecycle = SessionLifecycle(session)  # type: ignore[arg-type]
    done: list[str] = []

    def fails() -> None:
        raise RuntimeError("broken step")

    lifecycle.at_session_end("first", lambda: done.append("first"))
    lifecycle.at_session_end("broken", fails)
    lifecycle.at_session_end("last", lambda: done.append("last"))
    session.sessionEnded.emit("idle")
    assert done == ["first", "last"]
    assert "broken failed" in caplog.text
    assert lifecycle.steps() == ["first", "broken", "last"]


def test_the_sound_is_clamped_and_mute_silences_it(qtbot) -> None:
    sound = Sound()
    changes: list[bool] = []
    sound.changed.connect(lambda: changes.append(True))
    sound.setProperty("volume", 1.7)
    assert sound.property("volume") == 1.0 and changes == []  # already 1: nothing emitted
    sound.setProperty("volume", 0.456)
    assert sound.property("volume") == pytest.approx(0.46)
    sound.setProperty("muted", True)
    assert sound.property("masterVolume") == 0 and sound.property("volume") > 0
    sound.setProperty("muted", False)
    assert sound.property("masterVolume") == pytest.approx(0.46)
    assert len(changes) == 3


def test_captions_give_the_cue_at_a_position(qapp) -> None:
    track = CaptionTrack()
    assert track.property("cueCount") == 0 and track.textAt(500) == ""
    track.show([Cue(2000, 3000, "둘째"), Cue(0, 1000, "첫째"), Cue(2500, 4000, "겹침")])
    assert track.property("cueCount") == 3
    assert [track.textAt(t) for t in (0, 999, 1000, 2600, 3500, 4000)] == [
        "첫째",
        "첫째",
        "",
        "둘째",  # of two cues at once, the one begun first
        "겹침",
        "",
    ]


def test_a_record_list_is_a_well_behaved_model(qtmodeltester) -> None:
    model: RecordListModel[CornerFigures] = RecordListModel(CornerFigures)
    model.replace([CornerFigures("a", "가", 1, 60, 2, 1), CornerFigures("b", "나", 0, 0, 0, 0)])
    assert model.property("count") == 2
    assert list(model.roleNames().values())[3].data() == b"dwellSeconds"
    qtmodeltester.check(model)


# -- staff pages read in the background


def test_the_status_page_reads_the_installed_packages(
    qtbot, manifest_dir: Path, tmp_path: Path
) -> None:
    installer = Installer(tmp_path / "data")
    installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", None), approved=True)
    installer.install(build(manifest_dir, tmp_path / "b.kpkg", "1.3", None), approved=True)
    page = StatusPage(tmp_path / "data", [])
    assert not page.property("loaded")
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    active, previous = page.active, page.previous
    assert (active.property("packageId"), active.property("version")) == ("test.small", "1.3")
    assert previous.property("version") == "1.2" and previous.property("present")
    assert active.property("signature") == PackageCard.Signature.Unsigned.value
    assert page.property("freeSpace").endswith("B") and page.property("loaded")
    page.stop()


def test_the_today_page_counts_the_days_sessions(qtbot, tmp_path: Path) -> None:
    log = InteractionLog(log_path(tmp_path))
    noon = datetime(2026, 12, 1, 12, 0).timestamp()
    for minute in (0, 10):
        log.record("session_start", at=noon + minute * 60)
        log.record("session_end", at=noon + minute * 60 + 30, detail="idle", value=30)
    log.close()
    page = TodayPage(tmp_path, lambda: {"one": "첫째"}, today=lambda: date(2026, 12, 1))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    assert page.property("sessions") == 2 and page.property("meanSeconds") == 30
    assert page.property("busiestHour") == 2
    assert [row.title for row in page.figures().corners] == ["첫째"]
    page.stop()


def test_the_export_page_says_when_there_is_no_stick(qtbot, tmp_path: Path) -> None:
    outcome = StaffOutcome()
    page = ExportPage(tmp_path, lambda: [], outcome)
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.exportStats()
    assert outcome.property("kind") == StaffOutcome.Kind.NoStick.value
    assert not page.property("busy")
    page.stop()


# -- the package watcher


def test_the_watcher_polls_at_the_interval_it_is_given(
    qtbot, manifest_dir: Path, tmp_path: Path
) -> None:
    """Not started: it looks nowhere; started, it finds a package within its interval."""
    drop = tmp_path / "drop"
    drop.mkdir()
    build(manifest_dir, drop / "hall.kpkg", "2.0", None)
    watcher = PackageWatcher(Installer(tmp_path / "data"), [drop], poll_ms=20)
    with qtbot.waitSignal(watcher.noticeChanged, timeout=20_000):
        watcher.start()
    assert watcher.property("notice") == PackageWatcher.Notice.Installing.value
    qtbot.waitUntil(lambda: not watcher.property("busy"), timeout=20_000)
    # Unsigned, from a drop folder: it waits for staff.
    assert watcher.property("notice") == PackageWatcher.Notice.Approval.value
    assert "hall.kpkg" in [c.path.name for c in watcher.found()]
    watcher.stop()
