"""The screen by the hall's opening hours: on within them, off outside them, as the config's
``schedule`` says and as staff override it for today.

Off means: the visitor session ends and none starts (a touch wakes nothing), the attract
loop stops its video and sound, the window shows its dark closed screen, and the display is
switched off by whatever this PC allows (``kiosk.staff.display_power``, on a worker thread:
CEC takes seconds). The kiosk itself keeps running, ready, and still installs new content.
While staff have their panel open the picture is on, whatever the hour.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.session.opening_hours import OpeningHours, Override, OverrideFile, ScreenState
from kiosk.staff.display_power import DisplayPower

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "OpeningHoursWatch"]

log = logging.getLogger(__name__)

# The hours are looked at again at least this often, so a clock set forward or back (NTP
# after a cold start) is followed within this time.
RECHECK_MS = 30_000


@QmlElement
@QmlUncreatable("The opening hours are watched by the application.")
class OpeningHoursWatch(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """``screenOn`` and what the staff panel says about the hours; ``setOverride`` for
    staff. ``nextChangeInDays`` is -1 when nothing changes within a week."""

    changed = Signal()
    screenOnChanged = Signal()

    def __init__(
        self,
        hours: OpeningHours,
        saved_override: OverrideFile,
        power: DisplayPower | None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hours = hours
        self._saved = saved_override
        self._power = power
        self._now = now
        self._state = hours.state(now(), saved_override.read(now().date()))
        self._staff_present = False
        self._picture_on: bool | None = None  # as last asked of the display
        self._worker: ThreadPoolExecutor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Follow the hours from now on (the first frame is up)."""
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._worker.shutdown(wait=False, cancel_futures=True)
            self._worker = None

    @Slot()
    def check(self) -> None:
        """Look at the clock: change the screen if the hours say so, and wait for the next
        change (or the next recheck)."""
        now = self._now()
        state = self._hours.state(now, self._saved.read(now.date()))
        was_on = self._state.on
        if state != self._state:
            self._state = state
            self.changed.emit()
        if state.on != was_on:
            log.info("opening hours: the screen goes %s", "on" if state.on else "off")
            self.screenOnChanged.emit()
        self._drive_display()
        wait = RECHECK_MS
        if state.next_change is not None:
            until = (state.next_change - now).total_seconds() * 1000
            wait = max(50, min(wait, round(until) + 50))
        self._timer.start(wait)

    def set_staff_present(self, present: bool) -> None:
        """Staff at the panel (or its PIN pad): the picture is on while they are."""
        self._staff_present = present
        self._drive_display()

    # -- what QML shows

    def _get_screen_on(self) -> bool:
        return self._state.on

    screenOn = Property(bool, _get_screen_on, notify=screenOnChanged)

    @property
    def screen_on(self) -> bool:
        """Whether the screen is on now, by the last look at the clock (for Python)."""
        return self._state.on

    def unchanged_until(self) -> float | None:
        """When the screen next goes on or off (seconds since the epoch), by the last look
        at the clock; None: not within the horizon, or no hours at all."""
        change = self._state.next_change
        return None if change is None else change.timestamp()

    @property
    def open_now(self) -> bool:
        """Within the opening hours now, by the last look at the clock (for Python)."""
        return self._state.open_now

    @Property(bool, constant=True)
    def scheduled(self) -> bool:
        """Hours are set (without them the screen is never turned off)."""
        return not self._hours.always_open

    @Property(bool, notify=changed)
    def openNow(self) -> bool:
        """Within today's opening hours (the wake minutes before them not counted)."""
        return self._state.open_now

    @Property(str, notify=changed)
    def todayHours(self) -> str:
        """Today's spans ("09:00–18:00"); empty when the hall is closed today."""
        spans = self._state.today or ()
        return ", ".join(str(span).replace("-", "–") for span in spans)

    @Property(str, notify=changed)
    def nextChange(self) -> str:
        """The time of day of the next change, "HH:MM"; empty when there is none."""
        change = self._state.next_change
        return "" if change is None else change.strftime("%H:%M")

    @Property(str, notify=changed)
    def nextChangeDate(self) -> str:
        """The date of the next change, "YYYY-MM-DD"; empty when there is none."""
        change = self._state.next_change
        return "" if change is None else change.date().isoformat()

    @Property(int, notify=changed)
    def nextChangeInDays(self) -> int:
        change = self._state.next_change
        return -1 if change is None else (change.date() - self._now().date()).days

    @Property(str, notify=changed)
    def nextOpening(self) -> str:
        """When the hall next opens, as an ISO date and time; empty when not this week."""
        opening = self._state.next_opening
        return "" if opening is None else opening.isoformat(timespec="minutes")

    @Property(int, notify=changed)
    def nextOpeningInDays(self) -> int:
        """In how many days the hall next opens (0: today); -1 when not this week."""
        opening = self._state.next_opening
        return -1 if opening is None else (opening.date() - self._now().date()).days

    def _get_override(self) -> str:
        return self._state.override.value

    @Slot(str)
    def setOverride(self, value: str) -> None:
        """Staff: "on" (keep the screen on today), "off" (keep it off), "" (as scheduled)."""
        try:
            override = Override(value)
        except ValueError:
            log.warning("unknown override of the opening hours: %r", value)
            return
        try:
            self._saved.write(self._now().date(), override)
        except OSError as error:
            log.warning("could not keep staff's override of the hours: %s", error.strerror)
        log.info("staff set today's opening hours to %s", override.value or "as scheduled")
        self.check()

    override = Property(str, _get_override, setOverride, notify=changed)

    @property
    def state(self) -> ScreenState:
        return self._state

    # -- inside

    def _drive_display(self) -> None:
        if self._power is None or self._hours.always_open:
            return
        wanted = self._state.on or self._staff_present
        if wanted == self._picture_on:
            return
        self._picture_on = wanted
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="display-power")
        # One worker, so an off and an on asked in quick succession arrive in that order.
        self._worker.submit(self._power.turn, wanted)
