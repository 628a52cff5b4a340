"""The interaction log: visitor events in a local SQLite database, written off the UI thread.

Events go into a queue and a writer thread commits them in small batches at least every
half second, in WAL mode with ``synchronous=NORMAL``: a power cut can lose the last
batch, never the database. No personal data is recorded: events name corners, sections,
languages and durations, and a session is a number.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from dataclasses import astuple, dataclass
from pathlib import Path

from kiosk.notices import Notice, notice
from kiosk.paths import DataPaths

log = logging.getLogger(__name__)

# The kinds of event, and what their fields mean.
EVENT_KINDS = {
    "session_start": "a visitor touched the screen (value: none)",
    "session_end": "the session ended (detail: idle | staff | closed; value: seconds)",
    "corner_view": "a corner was left (corner; value: seconds in it)",
    "section_view": "a section page was shown (corner; detail: section number)",
    "gallery_view": "a picture was enlarged (corner; detail: picture number)",
    "video_play": "a video stopped (corner; value: seconds watched; detail: complete | partial)",
    "language_switch": "the visitor changed language (detail: language)",
    "idle_warning": "the idle warning was answered or expired (detail: continued | expired)",
    "attract_start": "the attract loop started",
}

FLUSH_SECONDS = 0.5

# The log's one table, written with the standard library's sqlite3: SQLAlchemy's import
# alone would cost the kiosk's start more than its whole first frame (as ADR 0005 found
# for packages). These are the statements the log's earlier SQLAlchemy model made, so
# logs from before open and grow as they are.
SCHEMA = (
    """CREATE TABLE IF NOT EXISTS event (
    event_id INTEGER NOT NULL,
    at FLOAT NOT NULL,
    kind VARCHAR NOT NULL,
    session INTEGER,
    corner_id VARCHAR,
    detail VARCHAR,
    value DOUBLE,
    PRIMARY KEY (event_id)
)""",
    "CREATE INDEX IF NOT EXISTS ix_event_kind ON event (kind)",
    "CREATE INDEX IF NOT EXISTS ix_event_at ON event (at)",
)
_INSERT = (
    "INSERT INTO event (at, kind, session, corner_id, detail, value) VALUES (?, ?, ?, ?, ?, ?)"
)


def log_path(data_dir: Path) -> Path:
    """Where a kiosk with this data directory keeps its interaction log."""
    return DataPaths(data_dir).interaction_log


@dataclass(frozen=True)
class LoggedEvent:
    """An event on its way to the database, in the table's column order."""

    at: float
    kind: str
    session: int | None = None
    corner_id: str | None = None
    detail: str | None = None
    value: float | None = None


def open_log_database(path: Path) -> sqlite3.Connection:
    """A connection to the log database in WAL mode, with its table made. It may be used
    from another thread than the one that opened it, by one thread at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout=2000")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        with connection:
            connection.execute("BEGIN")
            for statement in SCHEMA:
                connection.execute(statement)
    except BaseException:
        connection.close()
        raise
    return connection


class InteractionLog:
    """Records events without blocking the caller; ``close()`` writes what is pending."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = open_log_database(path)
        self._queue: queue.Queue[LoggedEvent | None] = queue.Queue()
        # Session numbers go on from the log's last (the writer thread is not started yet).
        last = self._connection.execute("SELECT MAX(session) FROM event").fetchone()[0]
        self._session = int(last or 0)
        self._thread = threading.Thread(
            target=self._write_forever, name="interaction-log", daemon=True
        )
        self._thread.start()

    def record(
        self,
        kind: str,
        *,
        at: float | None = None,
        corner_id: str | None = None,
        detail: str | None = None,
        value: float | None = None,
    ) -> None:
        """Queue an event of ``kind`` (one of ``EVENT_KINDS``) in the current session."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind: {kind}")
        if kind == "session_start":
            self._session += 1
        session = self._session or None
        self._queue.put(
            LoggedEvent(
                at if at is not None else time.time(), kind, session, corner_id, detail, value
            )
        )

    def flush(self) -> None:
        """Wait until everything queued so far is in the database."""
        self._queue.join()

    def close(self) -> None:
        """Write what is pending and stop the writer."""
        self._queue.put(None)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._connection.close()

    def _write_forever(self) -> None:
        running = True
        while running:
            batch: list[LoggedEvent] = []
            try:
                item = self._queue.get(timeout=FLUSH_SECONDS)
            except queue.Empty:
                continue
            deadline = time.monotonic() + FLUSH_SECONDS
            taken = 1
            while True:
                if item is None:
                    running = False
                    break
                batch.append(item)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    item = self._queue.get(timeout=min(remaining, 0.05))
                except queue.Empty:
                    break
                taken += 1
            self._write(batch)
            for _ in range(taken):
                self._queue.task_done()

    def _write(self, batch: list[LoggedEvent]) -> None:
        if not batch:
            return
        try:
            with self._connection:
                self._connection.execute("BEGIN")
                self._connection.executemany(_INSERT, [astuple(item) for item in batch])
        except Exception:  # a full disk must not stop the show: log it and go on
            log.exception(
                "could not write %d visitor events",
                len(batch),
                extra=notice(Notice.VISITORS_NOT_COUNTED),
            )
