"""The way in for staff: the one PIN pad, opened by the hidden gesture or the staff key
(to open the panel) or by the notice of a package that needs approval (to install it);
every PIN decision; and the panel, which closes itself when nobody touches it. Attempts
are logged, never the PIN."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import Protocol

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.notices import Notice, notice
from kiosk.staff.pin import PinGate

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Approvals", "StaffAccess"]

log = logging.getLogger(__name__)


class Approvals(Protocol):
    """What waits for staff approval (the package watcher)."""

    def approve_waiting(self) -> bool:
        """Install what waits; False when nothing waits any more."""
        ...

    def dismissApproval(self) -> None:
        """Staff decided not to install what waits."""
        ...


@QmlElement
@QmlUncreatable("Staff access is made by the application.")
class StaffAccess(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Decides every PIN; opens and closes the pad and the panel."""

    @QEnum
    class PinResult(Enum):
        """What a PIN did. ``NothingWaiting``: an approval came after the package went."""

        Accepted = 0
        NoPin = 1
        Locked = 2
        Wrong = 3
        NothingWaiting = 4

    @QEnum
    class Pad(Enum):
        """What the PIN pad is open for."""

        Closed = 0
        Entry = 1  # the staff panel
        Approval = 2  # the package waiting for approval

    padChanged = Signal()
    panelOpenChanged = Signal()
    lockChanged = Signal()
    panelOpened = Signal()

    def __init__(
        self,
        gate: PinGate,
        idle_seconds: float,
        approvals: Approvals | None = None,
        pad_idle_seconds: float = 20,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self._approvals = approvals
        self._pad = self.Pad.Closed
        self._panel_open = False
        self._idle = QTimer(self, singleShot=True, interval=round(idle_seconds * 1000))
        self._idle.timeout.connect(self._closed_by_idle)
        # The pad goes by itself too: five taps in the corner are easy for a child.
        self._pad_idle = QTimer(self, singleShot=True, interval=round(pad_idle_seconds * 1000))
        self._pad_idle.timeout.connect(self._pad_closed_by_idle)
        self._before_close: list[Callable[[], None]] = []

    # -- deciding

    def check(self, pin: str, doing: str) -> PinResult:
        """One PIN try to do ``doing`` (words for the log): the gate counts it."""
        if not self._gate.configured:
            log.warning(
                "staff PIN pad used to %s, but no staff PIN is set on this kiosk",
                doing,
                extra=notice(Notice.PIN_NOT_SET),
            )
            return self.PinResult.NoPin
        if self._gate.locked_for() > 0:
            log.warning(
                "staff PIN refused: locked for %d s",
                round(self._gate.locked_for()),
                extra=notice(Notice.WRONG_PIN),
            )
            return self.PinResult.Locked
        if not self._gate.check(pin):
            self.lockChanged.emit()
            locked = self._gate.locked_for() > 0
            log.warning(
                "wrong staff PIN to %s%s",
                doing,
                f"; locked for {round(self._gate.locked_for())} s" if locked else "",
                extra=notice(Notice.WRONG_PIN),
            )
            return self.PinResult.Locked if locked else self.PinResult.Wrong
        return self.PinResult.Accepted

    @Property(int, notify=lockChanged)
    def lockedSeconds(self) -> int:
        """Seconds until a PIN is taken again (0: not locked)."""
        return round(self._gate.locked_for())

    @Property(int, notify=lockChanged)
    def triesLeft(self) -> int:
        """Wrong PINs left before the pad locks."""
        return self._gate.tries_left()

    # -- the pad

    @Property(int, notify=padChanged)
    def pad(self) -> int:
        """A ``Pad``: what the PIN pad is open for."""
        return int(self._pad.value)

    @Property(bool, notify=padChanged)
    def pinPadOpen(self) -> bool:
        return self._pad is not self.Pad.Closed

    @Slot()
    def requestEntry(self) -> None:
        """The hidden gesture or the staff key: the PIN pad, to open the panel."""
        if not self._panel_open and self._pad is self.Pad.Closed:
            log.info("staff PIN pad opened")
            self._set_pad(self.Pad.Entry)
            self.lockChanged.emit()  # the lock may have run out meanwhile

    @Slot()
    def requestApproval(self) -> None:
        """The notice of a package waiting for approval: the PIN pad, to install it."""
        if self._pad is self.Pad.Closed and self._approvals is not None:
            self._set_pad(self.Pad.Approval)
            self.lockChanged.emit()

    @Slot(str, result=int)
    def submitPin(self, pin: str) -> int:
        """A PinResult. ``Accepted`` opens the panel, or installs the package waiting;
        either way the pad closes, as it does when nothing waits any more."""
        approving = self._pad is self.Pad.Approval
        result = self.check(pin, "approve a package" if approving else "open the staff panel")
        if result is not self.PinResult.Accepted:
            return int(result.value)
        self._set_pad(self.Pad.Closed)
        if approving:
            if self._approvals is None or not self._approvals.approve_waiting():
                return int(self.PinResult.NothingWaiting.value)
            log.info("staff PIN accepted: the package waiting is installed")
            return int(result.value)
        log.info("staff PIN accepted: staff panel opened")
        self._panel_open = True
        self._idle.start()
        self.panelOpenChanged.emit()
        self.panelOpened.emit()
        return int(result.value)

    @Slot()
    def cancelPad(self) -> None:
        """Cancel: no panel, or the package waiting is not installed."""
        if self._pad is self.Pad.Approval and self._approvals is not None:
            self._approvals.dismissApproval()
        self._set_pad(self.Pad.Closed)

    def close_pad(self) -> None:
        """The pad goes without a decision (the session ended, nobody used it): a package
        waiting for approval goes on waiting."""
        if self._pad is not self.Pad.Closed:
            log.info("staff PIN pad closed unused")
        self._set_pad(self.Pad.Closed)

    def _set_pad(self, pad: Pad) -> None:
        if pad is not self._pad:
            self._pad = pad
            if pad is self.Pad.Closed:
                self._pad_idle.stop()
            else:
                self._pad_idle.start()
            self.padChanged.emit()

    def _pad_closed_by_idle(self) -> None:
        log.info(
            "staff PIN pad closed itself after %d s without a touch",
            self._pad_idle.interval() // 1000,
        )
        self.close_pad()

    # -- the panel

    @Property(bool, notify=panelOpenChanged)
    def panelOpen(self) -> bool:
        return self._panel_open

    def before_close(self, action: Callable[[], None]) -> None:
        """Run ``action`` whenever the panel closes (the test pattern goes with it)."""
        self._before_close.append(action)

    @Slot()
    def close(self) -> None:
        """Close the panel (staff are done, or nobody touched it for a while)."""
        self._idle.stop()
        for action in self._before_close:
            action()
        if self._panel_open:
            log.info("staff panel closed")
            self._panel_open = False
            self.panelOpenChanged.emit()

    def activity(self) -> None:
        """A touch or key: an open panel or pad stays open a while longer."""
        if self._panel_open:
            self._idle.start()
        if self._pad is not self.Pad.Closed:
            self._pad_idle.start()

    def _closed_by_idle(self) -> None:
        log.info(
            "staff panel closed itself after %d s without a touch", self._idle.interval() // 1000
        )
        self.close()
