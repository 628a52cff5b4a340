"""The visitor session as QML sees it: attract, active or warning; the countdown; the
attract playlist; and the events that go into the interaction log."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import Property, QEnum, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.analytics.log import InteractionLog
from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.models import MediaUrls
from kiosk.content.package import PackageContent
from kiosk.notices import Notice, notice
from kiosk.session.idle import EndReason, IdlePolicy, IdleTimes, SessionState

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "VisitorSession"]

log = logging.getLogger(__name__)

TICK_MS = 250


@QmlElement
@QmlUncreatable("Attract items are made by the visitor session.")
class AttractItem(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """One item of the attract playlist: a picture shown ``durationMs``, or a video;
    ``portraitUrl``, if not empty, is the same made for a portrait screen."""

    def __init__(
        self,
        url: QUrl,
        video: bool,
        duration_ms: int,
        portrait_url: QUrl | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._url, self._video, self._duration_ms = url, video, duration_ms
        self._portrait_url = portrait_url or QUrl()

    @Property(QUrl, constant=True)
    def url(self) -> QUrl:
        return self._url

    @Property(QUrl, constant=True)
    def portraitUrl(self) -> QUrl:
        return self._portrait_url

    @Property(bool, constant=True)
    def video(self) -> bool:
        return self._video

    @Property(int, constant=True)
    def durationMs(self) -> int:
        """How long a picture shows (0 for a video: it plays to its end)."""
        return self._duration_ms


@QmlElement
@QmlUncreatable("The visitor session is made by the application.")
class VisitorSession(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Starts and ends visitor sessions, and tells the interaction log what happened.

    ``clock`` (monotonic seconds) and ``wall`` (Unix seconds) are injectable so tests can
    move time; ``tick()`` is what the timer calls. What else a session's end resets is
    ``kiosk.bridge.session_lifecycle``'s.
    """

    @QEnum
    class State(Enum):
        Attract = 0  # nobody here: the attract loop
        Active = 1  # a visitor is using the screen
        Warning = 2  # nobody touched it for a while: "still there?"

    stateChanged = Signal()
    secondsLeftChanged = Signal()
    sessionStarted = Signal()
    sessionEnded = Signal(str)
    attractItemsChanged = Signal()
    videoPlayingChanged = Signal()
    closedChanged = Signal()
    # A corner's video could not be played (each time, for the metrics; the log says it once).
    videoErrored = Signal(str)

    def __init__(
        self,
        exhibit: Exhibit,
        content: PackageContent,
        urls: MediaUrls,
        times: IdleTimes,
        interaction_log: InteractionLog | None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._content = content
        # Media problems told to staff already, for the content shown: each once, not
        # at every attract cycle or every visitor who taps play.
        self._told: set[tuple[str, str]] = set()
        self._urls = urls
        self._log = interaction_log
        self._clock = clock
        self._wall = wall
        self._policy = IdlePolicy(times, clock())
        self._started_at = 0.0
        self._corner_opened_at: tuple[str, float] | None = None
        self._seconds_left = int(times.warning)
        self._video_playing = False
        self._closed = False
        self._attract_items = self._make_attract_items()
        exhibit.cornerOpened.connect(self._corner_opened)
        exhibit.wentHome.connect(self._corner_left)
        exhibit.languageChanged.connect(self._language_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self._record("attract_start")

    # -- what QML shows

    @Property(int, notify=stateChanged)
    def state(self) -> int:
        """A ``State``."""
        return int(self.State[self._policy.state.name.title()].value)

    @Property(int, notify=secondsLeftChanged)
    def secondsLeft(self) -> int:
        return self._seconds_left

    @Property(int, notify=secondsLeftChanged)
    def warningSeconds(self) -> int:
        """How long the warning counts down in all (for its ring)."""
        return math.ceil(self._policy.warning_seconds)

    @Property(int, notify=secondsLeftChanged)
    def idleSeconds(self) -> int:
        """Seconds without a touch before the warning, extension included."""
        return math.ceil(self._policy.idle_seconds)

    def extend_time(self, factor: float) -> None:
        """Give the visitor ``factor`` times as long before and in the warning (2 in the
        accessibility modes, 1 otherwise)."""
        self._policy.set_extended(factor)
        self.tick()
        self.secondsLeftChanged.emit()

    def show_content(self, content: PackageContent) -> None:
        """Play another package's attract playlist."""
        self._content = content
        self._told.clear()
        old, self._attract_items = self._attract_items, self._make_attract_items()
        self.attractItemsChanged.emit()
        for item in old:
            item.deleteLater()  # after QML has let go of them

    @Property(bool, notify=stateChanged)
    def visitorPresent(self) -> bool:
        """True while a visitor session runs (new content then waits for its end)."""
        return self.visitor_present

    @property
    def visitor_present(self) -> bool:
        """``visitorPresent``, for Python."""
        return self._policy.state is not SessionState.ATTRACT

    @Property("QVariantList", notify=attractItemsChanged)  # type: ignore[arg-type]  # a Qt type name
    def attractItems(self) -> list[AttractItem]:
        """The attract playlist, in order."""
        return list(self._attract_items)

    def _make_attract_items(self) -> list[AttractItem]:
        return [
            AttractItem(
                self._urls.url(item.media),
                item.media.kind == "video",
                item.duration_ms or 0,
                self._urls.url(item.portrait) if item.portrait else None,
                self,
            )
            for item in self._content.attract
        ]

    # -- what the visitor and the screen do

    def touched(self) -> bool:
        """Any touch or press. True when it only woke the screen (from attract or the
        warning): then it must not also act on what lies under the finger. While the
        hall is closed a touch wakes nothing (the closed screen over everything takes it,
        and staff's panel above it still works)."""
        if self._closed:
            return False
        before = self._policy.state
        self._policy.touched(self._clock())
        if before is SessionState.ATTRACT:
            self._started_at = self._clock()
            self._record("session_start")
            self.stateChanged.emit()
            self.sessionStarted.emit()
            return True
        if before is SessionState.WARNING:
            self._record("idle_warning", detail="continued")
            self.stateChanged.emit()
            return True
        return False

    @Slot()
    def continueSession(self) -> None:
        """The warning's "continue" button."""
        self.touched()

    def warn_now(self) -> None:
        """The idle warning at once (the live preview shows it on demand)."""
        if self._policy.state is SessionState.ACTIVE:
            self._policy.warn_now(self._clock())
            self.stateChanged.emit()
            self.secondsLeftChanged.emit()

    @Slot()
    def startAttract(self) -> None:
        """End the session now (staff)."""
        if self._policy.state is not SessionState.ATTRACT:
            self._policy.end()
            self._end(EndReason.STAFF)

    def _get_closed(self) -> bool:
        return self._closed

    def set_closed(self, closed: bool) -> None:
        """Outside opening hours: the session in progress ends, and none starts until the
        hall opens again."""
        if closed == self._closed:
            return
        self._closed = closed
        if closed and self._policy.state is not SessionState.ATTRACT:
            self._policy.end()
            self._end(EndReason.CLOSED)
        self.closedChanged.emit()

    # The screen is off for the night: the attract loop waits, and no touch wakes it.
    closed = Property(bool, _get_closed, notify=closedChanged)

    def _get_video_playing(self) -> bool:
        return self._video_playing

    def set_video_playing(self, playing: bool) -> None:
        if playing != self._video_playing:
            self._video_playing = playing
            self._policy.set_paused(playing, self._clock())
            self.videoPlayingChanged.emit()

    # A video the visitor started pauses the idle clock while it plays.
    videoPlaying = Property(bool, _get_video_playing, set_video_playing, notify=videoPlayingChanged)

    @Slot(int)
    def recordSection(self, index: int) -> None:
        self._record("section_view", corner_id=self._exhibit.open_corner_id, detail=str(index))

    @Slot(int)
    def recordGallery(self, index: int) -> None:
        self._record("gallery_view", corner_id=self._exhibit.open_corner_id, detail=str(index))

    @Slot(str, float, bool)
    def recordVideo(self, corner_id: str, seconds: float, complete: bool) -> None:
        self._record(
            "video_play",
            corner_id=corner_id,
            value=round(seconds, 1),
            detail="complete" if complete else "partial",
        )

    @Slot(int, str)
    def attractItemFailed(self, index: int, reason: str) -> None:
        if self._first_time("attract", str(index)):
            log.warning(
                "attract item %d skipped: %s",
                index + 1,
                reason,
                extra=notice(Notice.ATTRACT_ITEM_SKIPPED, str(index + 1)),
            )

    @Slot(str, str)
    def videoFailed(self, corner_id: str, reason: str) -> None:
        """A corner's video cannot play (its panel shows the poster and says so)."""
        self.videoErrored.emit(corner_id)
        corner = next((c for c in self._content.corners if c.corner_id == corner_id), None)
        if corner is None or not self._first_time("video", corner_id):
            return
        log.warning(
            "the video of corner %s cannot play: %s",
            corner_id,
            reason,
            extra=notice(Notice.VIDEO_UNPLAYABLE, corner.title.values),
        )

    def _first_time(self, what: str, which: str) -> bool:
        told = (what, which) not in self._told
        self._told.add((what, which))
        return told

    @Slot()
    def tick(self) -> None:
        """Advance the idle policy to now."""
        before = self._policy.state
        reason = self._policy.tick(self._clock())
        left = math.ceil(self._policy.seconds_left(self._clock()))
        if left != self._seconds_left:
            self._seconds_left = left
            self.secondsLeftChanged.emit()
        if reason is not None:
            self._record("idle_warning", detail="expired")
            self._end(reason)
        elif self._policy.state is not before:
            self.stateChanged.emit()

    # -- inside

    def _end(self, reason: EndReason) -> None:
        self._corner_left()
        self._record(
            "session_end", detail=reason.value, value=round(self._clock() - self._started_at, 1)
        )
        self._record("attract_start")
        self.stateChanged.emit()
        self.sessionEnded.emit(reason.value)

    def _corner_opened(self, corner_id: str) -> None:
        self._corner_opened_at = (corner_id, self._clock())

    def _corner_left(self) -> None:
        if self._corner_opened_at is None:
            return
        corner_id, since = self._corner_opened_at
        self._corner_opened_at = None
        self._record("corner_view", corner_id=corner_id, value=round(self._clock() - since, 1))

    def _language_changed(self) -> None:
        # In attract the language changes only as a session's end resets it.
        if self._policy.state is not SessionState.ATTRACT:
            self._record("language_switch", detail=self._exhibit.current_language)

    def _record(self, kind: str, **fields: Any) -> None:
        if self._log is not None:
            self._log.record(kind, at=self._wall(), **fields)
