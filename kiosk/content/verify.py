"""Checking a content package completely: its structure against the kiosk's schema, every
byte, the manifest digest.

A full check reads every media byte, so it is for ``package verify``, for installing, and
for the kiosk's background check; opening a package for the show uses the cheap checks of
``package.check_package_file``.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from kiosk import limits
from kiosk.content import format_spec
from kiosk.content.digest import compute_manifest_digest
from kiosk.content.package import check_package_file
from kiosk.content.schema import Base
from kiosk.content.structure import structure_problems
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
            # Before any row is read: what the digest does not see must not be there.
            report.problems += structure_problems(connection)
        if report.ok:
            _check_forms(connection, report)
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


def _of_form(value: object, form: str, max_length: int = 64) -> bool:
    return isinstance(value, str) and len(value) <= max_length and bool(re.fullmatch(form, value))


def _check_forms(connection: sqlite3.Connection, report: VerificationReport) -> None:
    """Values that become file names, paths or names on the kiosk have their documented
    form (a package can be made without the builder, so its checks are not relied on)."""
    package_id, version = connection.execute(
        "SELECT package_id, version FROM package_info"
    ).fetchone()
    if not _of_form(package_id, format_spec.PACKAGE_ID_FORM, format_spec.PACKAGE_ID_MAX_LENGTH):
        report.problems.append("its package id is not of the form a manifest allows")
    if not _of_form(version, format_spec.VERSION_FORM):
        report.problems.append("its version is not of the form a manifest allows")
    ids = connection.execute("SELECT corner_id FROM corner UNION SELECT link_id FROM link")
    if not all(_of_form(name, format_spec.SLUG_FORM) for (name,) in ids):
        report.problems.append("a corner or link id is not of the form a manifest allows")
    colours = connection.execute(
        "SELECT value FROM theme_colour UNION SELECT colour FROM corner WHERE colour IS NOT NULL"
    )
    if not all(_of_form(colour, format_spec.COLOUR_FORM) for (colour,) in colours):
        report.problems.append("a colour is not written as #rrggbb")
    urls = connection.execute("SELECT url FROM link")
    if not all(
        _of_form(url, format_spec.LINK_FORM, format_spec.LINK_MAX_LENGTH) for (url,) in urls
    ):
        report.problems.append("a link is not a web address (https://…)")
    languages = connection.execute("SELECT lang FROM text UNION SELECT lang FROM caption_track")
    if not all(_of_form(lang, format_spec.LANGUAGE_FORM) for (lang,) in languages):
        report.problems.append("a language code is not of the form a manifest allows")
    _check_text_lengths(connection, report)
    # Every digest column of every table the kiosk knows (names from its own schema).
    present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    for table in Base.metadata.tables.values():
        if table.name not in present:
            continue  # an optional table the package predates (format_spec.OPTIONAL_TABLES)
        for column in (column for column in table.columns if column.name.endswith("sha256")):
            values = connection.execute(
                f'SELECT DISTINCT "{column.name}" FROM "{table.name}" '
                f'WHERE "{column.name}" IS NOT NULL'
            )
            bad = sum(not _of_form(value, format_spec.SHA256_FORM) for (value,) in values)
            if bad:
                report.problems.append(
                    f"{bad} {table.name}.{column.name} values are not SHA-256 digests"
                )


# Which texts are titles, by the columns that name them (the builder's keys are not relied on).
_TITLE_KEYS = (
    "SELECT title_key FROM package_info UNION SELECT subtitle_key FROM package_info "
    "UNION SELECT title_key FROM corner UNION SELECT title_key FROM section"
)


def _check_text_lengths(connection: sqlite3.Connection, report: VerificationReport) -> None:
    """Text the kiosk draws is text, and no longer than a manifest may make it."""
    query = "SELECT count(*) FROM text WHERE typeof(value) != 'text'"
    (not_text,) = connection.execute(query).fetchone()
    if not_text:
        report.problems.append(f"{not_text} texts are not text")
    (longest,) = connection.execute("SELECT coalesce(max(length(value)), 0) FROM text").fetchone()
    if longest > limits.TEXT_CHARS:
        report.problems.append(f"a text is {longest} characters long (at most {limits.TEXT_CHARS})")
    (title,) = connection.execute(
        f"SELECT coalesce(max(length(value)), 0) FROM text WHERE key IN ({_TITLE_KEYS})"
    ).fetchone()
    if title > limits.TITLE_CHARS:
        report.problems.append(f"a title is {title} characters long (at most {limits.TITLE_CHARS})")


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
