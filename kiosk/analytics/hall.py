"""One report for a hall of kiosks: ``stats merge`` reads the visitor exports of several
kiosks (``stats export`` or the staff panel's, each naming its kiosk) and adds them up per
kiosk and for the whole hall, per day and per hour.

A kiosk's export holds every event of its log so far, so two exports of one kiosk (Monday
evening's and Tuesday evening's) overlap: each event counts once, by its kiosk and its
number in that kiosk's log. The same export given twice is refused, and so are two
exports that disagree about one event (two kiosks that share a name, or a log that began
again): counting either would be counting wrong.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kiosk.analytics.stats import (
    EVENT_COLUMNS,
    EXPORT_FORMAT,
    DaySummary,
    Event,
    summarize_events,
)
from kiosk.config import check_kiosk_name
from kiosk.errors import ArgumentError
from kiosk.safe_text import spreadsheet_cell

HALL = "all kiosks"
# An export's folder holds these; a folder of exports (a stick's) is searched this deep.
EVENTS_FILE = "events.csv"
ABOUT_FILE = "export.json"
SEARCH_DEPTH = 3


@dataclass(frozen=True)
class KioskExport:
    """One kiosk's export as read: where, which kiosk, which export, and its events by
    their number in the kiosk's log."""

    folder: Path
    kiosk: str
    export_id: str
    events: dict[int, Event]


@dataclass
class HallReport:
    """The merged events and what they add up to, by day, kiosk (and the whole hall)."""

    kiosks: list[str]
    events: list[tuple[str, int, Event]]  # kiosk, number in its log, event; in time order
    days: list[date]
    daily: dict[tuple[date, str], DaySummary] = field(default_factory=dict)
    # The same by hour of the day: (day, hour, kiosk), only for hours with events.
    hourly: dict[tuple[date, int, str], DaySummary] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def corners(self) -> list[str]:
        found = {corner for summary in self.daily.values() for corner in summary.corner_visits}
        return sorted(found)

    def languages(self) -> list[str]:
        found = {lang for summary in self.daily.values() for lang in summary.language_sessions}
        return sorted(found, key=lambda lang: (lang != "ko", lang))


def find_exports(places: Iterable[Path]) -> list[Path]:
    """The export folders at or under each of ``places`` (a folder with ``events.csv``),
    in the order given; a place with none is a mistake."""
    folders: list[Path] = []
    for place in places:
        if not place.is_dir():
            raise ArgumentError(f"{place}: not a folder (give export folders, or a stick's)")
        found = sorted(_event_folders(place, SEARCH_DEPTH))
        if not found:
            raise ArgumentError(
                f"{place}: no visitor export here (a folder with {EVENTS_FILE}, as 'stats "
                "export' or the staff panel write)"
            )
        folders += found
    return folders


def _event_folders(folder: Path, depth: int) -> Iterator[Path]:
    if (folder / EVENTS_FILE).is_file():
        yield folder
        return
    if depth == 0:
        return
    try:
        children = [
            child for child in folder.iterdir() if child.is_dir() and not child.is_symlink()
        ]
    except OSError:
        return
    for child in children:
        yield from _event_folders(child, depth - 1)


def read_export(folder: Path) -> KioskExport:
    """One export folder; raises ``ArgumentError`` naming the file and line of a mistake."""
    about = _about(folder)
    path = folder / EVENTS_FILE
    events: dict[int, Event] = {}
    kiosks: set[str] = set()
    try:
        with path.open(newline="", encoding="utf-8-sig") as file:
            reader = csv.reader(file)
            header = next(reader, None)
            if header != EVENT_COLUMNS:
                raise ArgumentError(
                    f"{path}:1: not a visitor export's events (its columns should be "
                    f"{', '.join(EVENT_COLUMNS)}; an export from before kiosks had names "
                    "cannot be merged)"
                )
            for line, row in enumerate(reader, start=2):
                number, event, kiosk = _event(path, line, row)
                events[number] = event
                kiosks.add(kiosk)
    except OSError as error:
        raise ArgumentError(f"{path}: cannot read it ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise ArgumentError(f"{path}: not UTF-8 text") from error
    except csv.Error as error:
        raise ArgumentError(f"{path}: not a CSV file the kiosk wrote ({error})") from error
    named = about.get("kiosk")
    try:
        kiosk = check_kiosk_name(named) if isinstance(named, str) else ""
    except ValueError as error:
        raise ArgumentError(f"{folder / ABOUT_FILE}: {error}") from error
    if len(kiosks - {kiosk}) > 0 or not kiosk:
        raise ArgumentError(
            f"{path}: its rows name kiosk {', '.join(sorted(kiosks)) or '(none)'}, its "
            f"{ABOUT_FILE} {kiosk or '(none)'}: one export is one kiosk's"
        )
    return KioskExport(folder, kiosk, str(about.get("export_id", "")), events)


def _about(folder: Path) -> dict[str, object]:
    path = folder / ABOUT_FILE
    try:
        about = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArgumentError(
            f"{folder}: no {ABOUT_FILE} (an export from before kiosks had names cannot be "
            "merged: export it again)"
        ) from None
    except (OSError, ValueError) as error:
        raise ArgumentError(f"{path}: not an export's description ({error})") from error
    if not isinstance(about, dict) or about.get("format") != EXPORT_FORMAT:
        raise ArgumentError(f"{path}: not an export's description of format {EXPORT_FORMAT}")
    return about


def _text(cell: str) -> str:
    # Cells that began like a formula were written with a quote in front.
    return cell[1:] if cell.startswith("'") else cell


def _event(path: Path, line: int, row: list[str]) -> tuple[int, Event, str]:
    if len(row) != len(EVENT_COLUMNS):
        raise ArgumentError(f"{path}:{line}: {len(row)} cells, not {len(EVENT_COLUMNS)}")
    number, when, kind, session, corner, detail, value, kiosk = row
    try:
        return (
            int(number),
            Event(
                datetime.fromisoformat(when),
                _text(kind),
                int(session) if session else None,
                _text(corner) or None,
                _text(detail) or None,
                float(value) if value else None,
            ),
            _text(kiosk),
        )
    except ValueError as error:
        raise ArgumentError(f"{path}:{line}: not an event ({error})") from error


def merge(exports: list[KioskExport]) -> HallReport:
    """The exports' events, each once, and their sums by day, kiosk and hall."""
    seen_exports: dict[str, KioskExport] = {}
    by_kiosk: dict[str, dict[int, Event]] = defaultdict(dict)
    notes = []
    for export in exports:
        if export.export_id and export.export_id in seen_exports:
            first = seen_exports[export.export_id]
            raise ArgumentError(
                f"{export.folder} is the same export as {first.folder} (kiosk {export.kiosk}): "
                "give each export once"
            )
        seen_exports[export.export_id] = export
        known = by_kiosk[export.kiosk]
        overlap = 0
        for number, event in export.events.items():
            if number in known:
                if known[number] != event:
                    raise ArgumentError(
                        f"{export.folder}: event {number} of kiosk {export.kiosk} differs from "
                        "the same event in another export: two kiosks share the name "
                        f"{export.kiosk}, or its log began again; merge them apart"
                    )
                overlap += 1
            known[number] = event
        if overlap:
            notes.append(
                f"{export.folder.name}: {overlap} of its events were in an earlier export of "
                f"kiosk {export.kiosk}, counted once"
            )
    merged = sorted(
        ((kiosk, number, event) for kiosk, events in by_kiosk.items()
         for number, event in events.items()),
        key=lambda item: (item[2].when, item[0], item[1]),
    )  # fmt: skip
    kiosks = sorted(by_kiosk)
    days = sorted({event.when.date() for _kiosk, _number, event in merged})
    report = HallReport(kiosks, merged, days, notes=notes)
    for day in days:
        on_day = [(kiosk, event) for kiosk, _number, event in merged if event.when.date() == day]
        for kiosk in [*kiosks, HALL]:
            report.daily[(day, kiosk)] = _summary(on_day, kiosk, day.isoformat())
        for hour in sorted({event.when.hour for _kiosk, event in on_day}):
            in_hour = [(name, event) for name, event in on_day if event.when.hour == hour]
            for kiosk in [*kiosks, HALL]:
                report.hourly[(day, hour, kiosk)] = _summary(in_hour, kiosk, f"{day} {hour:02d}")
    return report


def _summary(events: list[tuple[str, Event]], kiosk: str, label: str) -> DaySummary:
    """What ``kiosk``'s (or the whole hall's) ``events`` add up to."""
    return summarize_events(
        (_with_kiosk_session(name, event) for name, event in events if kiosk in (HALL, name)),
        label,
    )


def _with_kiosk_session(kiosk: str, event: Event) -> Event:
    # Session numbers are each kiosk's own: in the hall, a session is a kiosk's number.
    session = (kiosk, event.session) if event.session is not None else None
    return Event(event.when, event.kind, session, event.corner, event.detail, event.value)


# -- writing


def write_report(report: HallReport, out: Path) -> list[Path]:
    """``out`` (a row per day and kiosk, and per day for the whole hall), and beside it
    ``<out>-hours.csv`` (the same per hour) and ``<out>-events.csv`` (every event, with
    its kiosk); the files written."""
    hours = out.with_name(f"{out.stem}-hours.csv")
    events = out.with_name(f"{out.stem}-events.csv")
    corners, languages = report.corners(), report.languages()
    figures = [
        "sessions", "mean session seconds", *(f"visits {corner}" for corner in corners),
        *(f"dwell seconds {corner}" for corner in corners),
        *(f"share {lang}" for lang in languages),
    ]  # fmt: skip

    def row(summary: DaySummary) -> list[object]:
        share = summary.language_share()
        return [
            summary.sessions, round(summary.mean_session_seconds, 1),
            *(summary.corner_visits[corner] for corner in corners),
            *(round(summary.corner_dwell_seconds[corner], 1) for corner in corners),
            *(round(share.get(lang, 0.0), 3) for lang in languages),
        ]  # fmt: skip

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        # UTF-8 with a BOM, as the kiosk's own exports: spreadsheets read Korean right.
        with out.open("w", newline="", encoding="utf-8-sig") as file:
            writer = csv.writer(file)
            writer.writerow(["day", "kiosk", *figures])
            for (day, kiosk), summary in report.daily.items():
                writer.writerow([day.isoformat(), spreadsheet_cell(kiosk), *row(summary)])
        with hours.open("w", newline="", encoding="utf-8-sig") as file:
            writer = csv.writer(file)
            writer.writerow(["day", "hour", "kiosk", *figures])
            for (day, hour, kiosk), summary in report.hourly.items():
                writer.writerow([day.isoformat(), hour, spreadsheet_cell(kiosk), *row(summary)])
        with events.open("w", newline="", encoding="utf-8-sig") as file:
            writer = csv.writer(file)
            writer.writerow(["kiosk", "event", "time", "kind", "session", "corner", "detail",
                             "value"])  # fmt: skip
            for kiosk, number, event in report.events:
                when = event.when.isoformat(sep=" ", timespec="seconds")
                cells = [kiosk, number, when, event.kind, event.session, event.corner,
                         event.detail, event.value]  # fmt: skip
                writer.writerow([spreadsheet_cell(cell) for cell in cells])
    except OSError as error:
        raise ArgumentError(f"cannot write {out}: {error.strerror}") from error
    return [out, hours, events]


def hall_totals(report: HallReport) -> Counter[str]:
    """Sessions per kiosk over every day."""
    return Counter(
        {kiosk: sum(report.daily[(day, kiosk)].sessions for day in report.days)
         for kiosk in report.kiosks}
    )  # fmt: skip
