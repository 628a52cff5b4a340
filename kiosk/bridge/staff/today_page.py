"""The staff panel's "today" page: what ``stats summary --day`` says, as figures, a bar
per hour, a row per corner and the languages used, read in the background."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.analytics.log import log_path
from kiosk.analytics.stats import DaySummary, summarize
from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.background import BackgroundReader
from kiosk.bridge.record_model import RecordListModel
from kiosk.errors import KioskError

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "TodayPage"]


@dataclass(frozen=True)
class CornerFigures:
    corner_id: str
    title: str
    visits: int
    dwell_seconds: int
    plays: int
    completions: int


@dataclass(frozen=True)
class LanguageShare:
    language: str  # a language code: QML names it in itself
    share: float  # 0 to 1 of the day's sessions


@dataclass(frozen=True)
class TodayFigures:
    sessions: int = 0
    mean_seconds: int = 0
    hours: tuple[int, ...] = (0,) * 24
    corners: tuple[CornerFigures, ...] = ()
    languages: tuple[LanguageShare, ...] = ()


def today_figures(data_dir: Path, day: date, corner_titles: Mapping[str, str]) -> TodayFigures:
    """The figures of ``day``: zeros before the first visitor (no log yet)."""
    try:
        summary = summarize(log_path(data_dir), day)
    except KioskError:
        summary = DaySummary(day.isoformat())
    corners = tuple(
        CornerFigures(
            corner_id,
            title,
            summary.corner_visits[corner_id],
            round(summary.corner_dwell_seconds[corner_id]),
            summary.video_plays[corner_id],
            summary.video_completions[corner_id],
        )
        for corner_id, title in corner_titles.items()
    )
    # Korean first, then by share.
    shares = sorted(summary.language_share().items(), key=lambda item: (item[0] != "ko", -item[1]))
    return TodayFigures(
        sessions=summary.sessions,
        mean_seconds=round(summary.mean_session_seconds),
        hours=tuple(summary.sessions_per_hour.get(hour, 0) for hour in range(24)),
        corners=corners,
        languages=tuple(LanguageShare(lang, round(share, 3)) for lang, share in shares),
    )


@QmlElement
@QmlUncreatable("The today page is made by the application.")
class TodayPage(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Today's visitors. ``corner_titles`` is asked on the GUI thread at each refresh (the
    content shown can change); ``today`` is injectable for tests."""

    changed = Signal()
    refreshed = Signal()

    def __init__(
        self,
        data_dir: Path,
        corner_titles: Callable[[], Mapping[str, str]],
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._titles = corner_titles
        self._today = today
        self._figures = TodayFigures()
        self._corners: RecordListModel[CornerFigures] = RecordListModel(CornerFigures, self)
        self._languages: RecordListModel[LanguageShare] = RecordListModel(LanguageShare, self)
        self._asked: tuple[date, dict[str, str]] = (today(), {})
        self._reader: BackgroundReader[TodayFigures] = BackgroundReader(
            lambda: today_figures(self._data_dir, *self._asked), self._show, "today-read", self
        )

    @Slot()
    def refresh(self) -> None:
        self._asked = (self._today(), dict(self._titles()))
        self._reader.start()

    def stop(self) -> None:
        self._reader.stop()

    def figures(self) -> TodayFigures:
        return self._figures

    def _show(self, figures: TodayFigures) -> None:
        self._corners.replace(figures.corners)
        self._languages.replace(figures.languages)
        if figures != self._figures:
            self._figures = figures
            self.changed.emit()
        self.refreshed.emit()

    @Property(int, notify=changed)
    def sessions(self) -> int:
        return self._figures.sessions

    @Property(int, notify=changed)
    def meanSeconds(self) -> int:
        return self._figures.mean_seconds

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # a Qt type name
    def hours(self) -> list[int]:
        """Sessions begun in each hour of the day, 0 to 23."""
        return list(self._figures.hours)

    @Property(int, notify=changed)
    def busiestHour(self) -> int:
        """The most sessions any one hour had (the chart's full height)."""
        return max(self._figures.hours)

    @Property(RecordListModel, constant=True)
    def corners(self) -> RecordListModel[CornerFigures]:
        """Rows: cornerId, title, visits, dwellSeconds, plays, completions."""
        return self._corners

    @Property(RecordListModel, constant=True)
    def languages(self) -> RecordListModel[LanguageShare]:
        """Rows: language, share (Korean first)."""
        return self._languages
