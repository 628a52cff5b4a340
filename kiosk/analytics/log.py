"""The interaction log: visitor events in a local SQLite database, written off the UI thread.

Events go into a queue and a writer thread commits them in small batches at least every
half second, in WAL mode with ``synchronous=NORMAL``: a power cut can lose the last
batch, never the database. No personal data is recorded: events name corners, sections,
languages and durations, and a session is a number.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, Float, Integer, String, create_engine, event, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.notices import Notice, notice
from kiosk.paths import DataPaths

log = logging.getLogger(__name__)

# The kinds of event, and what their fields mean.
EVENT_KINDS = {
    "session_start": "a visitor touched the screen (value: none)",
    "session_end": "the session ended (detail: idle | staff; value: seconds)",
    "corner_view": "a corner was left (corner; value: seconds in it)",
    "section_view": "a section page was shown (corner; detail: section number)",
    "gallery_view": "a picture was enlarged (corner; detail: picture number)",
    "video_play": "a video stopped (corner; value: seconds watched; detail: complete | partial)",
    "language_switch": "the visitor changed language (detail: language)",
    "idle_warning": "the idle warning was answered or expired (detail: continued | expired)",
    "attract_start": "the attract loop started",
}

FLUSH_SECONDS = 0.5


def log_path(data_dir: Path) -> Path:
    """Where a kiosk with this data directory keeps its interaction log."""
    return DataPaths(data_dir).interaction_log


class Base(DeclarativeBase):
    """Base of the interaction log's tables."""


class Event(Base):
    """One thing a visitor did, or the screen did for them."""

    __tablename__ = "event"

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[float] = mapped_column(Float, index=True)  # Unix time, seconds
    kind: Mapped[str] = mapped_column(String, index=True)
    session: Mapped[int | None]
    corner_id: Mapped[str | None]
    detail: Mapped[str | None]
    value: Mapped[float | None]


@dataclass(frozen=True)
class LoggedEvent:
    """An event on its way to the database."""

    at: float
    kind: str
    session: int | None = None
    corner_id: str | None = None
    detail: str | None = None
    value: float | None = None


def open_log_engine(path: Path) -> Engine:
    """An engine on the log database in WAL mode, with its tables made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=2000")
        cursor.close()

    Base.metadata.create_all(engine)
    return engine


class InteractionLog:
    """Records events without blocking the caller; ``close()`` writes what is pending."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = open_log_engine(path)
        self._queue: queue.Queue[LoggedEvent | None] = queue.Queue()
        self._session = 0
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
            self._session = self._next_session_number()
        session = self._session or None
        self._queue.put(
            LoggedEvent(
                at if at is not None else time.time(), kind, session, corner_id, detail, value
            )
        )

    def _next_session_number(self) -> int:
        if self._session == 0:
            with self._engine.connect() as connection:
                last = connection.exec_driver_sql("SELECT MAX(session) FROM event").scalar()
            self._session = int(last or 0)
        return self._session + 1

    def flush(self) -> None:
        """Wait until everything queued so far is in the database."""
        self._queue.join()

    def close(self) -> None:
        """Write what is pending and stop the writer."""
        self._queue.put(None)
        self._thread.join(timeout=10)
        self._engine.dispose()

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
            with self._engine.begin() as connection:
                connection.execute(insert(Event), [vars(item) for item in batch])
        except Exception:  # a full disk must not stop the show: log it and go on
            log.exception(
                "could not write %d visitor events",
                len(batch),
                extra=notice(Notice.VISITORS_NOT_COUNTED),
            )
