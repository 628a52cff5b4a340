"""What an attacker without the office key can do to a package file, for tests: change it
with raw SQL and make its stored digest fit again; and a way to see that nothing changed."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine

from kiosk.content.digest import compute_manifest_digest

Edit = Callable[[sqlite3.Connection], object]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by its SHA-256: equal snapshots, byte-identical folders."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def tampered(package: Path, edit: Edit, name: str = "changed.kpkg") -> Path:
    """A copy of ``package`` beside it with ``edit`` applied and committed."""
    changed = package.with_name(name)
    shutil.copyfile(package, changed)
    with sqlite3.connect(changed) as connection:
        edit(connection)
    connection.close()
    return changed


def restamp_digest(connection: sqlite3.Connection) -> None:
    """Make the stored manifest digest fit the changed rows (the signature then does not)."""
    connection.commit()  # the engine's pool rolls back what it did not begin
    engine = create_engine("sqlite://", creator=lambda: connection)
    with engine.connect() as sa:
        digest = compute_manifest_digest(sa)
    connection.execute("UPDATE package_info SET manifest_digest = ?", (digest,))
