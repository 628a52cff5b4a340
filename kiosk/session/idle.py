"""The idle policy: from the last touch to the warning, from the warning to the session's end.

A plain state machine over a clock the caller passes in (seconds, monotonic), so tests
drive minutes of waiting in microseconds and the UI drives it from a timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class SessionState(Enum):
    """Where the screen is in the visitor cycle."""

    ATTRACT = "attract"  # nobody is using the screen: the attract loop plays
    ACTIVE = "active"  # a visitor is using it
    WARNING = "warning"  # no touch for a while: "continue?" with a countdown


class EndReason(Enum):
    """Why a visitor session ended."""

    IDLE = "idle"  # the warning's countdown ran out
    STAFF = "staff"  # staff started the attract loop
    CLOSED = "closed"  # the hall closed (opening hours)


@dataclass(frozen=True)
class IdleTimes:
    """How long the screen waits (seconds). The warning is never shorter than 20 s, so
    every visitor has time to answer it (WCAG 2.2.1)."""

    idle: float = 90.0
    warning: float = 20.0

    def __post_init__(self) -> None:
        if self.idle <= 0:
            raise ValueError("the idle time must be positive")
        if self.warning < 20:
            raise ValueError("the warning must give at least 20 seconds")


class IdlePolicy:
    """Decides, from touches and the passing of time, when to warn and when to end."""

    def __init__(self, times: IdleTimes, now: float) -> None:
        self.times = times
        self.state = SessionState.ATTRACT
        self._last_touch = now
        self._warned_at = now
        self._paused = False
        self._factor = 1.0

    @property
    def idle_seconds(self) -> float:
        """Seconds without a touch before the warning, extension included."""
        return self.times.idle * self._factor

    @property
    def warning_seconds(self) -> float:
        """Seconds the warning counts down, extension included."""
        return self.times.warning * self._factor

    def set_extended(self, factor: float) -> None:
        """Give the visitor ``factor`` times as long (accessibility modes: 2), or back to
        the normal times with 1."""
        if factor < 1:
            raise ValueError("the idle time can be extended, not shortened")
        self._factor = factor

    def touched(self, now: float) -> SessionState:
        """A touch anywhere: starts a session, or keeps the current one going."""
        self._last_touch = now
        self.state = SessionState.ACTIVE
        return self.state

    def set_paused(self, paused: bool, now: float) -> None:
        """Pause the idle clock (a video the visitor started is playing)."""
        if self._paused and not paused:
            self._last_touch = now  # the wait starts again when the video stops
        self._paused = paused

    def warn_now(self, now: float) -> None:
        """Ask "continue?" at once, as if the visitor had gone (an editor's preview)."""
        if self.state is SessionState.ACTIVE:
            self.state = SessionState.WARNING
            self._warned_at = now

    def end(self) -> None:
        """End the session at once (staff asked for the attract loop)."""
        self.state = SessionState.ATTRACT

    def seconds_left(self, now: float) -> float:
        """In the warning, how long until the session ends."""
        if self.state is not SessionState.WARNING:
            return self.warning_seconds
        return max(0.0, self.warning_seconds - (now - self._warned_at))

    def tick(self, now: float) -> EndReason | None:
        """Advance to ``now``; returns the reason when the session has just ended."""
        if self.state is SessionState.ACTIVE:
            if self._paused:
                return None
            if now - self._last_touch >= self.idle_seconds:
                self.state = SessionState.WARNING
                self._warned_at = now
        if self.state is SessionState.WARNING and now - self._warned_at >= self.warning_seconds:
            self.state = SessionState.ATTRACT
            return EndReason.IDLE
        return None
