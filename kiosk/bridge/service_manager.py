"""Telling systemd how the kiosk is, when systemd runs it as a ``Type=notify`` service
(``deploy/``): ``READY=1`` once the show's first frame is on screen, so that "started"
means "showing"; ``WATCHDOG=1`` from the GUI thread's event loop, so that a hung GUI, not
only a dead process, is killed and started again; ``STOPPING=1`` when it closes.

The pings come from a timer on the GUI thread, not from a thread of their own: a thread
would go on pinging while the screen is frozen, which is exactly the case to catch.
Outside systemd (no ``NOTIFY_SOCKET``) nothing is sent and nothing is started.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtQuick import QQuickWindow
from sdnotify import SystemdNotifier


def watchdog_interval_ms(environ: Mapping[str, str]) -> int | None:
    """How often to ping systemd's watchdog: half the ``WatchdogSec=`` it passes in
    ``WATCHDOG_USEC``, as sd_watchdog_enabled() advises; None when there is no watchdog or
    the watchdog is meant for another process (``WATCHDOG_PID``)."""
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = environ.get("WATCHDOG_PID")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return max(1, usec // 2000)


class ServiceManagerLink(QObject):
    """While it lives beside ``window``, systemd hears that the show is up and still
    turning. Does nothing where no service manager listens."""

    def __init__(self, window: QQuickWindow, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(window)
        environ = os.environ if environ is None else environ
        self._window = window
        self._listening = bool(environ.get("NOTIFY_SOCKET"))
        self._notifier = SystemdNotifier() if self._listening else None
        self._ready = False
        self._status = ""
        self._pings = QTimer(self)
        interval = watchdog_interval_ms(environ) if self._listening else None
        self._watchdog = interval is not None
        # When the watchdog last heard from the GUI thread (for the kiosk's metrics).
        self.last_ping: float | None = None
        if interval is not None:
            self._pings.setInterval(interval)
            self._pings.timeout.connect(self._ping)

    def start(self, status: str) -> None:
        """The show has started: ``READY=1`` at its next frame, then the watchdog's pings."""
        if not self._listening:
            return
        self._status = status
        # Queued: with the threaded render loop, frameSwapped comes from the render thread.
        self._window.frameSwapped.connect(self._first_frame, Qt.ConnectionType.QueuedConnection)
        self._window.update()
        if self._watchdog:
            self._pings.start()

    def _first_frame(self) -> None:
        # A frame queued before the disconnect below still arrives: READY is told once.
        if self._ready:
            return
        self._ready = True
        self._window.frameSwapped.disconnect(self._first_frame)
        self._tell(f"READY=1\nSTATUS={self._status}")

    @property
    def watchdog(self) -> bool:
        """True when systemd's watchdog watches the kiosk."""
        return self._listening and self._watchdog

    def _ping(self) -> None:
        self._tell("WATCHDOG=1")
        self.last_ping = time.time()

    def stopping(self) -> None:
        """The kiosk is closing on purpose: systemd is not to treat the silence as a hang."""
        self._pings.stop()
        if self._listening:
            self._tell("STOPPING=1")

    def _tell(self, message: str) -> None:
        assert self._notifier is not None
        self._notifier.notify(message)
