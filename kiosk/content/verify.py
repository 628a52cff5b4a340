"""Checking a content package completely: structure, every byte, the manifest digest.

A full check reads every media byte, so it is for ``package verify``, for installing, and
for the kiosk's background check; opening a package for the show uses the cheap checks of
``package.check_package_file``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from kiosk.content.digest import compute_manifest_digest
from kiosk.content.package import check_package_file
from kiosk.errors import PackageError


@dataclass
class VerificationReport:
    """What a full check found; ``ok`` when it found nothing."""

    path: Path
    problems: list[str] = field(default_factory=list)
    media_checked: int = 0
    bytes_checked: int = 0

    @property
    def ok(self) -> bool:
        """True when the package is whole and consistent."""
        return not self.problems


def verify_package(path: Path, *, media: bool = True) -> VerificationReport:
    """Check everything; raises ``PackageError`` when ``path`` is not a readable package.

    ``media=False`` leaves out the media bytes: installing checks them while it extracts
    them (media_store.py), so each byte is read and hashed once."""
    connection = check_package_file(path)
    report = VerificationReport(path)
    try:
        _check_integrity(connection, report)
        if report.ok:
            if media:
                _check_media(connection, report)
            _check_references(connection, report)
            _check_digest(connection, report)
    except sqlite3.DatabaseError as error:
        report.problems.append(f"the package is damaged ({error})")
    finally:
        connection.close()
    return report


def _check_integrity(connection: sqlite3.Connection, report: VerificationReport) -> None:
    for (message,) in connection.execute("PRAGMA integrity_check"):
        if message != "ok":
            report.problems.append(f"SQLite integrity: {message}")


def _check_media(connection: sqlite3.Connection, report: VerificationReport) -> None:
    media = connection.execute("SELECT sha256, size, name FROM media ORDER BY sha256").fetchall()
    for sha, size, name in media:
        whole = hashlib.sha256()
        length = 0
        expected_seq = 0
        chunks = connection.execute(
            "SELECT seq, sha256, data FROM media_chunk WHERE media_sha256 = ? ORDER BY seq", (sha,)
        )
        for seq, chunk_sha, data in chunks:
            if seq != expected_seq:
                report.problems.append(f"media {name}: chunk {expected_seq} is missing")
                expected_seq = seq
            if hashlib.sha256(data).hexdigest() != chunk_sha:
                report.problems.append(f"media {name}: chunk {seq} does not match its SHA-256")
            whole.update(data)
            length += len(data)
            expected_seq += 1
        if length != size:
            report.problems.append(f"media {name}: {length} bytes stored, {size} expected")
        if whole.hexdigest() != sha:
            report.problems.append(f"media {name}: content does not match its SHA-256")
        report.media_checked += 1
        report.bytes_checked += length
    orphans = connection.execute(
        "SELECT COUNT(*) FROM media_chunk WHERE media_sha256 NOT IN (SELECT sha256 FROM media)"
    ).fetchone()[0]
    if orphans:
        report.problems.append(f"{orphans} media chunks belong to no media item")


def _check_references(connection: sqlite3.Connection, report: VerificationReport) -> None:
    for table, rowid, parent, _index in connection.execute("PRAGMA foreign_key_check"):
        report.problems.append(f"{table} row {rowid} refers to a missing {parent}")


def _check_digest(connection: sqlite3.Connection, report: VerificationReport) -> None:
    stored = connection.execute("SELECT manifest_digest FROM package_info").fetchone()[0]
    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
    with engine.connect() as sa_connection:
        actual = compute_manifest_digest(sa_connection)
    if actual != stored:
        report.problems.append(
            "the manifest digest does not match the content "
            "(the package was changed after it was built)"
        )


__all__ = ["PackageError", "VerificationReport", "verify_package"]
