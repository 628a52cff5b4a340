"""The manifest digest: one SHA-256 over everything a package says.

The digest covers every row of every content table and every media item's SHA-256 (which
in turn covers its bytes), so a signature over the digest vouches for the whole package.
It is computed from the database itself, by the same code when building and verifying, so
the two cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Connection, inspect, select

from kiosk.content.format_spec import OPTIONAL_TABLES
from kiosk.content.schema import Base, PackageInfo

# Not hashed as tables: package_info carries the digest and signature themselves (its other
# columns are hashed below), and media_chunk is covered by each media's SHA-256.
_NOT_HASHED = {"package_info", "media_chunk"}
_INFO_NOT_HASHED = {"manifest_digest", "signature", "key_id"}


def compute_manifest_digest(connection: Connection) -> str:
    """Hex SHA-256 of the package's content, in a fixed, documented order."""
    digest = hashlib.sha256(b"kpkg manifest digest v1\n")
    info = PackageInfo.__table__
    for row in connection.execute(select(info)).mappings():
        fields = {k: v for k, v in row.items() if k not in _INFO_NOT_HASHED}
        _feed(digest, "package_info", fields)
    present = set(inspect(connection).get_table_names())
    for name in sorted(set(Base.metadata.tables) - _NOT_HASHED):
        if name in OPTIONAL_TABLES and name not in present:
            continue  # built before the table existed: nothing to hash, as then
        table = Base.metadata.tables[name]
        order = list(table.primary_key.columns)
        for row in connection.execute(select(table).order_by(*order)).mappings():
            _feed(digest, name, dict(row))
    return digest.hexdigest()


def _feed(digest: hashlib._Hash, table: str, row: dict[str, object]) -> None:
    line = json.dumps([table, row], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest.update(line.encode("utf-8") + b"\n")
