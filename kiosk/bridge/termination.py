"""Ending the kiosk cleanly when the system asks: SIGTERM (``systemctl stop``, a shutdown)
and SIGINT (Ctrl+C in a terminal) end Qt's event loop instead of the process, so the
kiosk closes as after the staff panel's "quit": the last visitor events and log lines are
written and the status file is removed.

Python runs a signal handler only when the interpreter gets control, which it may not do
for a long time while Qt's event loop waits. ``signal.set_wakeup_fd`` makes the signal
also write a byte to a socket that Qt watches; reading it runs Python, and the handler.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger(__name__)


class TerminationWatch(QObject):
    """While it lives, SIGTERM and SIGINT quit ``app``'s event loop."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        # True once asked: a request before the event loop runs is otherwise lost.
        self.requested = False
        self._receive, self._send = socket.socketpair()
        self._receive.setblocking(False)
        self._send.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._send.fileno())
        self._previous = {
            number: signal.signal(number, self._ask_to_quit)
            for number in (signal.SIGTERM, signal.SIGINT)
        }
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        # Reading runs Python, which runs the handler of the signal that wrote the byte.
        with contextlib.suppress(OSError):
            self._receive.recv(64)

    def _ask_to_quit(self, number: int, _frame: FrameType | None) -> None:
        log.info("asked to stop (%s): closing", signal.Signals(number).name)
        self.requested = True
        # exit(), not quit(): quit() asks the windows first, and the kiosk's refuses.
        self._app.exit(0)

    def stop(self) -> None:
        """Give the signals back to what handled them before."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._receive.close()
        self._send.close()
