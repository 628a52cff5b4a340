"""Broken packages are refused with one clear line each, never a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk.content import format_spec
from kiosk.content.package import ContentPackage
from kiosk.content.verify import verify_package
from kiosk.errors import PackageError


@pytest.fixture
def package_copy(demo_package: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo package to damage."""
    copy = tmp_path / "copy.kpkg"
    shutil.copyfile(demo_package, copy)
    return copy


def _one_line_error(run_cli, path: Path, expected: str) -> None:
    for command in ("verify", "info"):
        result = run_cli("package", command, path)
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert expected in lines[0]


def test_a_non_sqlite_file_is_refused(run_cli, tmp_path: Path) -> None:
    """A file that is not SQLite at all."""
    path = tmp_path / "photo.kpkg"
    path.write_bytes(b"\xff\xd8\xff\xe0 a jpeg, perhaps" * 200)
    _one_line_error(run_cli, path, "not a content package (not an SQLite database)")


def test_a_truncated_file_is_refused(run_cli, package_copy: Path) -> None:
    """A copy cut short, as when a USB stick is pulled out during the copy."""
    data = package_copy.read_bytes()
    package_copy.write_bytes(data[: len(data) // 3])
    result = run_cli("package", "verify", package_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "damaged" in result.stderr or "incomplete" in result.stderr


def test_a_file_with_missing_tables_is_refused(run_cli, package_copy: Path) -> None:
    """A package that lacks tables this kiosk needs."""
    with sqlite3.connect(package_copy) as connection:
        connection.execute("DROP TABLE corner")
    _one_line_error(run_cli, package_copy, "missing tables: corner")


def test_another_sqlite_file_is_refused(run_cli, tmp_path: Path) -> None:
    """Some other application's SQLite database."""
    path = tmp_path / "other.kpkg"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    _one_line_error(run_cli, path, "an SQLite file of another kind")


def test_a_newer_schema_version_is_refused(run_cli, package_copy: Path) -> None:
    """A package made by a newer kiosk asks for a software update."""
    newer = format_spec.SCHEMA_VERSION + 1
    with sqlite3.connect(package_copy) as connection:
        connection.execute(f"PRAGMA user_version={newer}")
        connection.execute("UPDATE package_info SET schema_version = ?", (newer,))
    _one_line_error(run_cli, package_copy, f"made for a newer kiosk (package format {newer}")


def test_a_missing_file_is_refused(run_cli, tmp_path: Path) -> None:
    """A path that is not there."""
    _one_line_error(run_cli, tmp_path / "absent.kpkg", "no such file")


def test_a_damaged_chunk_is_found(package_copy: Path) -> None:
    """Bytes changed inside a media chunk are caught by its SHA-256."""
    with sqlite3.connect(package_copy) as connection:
        sha, seq, data = connection.execute(
            "SELECT media_sha256, seq, data FROM media_chunk LIMIT 1"
        ).fetchone()
        damaged = bytes([data[0] ^ 0xFF]) + data[1:]
        connection.execute(
            "UPDATE media_chunk SET data = ? WHERE media_sha256 = ? AND seq = ?",
            (damaged, sha, seq),
        )
    report = verify_package(package_copy)
    assert not report.ok
    assert any("does not match its SHA-256" in problem for problem in report.problems)


def test_changed_text_breaks_the_manifest_digest(run_cli, package_copy: Path) -> None:
    """Editing the content after the build is detected."""
    with sqlite3.connect(package_copy) as connection:
        connection.execute("UPDATE text SET value = 'changed' WHERE key = 'hall.title'")
    result = run_cli("package", "verify", package_copy)
    assert result.returncode == 1
    assert "manifest digest does not match" in result.stderr


def test_the_demo_package_verifies(demo_package: Path) -> None:
    """The shipped demo is whole."""
    report = verify_package(demo_package)
    assert report.ok, report.problems
    assert report.media_checked > 20


def test_open_refuses_what_verify_refuses(tmp_path: Path) -> None:
    """Opening for the show makes the same identity checks."""
    path = tmp_path / "x.kpkg"
    path.write_text("hello")
    with pytest.raises(PackageError, match="not an SQLite database"):
        ContentPackage.open(path)
