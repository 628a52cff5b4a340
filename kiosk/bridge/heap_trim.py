"""Memory the kiosk no longer uses goes back to the system at quiet moments.

Starting the kiosk and each visitor's session allocate and free a great deal: QML
compilation, pictures decoded and dropped, Python objects of the content. glibc's
allocator keeps the freed memory in its heaps for reuse, so a kiosk that is idle on its
home screen still holds it (kiosk/heap.py). A few seconds after its first frame the kiosk
collects its garbage (20-60 ms on the GUI thread, once) and hands the free pages back;
a few seconds after each session ends it hands them back again, in a thread of its own.
"""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtQml import QQmlEngine

from kiosk import trace
from kiosk.heap import give_back_free_memory

# After the first frame, or a session's end: the allocations of the moment have been freed.
SETTLE_MS = 4000


def trim_heap(engine: QQmlEngine | None = None, *, collect: bool = True) -> threading.Thread:
    """Give the C heap's free pages back to the system, in a thread of its own (the GUI
    thread does not wait for it); with ``collect``, first collect QML's and Python's
    garbage and drop compiled QML no screen uses now (tens of milliseconds on the GUI
    thread). The thread."""
    started = time.monotonic()
    if collect:
        if engine is not None:
            engine.collectGarbage()
            engine.trimComponentCache()
        # Python's cycles: what they hold (Qt objects among them) is freed with them.
        gc.collect()
    collected = round((time.monotonic() - started) * 1000, 1)

    def give_back() -> None:
        trimming = time.monotonic()
        give_back_free_memory()
        trace.mark("heap_trimmed", collect_ms=collected,
                   trim_ms=round((time.monotonic() - trimming) * 1000, 1))  # fmt: skip

    thread = threading.Thread(target=give_back, name="heap-trim", daemon=True)
    thread.start()
    return thread


class HeapTrimmer(QObject):
    """Trims the heap ``SETTLE_MS`` after the start, with a full collection (once, while
    only the attract loop runs), and after each session's end (the trim alone: the show
    never waits for a collection while a visitor may come)."""

    def __init__(
        self, engine: QQmlEngine | None, parent: QObject | None = None, settle_ms: int = SETTLE_MS
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._collect = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._trim)

    def after_start(self) -> None:
        """Collect and trim once the start has settled."""
        self._collect = True
        self._timer.start()

    @Slot(str)
    def after_session(self, _reason: str) -> None:
        """Trim once the session's end has settled."""
        self._timer.start()

    @Slot()
    def _trim(self) -> None:
        trim_heap(self._engine, collect=self._collect)
        self._collect = False
