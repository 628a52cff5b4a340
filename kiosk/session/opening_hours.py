"""The hall's opening hours: when the booth's screen is on, when it is off, and when that
changes next.

Hours are written per weekday (``mon`` … ``sun``, or ``daily`` for every day not listed)
and per date for the expo's own days, each as spans such as ``"09:00-18:00"`` or
``"09:00-12:00, 13:00-18:00"``, or ``closed``. A span may run past midnight
(``"18:00-02:00"``) and may end at ``24:00``. The screen comes on ``wake_minutes`` before
each opening, so visitors never meet a screen still waking.

Times are the booth's local wall-clock time: the hall opens at nine whatever the time zone.
Staff may override the rest of a day (keep the screen on, or keep it off); the override
ends at midnight by itself.

No Qt here: ``kiosk.bridge.opening_hours`` turns these answers into the screen's state.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.files import write_atomically

log = logging.getLogger(__name__)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY_DAY = "daily"
CLOSED = "closed"
# How far ahead the next change is looked for: a week covers every weekday, and a hall
# closed for longer (a holiday) is looked at again well before it could reopen.
HORIZON_DAYS = 8


@dataclass(frozen=True)
class Span:
    """One opening within a day: from ``start`` until ``end`` (a later day's time when the
    span runs past midnight)."""

    start: dt.time
    end: dt.time | None  # None: until midnight ("24:00")

    def on(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """This span's opening and closing on ``day``."""
        opens = dt.datetime.combine(day, self.start)
        if self.end is None:
            return opens, dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
        closes = dt.datetime.combine(day, self.end)
        if closes <= opens:  # past midnight
            closes += dt.timedelta(days=1)
        return opens, closes

    def __str__(self) -> str:
        end = "24:00" if self.end is None else _clock(self.end)
        return f"{_clock(self.start)}-{end}"


def parse_spans(text: str) -> tuple[Span, ...]:
    """The spans of ``"09:00-12:00, 13:00-18:00"``; ``()`` for ``closed``. ValueError
    (with a sentence for the config's error) when it is neither."""
    words = text.strip()
    if words.lower() == CLOSED:
        return ()
    if not words:
        raise ValueError(f"write the hours as 09:00-18:00, or '{CLOSED}'")
    spans = []
    for part in words.split(","):
        start_text, dash, end_text = part.strip().partition("-")
        if not dash:
            raise ValueError(f"'{part.strip()}' is not a span of hours such as 09:00-18:00")
        start = _time(start_text)
        end = None if end_text.strip() == "24:00" else _time(end_text)
        if start == end:
            raise ValueError(f"'{part.strip()}' opens and closes at the same time")
        spans.append(Span(start, end))
    return tuple(spans)


def _time(text: str) -> dt.time:
    try:
        value = dt.time.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a time of day such as 09:00") from None
    if value.tzinfo is not None:
        raise ValueError(f"'{text.strip()}': write the booth's local time, without a zone")
    return value


def _clock(time: dt.time) -> str:
    return time.strftime("%H:%M:%S" if time.second else "%H:%M")


class Override(enum.Enum):
    """What staff chose for the rest of today."""

    NONE = ""
    ON = "on"  # the screen stays on until midnight, whatever the hours say
    OFF = "off"  # the screen stays off until midnight


@dataclass(frozen=True)
class ScreenState:
    """Whether the screen is on now, why, and until when."""

    on: bool
    open_now: bool  # within opening hours (not counting the wake minutes before them)
    override: Override
    next_change: dt.datetime | None  # None: no change within the horizon
    next_opening: dt.datetime | None  # the next span's opening after now, if any
    today: tuple[Span, ...] | None  # None: no hours set (always on)


class OpeningHours:
    """The weekly hours, the dated exceptions and the wake minutes; with no hours at all
    the screen is always on."""

    def __init__(
        self,
        weekly: Mapping[str, str] | None = None,
        dates: Mapping[dt.date, str] | None = None,
        wake_minutes: float = 0,
    ) -> None:
        weekly = dict(weekly or {})
        self._always = not weekly and not dates
        default = parse_spans(weekly.pop(EVERY_DAY)) if EVERY_DAY in weekly else ()
        self._weekly = {
            index: parse_spans(weekly[name]) if name in weekly else default
            for index, name in enumerate(WEEKDAYS)
        }
        self._dates = {day: parse_spans(text) for day, text in (dates or {}).items()}
        self._wake = dt.timedelta(minutes=wake_minutes)

    @property
    def always_open(self) -> bool:
        """No hours are set: the screen is never turned off."""
        return self._always

    def spans(self, day: dt.date) -> tuple[Span, ...]:
        """The day's openings: its date's exception, else its weekday's."""
        return self._dates.get(day, self._weekly[day.weekday()])

    def state(self, now: dt.datetime, override: Override = Override.NONE) -> ScreenState:
        """The screen's state at ``now`` (local, naive) with staff's ``override`` of today."""
        if self._always:
            return ScreenState(True, True, override, None, None, None)
        awake = self._awake(now.date())
        on_by_hours = any(start <= now < end for start, end in awake)
        open_now = any(start <= now < end for start, end in self._open(now.date()))
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        changes = sorted(edge for interval in awake for edge in interval if edge > now)
        if override is Override.NONE:
            on = on_by_hours
            next_change = next((edge for edge in changes if self._on_at(awake, edge) != on), None)
        else:
            on = override is Override.ON
            # At midnight the override ends: the hours decide again from then.
            later = [midnight, *(edge for edge in changes if edge > midnight)]
            next_change = next((edge for edge in later if self._on_at(awake, edge) != on), None)
        opening = min((opens for opens, _ in self._open(now.date()) if opens > now), default=None)
        return ScreenState(on, open_now, override, next_change, opening, self.spans(now.date()))

    def _open(self, around: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Every opening from the day before ``around`` (it may run past midnight) to the
        horizon, as (opens, closes)."""
        return [
            span.on(day)
            for offset in range(-1, HORIZON_DAYS)
            for day in [around + dt.timedelta(days=offset)]
            for span in self.spans(day)
        ]

    def _awake(self, around: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The openings with the wake minutes before each, overlapping ones merged, so
        the screen does not blink off between a morning and an afternoon span."""
        merged: list[tuple[dt.datetime, dt.datetime]] = []
        for opens, closes in sorted((o - self._wake, c) for o, c in self._open(around)):
            if merged and opens <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
            else:
                merged.append((opens, closes))
        return merged

    @staticmethod
    def _on_at(awake: list[tuple[dt.datetime, dt.datetime]], moment: dt.datetime) -> bool:
        return any(start <= moment < end for start, end in awake)


class OverrideFile:
    """Staff's override of today, kept in the data directory so a restart keeps it; an
    override of another day is no override."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, today: dt.date) -> Override:
        """Today's override, or NONE (no file, another day's, or unreadable)."""
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            if saved.get("date") != today.isoformat():
                return Override.NONE
            return Override(saved.get("override", ""))
        except FileNotFoundError:
            return Override.NONE
        except (OSError, ValueError, AttributeError) as error:
            log.warning("staff's override of the opening hours is unreadable: %s", error)
            return Override.NONE

    def write(self, today: dt.date, override: Override) -> None:
        """Keep ``override`` for ``today`` (OSError when the disk refuses)."""
        data = {"date": today.isoformat(), "override": override.value}
        write_atomically(self.path, json.dumps(data).encode("utf-8"))


# A PC switched off after closing is woken this much earlier than its screen is due, so
# that it has booted by then.
BOOT_MINUTES = 3
# A PC started while the hall is closed (a technician at work) stays on this long before
# it switches itself off again: time to open the staff panel and keep it on.
GRACE_MINUTES = 15


@dataclass(frozen=True)
class PowerPlan:
    """What the booth image's timers do next: restart the PC at night, switch it off
    after closing, and when its clock wakes it again."""

    screen_on: bool
    reboot_at: dt.datetime | None
    power_off_at: dt.datetime | None
    wake_at: dt.datetime | None


def power_plan(
    hours: OpeningHours,
    now: dt.datetime,
    override: Override = Override.NONE,
    nightly_reboot: str = "",
    power_off: bool = False,
) -> PowerPlan:
    """The next restart (at ``nightly_reboot``'s first time the screen is off, never while
    it is on) and, with ``power_off``, the next switch-off and wake-up."""
    state = hours.state(now, override)
    if hours.always_open:
        return PowerPlan(True, None, None, None)
    reboot_at = None
    if nightly_reboot.strip():
        clock = dt.time.fromisoformat(nightly_reboot.strip())
        for offset in range(HORIZON_DAYS):
            moment = dt.datetime.combine(now.date() + dt.timedelta(days=offset), clock)
            if moment > now and not _on_at(hours, moment, now, override):
                reboot_at = moment
                break
    power_off_at = wake_at = None
    if power_off:
        power_off_at = _next_switch_off(hours, now, override, state)
        if power_off_at is not None:
            wakes = hours.state(power_off_at, _override_on(power_off_at, now, override))
            if wakes.next_change is not None:
                wake_at = wakes.next_change - dt.timedelta(minutes=BOOT_MINUTES)
    return PowerPlan(state.on, reboot_at, power_off_at, wake_at)


def _next_switch_off(
    hours: OpeningHours, now: dt.datetime, override: Override, state: ScreenState
) -> dt.datetime | None:
    """When the screen next goes off; for a PC started while closed, after the grace
    minutes, unless the screen comes on before they are up."""
    if state.on:
        return state.next_change
    grace = now + dt.timedelta(minutes=GRACE_MINUTES)
    if state.next_change is None or state.next_change > grace:
        return grace
    opened = hours.state(state.next_change, _override_on(state.next_change, now, override))
    return opened.next_change


def _override_on(moment: dt.datetime, now: dt.datetime, override: Override) -> Override:
    # Staff's override holds for its own day only.
    return override if moment.date() == now.date() else Override.NONE


def _on_at(hours: OpeningHours, moment: dt.datetime, now: dt.datetime, override: Override) -> bool:
    return hours.state(moment, _override_on(moment, now, override)).on
