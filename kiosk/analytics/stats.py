"""Reports from the interaction log: a day's summary, and CSV files for a spreadsheet."""

from __future__ import annotations

import csv
import json
import sqlite3
import uuid
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk import __version__
from kiosk.errors import KioskError
from kiosk.safe_text import spreadsheet_cell


@dataclass
class DaySummary:
    """What visitors did in one period (a day, or everything)."""

    label: str
    sessions: int = 0
    mean_session_seconds: float = 0.0
    corner_visits: Counter[str] = field(default_factory=Counter)
    corner_dwell_seconds: defaultdict[str, float] = field(
        default_factory=lambda: defaultdict(float)
    )
    video_plays: Counter[str] = field(default_factory=Counter)
    video_completions: Counter[str] = field(default_factory=Counter)
    language_sessions: Counter[str] = field(default_factory=Counter)
    sessions_per_hour: Counter[int] = field(default_factory=Counter)

    def language_share(self) -> dict[str, float]:
        """Share of sessions that used each language (a session switched to it, or began in
        Korean)."""
        total = sum(self.language_sessions.values())
        return (
            {lang: count / total for lang, count in sorted(self.language_sessions.items())}
            if total
            else {}
        )


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise KioskError(f"no interaction log at {path} (no visitor has used this kiosk yet)")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _day_bounds(day: date) -> tuple[float, float]:
    start = datetime(day.year, day.month, day.day).timestamp()
    return start, (datetime(day.year, day.month, day.day) + timedelta(days=1)).timestamp()


@dataclass(frozen=True)
class Event:
    """One visitor event as reports read it: its local time, and its session by a key that
    is unique where the events come from (one kiosk's number; a kiosk and its number in a
    hall's merged events)."""

    when: datetime
    kind: str
    session: Hashable | None
    corner: str | None
    detail: str | None
    value: float | None


def summarize(path: Path, day: date | None = None) -> DaySummary:
    """The summary of ``day`` (local time), or of the whole log."""
    low, high = _day_bounds(day) if day else (float("-inf"), float("inf"))
    with _connect(path) as connection:
        rows = connection.execute(
            "SELECT at, kind, session, corner_id, detail, value FROM event "
            "WHERE at >= ? AND at < ? ORDER BY at, event_id",
            (low, high),
        ).fetchall()
    events = (
        Event(datetime.fromtimestamp(at), kind, session, corner, detail, value)
        for at, kind, session, corner, detail, value in rows
    )
    return summarize_events(events, day.isoformat() if day else "all days")


def summarize_events(events: Iterable[Event], label: str) -> DaySummary:
    """What the ``events`` (in time order) add up to."""
    summary = DaySummary(label)
    lengths: list[float] = []
    languages: dict[Hashable, set[str]] = defaultdict(lambda: {"ko"})
    for event in events:
        kind, session, corner, value = event.kind, event.session, event.corner, event.value
        if kind == "session_start":
            summary.sessions += 1
            summary.sessions_per_hour[event.when.hour] += 1
            languages[session]
        elif kind == "session_end" and value is not None:
            lengths.append(value)
        elif kind == "corner_view" and corner:
            summary.corner_visits[corner] += 1
            summary.corner_dwell_seconds[corner] += value or 0.0
        elif kind == "video_play" and corner:
            summary.video_plays[corner] += 1
            if event.detail == "complete":
                summary.video_completions[corner] += 1
        elif kind == "language_switch" and event.detail and session is not None:
            languages[session].add(event.detail)
    summary.mean_session_seconds = sum(lengths) / len(lengths) if lengths else 0.0
    for used in languages.values():
        summary.language_sessions.update(used)
    return summary


EXPORT_FORMAT = "gyeonggi-kiosk/export/1"
EVENT_COLUMNS = ["event", "time", "kind", "session", "corner", "detail", "value", "kiosk"]


def export_csv(
    path: Path, out_dir: Path, today: date | None = None, kiosk_name: str = ""
) -> list[Path]:
    """Write ``events.csv`` (every event) and ``daily_summary.csv`` (a row per day and
    corner), with ``today`` also ``today_summary.csv``, each row naming the kiosk, and
    ``export.json`` (which kiosk, which export: ``stats merge`` reads each export once);
    the files written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KioskError(f"cannot write to {out_dir}: {error.strerror}") from error
    with _connect(path) as connection:
        rows = connection.execute(
            "SELECT event_id, at, kind, session, corner_id, detail, value FROM event "
            "ORDER BY at, event_id"
        ).fetchall()
    events_file = out_dir / "events.csv"
    summary_file = out_dir / "daily_summary.csv"
    about_file = out_dir / "export.json"
    written = [events_file, summary_file]
    try:
        # UTF-8 with a BOM: spreadsheet programs then read Korean text correctly.
        with events_file.open("w", newline="", encoding="utf-8-sig") as file:
            writer = csv.writer(file)
            writer.writerow(EVENT_COLUMNS)
            for event_id, at, kind, session, corner, detail, value in rows:
                when = datetime.fromtimestamp(at).isoformat(sep=" ", timespec="seconds")
                row = [event_id, when, kind, session, corner, detail, value, kiosk_name]
                writer.writerow([spreadsheet_cell(cell) for cell in row])
        days = sorted({datetime.fromtimestamp(row[1]).date() for row in rows})
        _write_summaries(path, summary_file, days, kiosk_name)
        if today is not None:
            written.append(out_dir / "today_summary.csv")
            _write_summaries(path, written[-1], [today], kiosk_name)
        about = {
            "format": EXPORT_FORMAT,
            "kiosk": kiosk_name,
            "export_id": str(uuid.uuid4()),
            "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "events": len(rows),
            "software": __version__,
        }
        about_file.write_text(json.dumps(about, ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(about_file)
    except OSError as error:
        raise KioskError(f"cannot write the CSV files to {out_dir}: {error.strerror}") from error
    return written


def _write_summaries(path: Path, out_file: Path, days: list[date], kiosk_name: str) -> None:
    # UTF-8 with a BOM, like events.csv.
    with out_file.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerow(
            [
                "day",
                "sessions",
                "mean session seconds",
                "corner",
                "visits",
                "dwell seconds",
                "video plays",
                "video completions",
                "kiosk",
            ]
        )
        for day in days:
            summary = summarize(path, day)
            corners = sorted(set(summary.corner_visits) | set(summary.video_plays)) or [""]
            for corner in corners:
                writer.writerow(
                    [
                        day.isoformat(),
                        summary.sessions,
                        round(summary.mean_session_seconds, 1),
                        spreadsheet_cell(corner),
                        summary.corner_visits[corner],
                        round(summary.corner_dwell_seconds[corner], 1),
                        summary.video_plays[corner],
                        summary.video_completions[corner],
                        spreadsheet_cell(kiosk_name),
                    ]
                )
