"""The exact shape of a package's database, and the only way an installed copy is written.

A signature covers the manifest digest, and the digest covers the rows of the tables the
kiosk knows, column by column (digest.py). That binds what is shown only if the file holds
nothing else: no view in place of a table, no trigger that rewrites rows as they are
copied, no column or table the digest does not see. So a package's structure must be
exactly the kiosk's own schema (``schema.py``), compared object by object; anything more
or different is refused by name. And the installed copy is written from the kiosk's own
schema, by column names the kiosk knows, never by names or SQL read from the package.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine

from kiosk.content.format_spec import OPTIONAL_TABLES
from kiosk.content.package import sqlite_uri
from kiosk.content.schema import Base
from kiosk.files import fsync_file

# What a table is made of, as SQLite reports it: columns (name, type, not null, default,
# primary key position), unique indexes by their columns, and foreign keys.
TableShape = tuple[tuple[tuple[object, ...], ...], frozenset[object], frozenset[object]]


@dataclass(frozen=True)
class _Reference:
    """The kiosk's own schema as SQLite makes it."""

    tables: dict[str, TableShape]
    indexes: frozenset[str]  # named indexes (SQLite's own for unique columns aside)
    ddl: tuple[str, ...]  # in an order that creates them


@cache
def _reference() -> _Reference:
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            Base.metadata.create_all(connection)
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return _Reference(
                tables={name: _table_shape(raw, name) for name in _names(raw, "table")},
                indexes=frozenset(_names(raw, "index")),
                ddl=tuple(
                    sql
                    for (sql,) in raw.execute(
                        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                        "ORDER BY type = 'index', rowid"
                    )
                ),
            )
    finally:
        engine.dispose()


def _names(connection: sqlite3.Connection, kind: str) -> list[str]:
    """Names of one kind of schema object, SQLite's internal ones aside."""
    query = (
        "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    )
    return sorted(name for (name,) in connection.execute(query, (kind,)))


def _table_shape(connection: sqlite3.Connection, table: str) -> TableShape:
    # The table's name is passed as a value to SQLite's table-valued pragma functions,
    # never formatted into SQL.
    columns = tuple(
        tuple(row)
        for row in connection.execute(
            'SELECT name, upper(type), "notnull", dflt_value, pk, hidden '
            "FROM pragma_table_xinfo(?) ORDER BY cid",
            (table,),
        )
    )
    indexes = frozenset(
        (unique, origin, partial, _index_columns(connection, index))
        for index, unique, origin, partial in connection.execute(
            'SELECT name, "unique", origin, partial FROM pragma_index_list(?)', (table,)
        )
    )
    keys = frozenset(
        tuple(row)
        for row in connection.execute(
            'SELECT "table", "from", "to", on_update, on_delete, "match" '
            "FROM pragma_foreign_key_list(?)",
            (table,),
        )
    )
    return columns, indexes, keys


def _index_columns(connection: sqlite3.Connection, index: str) -> tuple[object, ...]:
    query = "SELECT name FROM pragma_index_info(?) ORDER BY seqno"
    return tuple(name for (name,) in connection.execute(query, (index,)))


def structure_problems(connection: sqlite3.Connection) -> list[str]:
    """What in this database differs from the kiosk's schema, each in words; empty when
    nothing does."""
    reference = _reference()
    problems = [
        f"it holds a {kind} '{name}', which no package has"
        for kind in ("view", "trigger")
        for name in _names(connection, kind)
    ]
    tables = set(_names(connection, "table"))
    known = set(reference.tables)
    problems += [f"it holds an unknown table '{name}'" for name in sorted(tables - known)]
    missing = known - tables - set(OPTIONAL_TABLES)
    problems += [f"it lacks the table '{name}'" for name in sorted(missing)]
    problems += [
        f"the table '{name}' is not made as the kiosk makes it"
        for name in sorted(tables & known)
        if _table_shape(connection, name) != reference.tables[name]
    ]
    problems += [
        f"it holds an index '{name}', which no package has"
        for name in _names(connection, "index")
        if name not in reference.indexes
    ]
    return problems


def write_installed_copy(source: Path, destination: Path) -> None:
    """Write the kiosk's copy of a checked package: the kiosk's own schema, every row of
    every known table but ``media_chunk`` (its media are unpacked beside it), copied by the
    column names the kiosk knows, flushed to disk. The digest and signature still hold:
    they cover each media's SHA-256, not its chunks."""
    reference = _reference()
    source_uri = sqlite_uri(source)
    with contextlib.closing(sqlite3.connect(source_uri, uri=True)) as origin:
        application_id = int(origin.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(origin.execute("PRAGMA user_version").fetchone()[0])
        present = set(_names(origin, "table"))
    destination.unlink(missing_ok=True)
    with contextlib.closing(
        sqlite3.connect(destination.resolve().as_uri(), uri=True, isolation_level=None)
    ) as copy:
        copy.execute("ATTACH DATABASE ? AS origin", (source_uri,))
        copy.execute("BEGIN")
        for sql in reference.ddl:
            copy.execute(sql)
        # Names from the kiosk's own models only.
        for name, table in Base.metadata.tables.items():
            if name == "media_chunk" or name not in present:
                continue
            columns = ", ".join(f'"{column.name}"' for column in table.columns)
            copy.execute(
                f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM origin."{name}"'
            )
        copy.execute("COMMIT")
        copy.execute("DETACH DATABASE origin")
        copy.execute(f"PRAGMA application_id = {application_id}")
        copy.execute(f"PRAGMA user_version = {user_version}")
    fsync_file(destination)
