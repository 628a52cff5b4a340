"""Nothing on a stick reaches outside it: only regular package files are read, never more
than their size, and the kiosk's report is never written through a link or over a file that
is not its own. Each refusal leaves every file of the data folder as it was."""

from __future__ import annotations

import csv
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.analytics.log import InteractionLog
from kiosk.analytics.stats import export_csv
from kiosk.content.builder import build_package
from kiosk.install.discovery import REPORT_HEADING, find_packages, write_report
from kiosk.install.installer import Installer, InstallError, PackageStillChangingError
from tests.manifests import write_manifest
from tests.tampering import snapshot


@pytest.fixture
def package(manifest_dir: Path, tmp_path: Path) -> Path:
    return build_package(write_manifest(manifest_dir), tmp_path / "hall.kpkg").path


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    (folder / "kiosk").mkdir(parents=True)
    return folder


@pytest.fixture
def booth(tmp_path: Path, package: Path) -> Installer:
    installer = Installer(tmp_path / "data")
    installer.install(package, approved=True)
    return installer


def test_only_regular_package_files_are_offered(stick: Path, package: Path, tmp_path: Path) -> None:
    (stick / "linked.kpkg").symlink_to(package)
    (stick / "endless.kpkg").symlink_to("/dev/zero")
    os.mkfifo(stick / "pipe.kpkg")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "hidden.kpkg").write_bytes(package.read_bytes())
    (stick / "kiosk").rmdir()
    (stick / "kiosk").symlink_to(elsewhere)  # a kiosk/ folder that leads off the stick
    (stick / "real.kpkg").write_bytes(package.read_bytes())
    assert [candidate.path.name for candidate in find_packages([stick])] == ["real.kpkg"]


NOT_REGULAR = ["a link to a package", "a link to a device", "a pipe", "a device"]


@pytest.mark.parametrize(
    "kind", ["a link to a package", "a link to a device", "a pipe", "a device"]
)
def test_a_package_that_is_not_a_regular_file_is_refused(
    booth: Installer, stick: Path, package: Path, kind: str
) -> None:
    offered = stick / "hall.kpkg"
    if kind == "a link to a package":
        offered.symlink_to(package)
    elif kind == "a link to a device":
        offered.symlink_to("/dev/zero")
    elif kind == "a pipe":
        os.mkfifo(offered)
    else:
        offered = Path("/dev/zero")
    before = snapshot(booth.data_dir)
    # A pipe with no writer would block an open or read without O_NONBLOCK: bound the test.
    outcome: list[BaseException | None] = []
    worker = threading.Thread(target=lambda: outcome.append(_refusal(booth, offered)))
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "the install hung on the file"
    (error,) = outcome
    assert isinstance(error, InstallError)
    assert "symbolic link" in str(error) or "not a package file" in str(error)
    assert snapshot(booth.data_dir) == before


def _refusal(installer: Installer, path: Path) -> BaseException | None:
    try:
        installer.install(path, approved=True)
    except BaseException as error:  # the test thread reports what it met
        return error
    return None


def test_a_package_that_grows_while_copied_is_refused(
    booth: Installer, stick: Path, package: Path, manifest_dir: Path
) -> None:
    """Never more than the size the file had when it was opened is read."""
    text = (manifest_dir / "manifest.yaml").read_text().replace('"1.2"', '"1.3"')
    newer = build_package(write_manifest(manifest_dir, text, name="m13.yaml"), stick / "n.kpkg")
    before = snapshot(booth.data_dir)
    grown = False

    def grow(done: int, total: int) -> None:
        nonlocal grown
        if not grown:
            grown = True
            with newer.path.open("ab") as file:
                file.write(b"\0" * 4096)

    with pytest.raises(PackageStillChangingError, match="changed while it was copied"):
        booth.install(newer.path, approved=True, progress=grow)
    assert snapshot(booth.data_dir) == before


def test_a_report_is_never_written_through_a_link(stick: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (stick / "kiosk-report.txt").symlink_to(target)
    assert write_report(stick, ["Installed."]) is None
    assert target.read_text() == "keep me"
    assert (stick / "kiosk-report.txt").is_symlink()


def test_a_report_replaces_only_the_kiosks_own(stick: Path) -> None:
    report = stick / "kiosk-report.txt"
    report.write_text("staff's own notes")
    assert write_report(stick, ["Installed."]) is None
    assert report.read_text() == "staff's own notes"
    report.unlink()
    assert write_report(stick, ["First."]) == report
    assert write_report(stick, ["Second.\x1b[2J"]) == report
    lines = report.read_text().splitlines()
    assert lines == [REPORT_HEADING, "Second.\\x1b[2J"]
    assert [path.name for path in stick.iterdir() if path.name.startswith(".")] == []


def test_exported_cells_never_run_as_formulas(tmp_path: Path) -> None:
    log_file = tmp_path / "interactions.sqlite"
    log = InteractionLog(log_file)
    try:
        log.record("session_start", at=datetime(2026, 10, 26, 10).timestamp())
        log.record(
            "corner_view",
            at=datetime(2026, 10, 26, 10, 1).timestamp(),
            corner_id='=HYPERLINK("http://127.0.0.1/")',
            detail="@SUM(A1)",
            value=-5,
        )
        log.flush()
    finally:
        log.close()
    written = export_csv(log_file, tmp_path / "out")
    for path in written:
        with path.open(encoding="utf-8-sig", newline="") as file:
            for row in csv.reader(file):
                assert not any(cell.startswith(("=", "+", "@")) for cell in row), (path, row)
    events = (tmp_path / "out" / "events.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in events and "'@SUM(A1)" in events
    assert ",-5" in events  # a number stays a number


def test_a_package_with_a_journal_beside_it_or_in_wal_mode_is_refused(
    package: Path, tmp_path: Path, run_cli
) -> None:
    """A package is one file: a journal or WAL beside it could change what is read."""
    beside = tmp_path / "journal" / "hall.kpkg"
    beside.parent.mkdir()
    beside.write_bytes(package.read_bytes())
    (beside.parent / "hall.kpkg-journal").write_bytes(b"\0" * 512)
    shown = run_cli("package", "verify", beside)
    assert shown.returncode == 1 and "hall.kpkg-journal lies beside it" in shown.stderr
    wal = tmp_path / "wal.kpkg"
    wal.write_bytes(package.read_bytes())
    with sqlite3.connect(wal) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    shown = run_cli("package", "verify", wal)
    assert shown.returncode == 1 and "WAL mode" in shown.stderr


def test_a_file_name_with_control_sequences_is_printed_escaped(
    package: Path, stick: Path, run_cli
) -> None:
    odd = stick / "hall\x1b]0;owned\x07.kpkg"
    odd.write_bytes(b"not a package")
    shown = run_cli("package", "verify", odd)
    assert shown.returncode == 1
    assert "\x1b" not in shown.stderr and "\\x1b]0;owned\\x07" in shown.stderr
