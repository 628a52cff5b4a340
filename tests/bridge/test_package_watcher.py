"""New content from a drop folder (as from a USB stick): installed in the background,
switched in at a quiet moment, with a report written back beside the package."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6

from kiosk.bridge import package_watcher
from kiosk.bridge.package_watcher import PackageWatcher
from kiosk.composition import KioskUi
from kiosk.config import KioskConfig
from kiosk.content.builder import build_package
from kiosk.content.signing import generate_key, public_line
from kiosk.install.discovery import Candidate
from kiosk.install.installer import Installer
from tests.bridge.ui import find, shown, tap
from tests.manifests import write_manifest


def notice(ui: KioskUi) -> str:
    """The notice about new content, by name (Quiet, Installing, Ready, Approval, …)."""
    return PackageWatcher.Notice(ui.watcher.property("notice")).name


@pytest.fixture
def setup(make_kiosk, manifest_dir: Path, tmp_path: Path) -> tuple[KioskUi, Path, Path]:
    """A kiosk on the demo in its attract loop, watching a drop folder, trusting one key;
    a signed package."""
    key = generate_key(tmp_path / "editor.key")
    signed = tmp_path / "new.kpkg"
    build_package(write_manifest(manifest_dir), signed, sign_key=tmp_path / "editor.key")
    drop = tmp_path / "drop"
    drop.mkdir()
    config = KioskConfig(drop_folders=[drop], trusted_keys=[public_line(key.public_key)])
    return make_kiosk(config, installs=True, visitor=False), drop, signed


def test_new_content_switches_in_while_nobody_is_here(qtbot, setup) -> None:
    """In the attract loop, a new package shows within moments, without a restart."""
    ui, drop, signed = setup
    assert ui.exhibit.property("hallTitle") == "경기도관"
    (drop / "kiosk").mkdir()
    (drop / "kiosk" / "hall.kpkg").write_bytes(signed.read_bytes())
    assert ui.watcher is not None
    ui.watcher.scan()
    qtbot.waitUntil(lambda: ui.exhibit.property("hallTitle") == "시험관", timeout=15_000)
    assert notice(ui) == "Ready"
    assert "Installed test.small 1.2" in (drop / "kiosk" / "kiosk-report.txt").read_text()
    ui.session.touched()
    qtbot.waitUntil(lambda: find(ui, "cornerTile_one") is not None)


def test_new_content_waits_for_the_visitor_to_leave(qtbot, setup) -> None:
    """During a visit the new content waits; it shows when the session ends."""
    ui, drop, signed = setup
    ui.session.touched()
    ui.exhibit.openCorner("clean-valleys")
    (drop / "hall.kpkg").write_bytes(signed.read_bytes())
    ui.watcher.scan()
    qtbot.waitUntil(lambda: notice(ui) == "Ready", timeout=15_000)
    assert ui.exhibit.property("currentCornerId") == "clean-valleys"
    assert ui.exhibit.property("hallTitle") == "경기도관"
    ui.session.startAttract()
    assert ui.exhibit.property("hallTitle") == "시험관"
    qtbot.waitUntil(lambda: shown(ui, "attractView"))


def test_a_broken_package_is_reported_and_nothing_changes(qtbot, setup) -> None:
    """A damaged file: a notice, a report on the stick, the same content on screen."""
    ui, drop, _signed = setup
    (drop / "broken.kpkg").write_bytes(b"not a package" * 500)
    ui.watcher.scan()
    qtbot.waitUntil(lambda: notice(ui) == "Failed", timeout=15_000)
    assert ui.exhibit.property("hallTitle") == "경기도관"
    report = (drop / "kiosk-report.txt").read_text()
    assert "Not installed: broken.kpkg" in report and "not a content package" in report
    assert shown(ui, "contentNotice")


def test_two_sticks_at_once_are_handled_one_after_the_other(
    qtbot, setup, manifest_dir: Path, tmp_path: Path
) -> None:
    """Two packages found together: one installs, then the other."""
    ui, drop, signed = setup
    newer = tmp_path / "newer.kpkg"
    text = write_manifest(manifest_dir).read_text().replace('version: "1.2"', 'version: "1.3"')
    build_package(
        write_manifest(manifest_dir, text, "newer.yaml"), newer, sign_key=tmp_path / "editor.key"
    )
    (drop / "a.kpkg").write_bytes(signed.read_bytes())
    (drop / "b.kpkg").write_bytes(newer.read_bytes())
    installed: list[str] = []
    ui.watcher.packageInstalled.connect(installed.append)
    ui.watcher.scan()
    ui.watcher.scan()  # busy with the first: the second waits its turn
    qtbot.waitUntil(lambda: not ui.watcher.property("busy"), timeout=15_000)
    # The newest file first (1.3, installed), then the other (1.2, older: staff decide).
    assert len(installed) == 1 and "-1.3-" in Path(installed[0]).name
    ui.watcher.scan()
    qtbot.waitUntil(lambda: notice(ui) == "Approval", timeout=15_000)
    assert len(installed) == 1


@pytest.fixture
def unsigned_setup(make_kiosk, manifest_dir: Path, tmp_path: Path) -> tuple[KioskUi, Path, Path]:
    """A visitor at a kiosk with a staff PIN (246802) and no trusted keys; an unsigned
    package."""
    from kiosk.staff.pin import hash_pin

    unsigned = tmp_path / "unsigned.kpkg"
    build_package(write_manifest(manifest_dir), unsigned)
    drop = tmp_path / "drop"
    drop.mkdir()
    config = KioskConfig(drop_folders=[drop], staff_pin_hash=hash_pin("246802"))
    return make_kiosk(config, installs=True), drop, unsigned


def _enter(ui: KioskUi, pin: str) -> None:
    for digit in pin:
        tap(ui, find(ui, f"pinKey_{digit}"))
    tap(ui, find(ui, "pinKey_ok"))


def test_an_unsigned_package_installs_after_the_staff_pin(
    qtbot, unsigned_setup, artifacts: Path
) -> None:
    """The notice asks for staff; a wrong PIN is refused; the right one installs."""
    ui, drop, unsigned = unsigned_setup
    (drop / "hall.kpkg").write_bytes(unsigned.read_bytes())
    ui.watcher.scan()
    qtbot.waitUntil(lambda: notice(ui) == "Approval", timeout=15_000)
    assert ui.watcher.property("approvalReason") == PackageWatcher.ApprovalReason.NotTrusted.value
    assert ui.watcher.property("approvalTitle")["ko"] == "시험관"
    tap(ui, find(ui, "contentNotice"))
    qtbot.waitUntil(lambda: shown(ui, "staffApproval"))
    words = find(ui, "staffApproval").property("description")
    assert "“시험관”(버전" in words and "신뢰하는 키로 서명되지 않았습니다" in words
    assert ui.exhibit.property("currentCornerId") == ""  # the tap reached nothing beneath
    _enter(ui, "111111")
    assert find(ui, "pinProblem").property("visible")
    ui.window.grabWindow().save(str(artifacts / "staff-approval.png"))
    assert notice(ui) == "Approval"
    progress: list[float] = []
    ui.watcher.progressChanged.connect(lambda: progress.append(ui.watcher.property("progress")))
    _enter(ui, "246802")
    qtbot.waitUntil(lambda: not shown(ui, "staffApproval"))
    qtbot.waitUntil(lambda: notice(ui) == "Ready", timeout=15_000)
    assert progress and progress[-1] == 1.0  # the copy's progress was shown
    # Staff approved it at the screen: it shows at once, even during a visit.
    assert ui.exhibit.property("hallTitle") == "시험관"


def test_staff_can_decline(qtbot, unsigned_setup) -> None:
    """'Do not install' leaves the content as it is and clears the notice."""
    ui, drop, unsigned = unsigned_setup
    (drop / "hall.kpkg").write_bytes(unsigned.read_bytes())
    ui.watcher.scan()
    qtbot.waitUntil(lambda: notice(ui) == "Approval", timeout=15_000)
    tap(ui, find(ui, "contentNotice"))
    qtbot.waitUntil(lambda: shown(ui, "staffApproval"))
    tap(ui, find(ui, "pinCancel"))
    qtbot.waitUntil(lambda: not shown(ui, "staffApproval"))
    assert notice(ui) == "Quiet"
    assert ui.exhibit.property("hallTitle") == "경기도관"


def test_a_poll_answering_after_the_kiosk_closed_goes_nowhere(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kiosk closes while a poll of the volumes is still under way: its late answer
    is dropped, with no error in its thread."""
    asked, release = threading.Event(), threading.Event()

    def slow_find(roots: list[Path]) -> list[Candidate]:
        asked.set()
        release.wait(10)
        return []

    monkeypatch.setattr(package_watcher, "find_packages", slow_find)
    watcher = PackageWatcher(Installer(tmp_path / "data", []), [tmp_path], poll_ms=10)
    watcher.start()
    qtbot.waitUntil(asked.is_set, timeout=5000)  # the first poll is under way
    watcher.stop()  # waits a moment for the poll, then goes on without it
    shiboken6.delete(watcher)
    release.set()
    for thread in threading.enumerate():
        if thread.name == "package-poll":
            thread.join(5)


def test_a_package_still_being_written_is_taken_only_once_whole(
    qtbot, make_kiosk, manifest_dir: Path, tmp_path: Path
) -> None:
    """A writer (a copy over a slow network, a sync tool without temporary files) puts a
    signed package into the drop folder in pieces, pausing longer than the watcher's look:
    nothing is installed half-way and nothing is said to have failed; once it stays the
    same it is installed, and the report, in the report folder, names the kiosk."""
    key = generate_key(tmp_path / "editor.key")
    signed = tmp_path / "new.kpkg"
    build_package(write_manifest(manifest_dir), signed, sign_key=tmp_path / "editor.key")
    drop, reports = tmp_path / "drop", tmp_path / "reports"
    drop.mkdir()
    reports.mkdir()
    config = KioskConfig(drop_folders=[drop], trusted_keys=[public_line(key.public_key)],
                         report_folder=reports, kiosk_name="entrance")  # fmt: skip
    ui = make_kiosk(config, installs=True, visitor=False, poll_ms=50)
    notices: list[str] = []
    ui.watcher.noticeChanged.connect(lambda: notices.append(notice(ui)))
    data = signed.read_bytes()
    pieces = [
        data[start : start + len(data) // 6 + 1]
        for start in range(0, len(data), len(data) // 6 + 1)
    ]

    def write_slowly() -> None:
        with (drop / "hall.kpkg").open("wb") as file:
            for piece in pieces:
                file.write(piece)
                file.flush()
                threading.Event().wait(0.3)  # several looks see it grow

    writer = threading.Thread(target=write_slowly)
    writer.start()
    qtbot.waitUntil(lambda: ui.exhibit.property("hallTitle") == "시험관", timeout=30_000)
    writer.join()
    assert "Failed" not in notices and "Damaged" not in notices, notices
    report = (reports / "entrance-report.txt").read_text(encoding="utf-8")
    assert "Kiosk entrance, " in report and "Installed test.small 1.2 (hall.kpkg)" in report
    assert not (drop / "kiosk-report.txt").exists()  # the synced folder is only received
