"""Reading off the GUI thread: a page asks, a worker thread reads (opens packages, runs
SQL, asks the disk), and the answer, a frozen dataclass, comes back to the GUI thread
through a queued signal. Nothing a staff tap starts can stall a frame of the show."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Answer = TypeVar("Answer")


class BackgroundReader(QObject, Generic[Answer]):
    """Runs ``read`` in a worker thread on each ``start()`` and hands its answer to
    ``answered`` on the GUI thread. A start while a read runs asks again once it is done;
    an answer that arrives after ``stop()`` is dropped."""

    # From the worker to the GUI thread: a queued connection, by Qt's rules.
    _answered = Signal(object)

    def __init__(
        self,
        read: Callable[[], Answer],
        answered: Callable[[Answer], None],
        name: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._answer_to = answered
        self._name = name
        self._thread: threading.Thread | None = None
        self._again = False
        self._stopped = False
        # A bound method of this object (which lives on the GUI thread), so that Qt queues
        # the call there; a lambda would run in the worker.
        self._answered.connect(self._deliver)

    def start(self) -> None:
        """Read again, now or as soon as the read in flight is done."""
        if self._stopped:
            return
        if self._thread is not None and self._thread.is_alive():
            self._again = True
            return
        self._thread = threading.Thread(target=self._work, daemon=True, name=self._name)
        self._thread.start()

    def stop(self, wait_seconds: float = 2.0) -> None:
        """No more reads; waits briefly for the one in flight, so it never answers an
        object that is gone."""
        self._stopped = True
        if self._thread is not None:
            self._thread.join(timeout=wait_seconds)

    def _work(self) -> None:
        try:
            answer = self._read()
        except Exception:  # a supervision boundary: the page keeps what it showed
            log.exception("%s failed", self._name)
            return
        if not self._stopped:
            with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
                self._answered.emit(answer)

    def _deliver(self, answer: Answer) -> None:
        if self._stopped:
            return
        self._answer_to(answer)
        if self._again:
            self._again = False
            self.start()
