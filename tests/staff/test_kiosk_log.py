"""The kiosk's log file: written by a thread of its own, read back for staff."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.notices import Notice, attach_notices_file, recent_problems
from kiosk.staff.kiosk_log import attach_log_file, log_file, log_in_background


class ThreadRecorder(logging.Handler):
    """Notes which thread wrote each record."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.threads.append(threading.current_thread().name)


@pytest.fixture
def bare_root_logger() -> Iterator[logging.Logger]:
    """The root logger with no handlers but the ones a test gives it; restored after."""
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    root.handlers = []
    root.setLevel(logging.INFO)
    yield root
    for handler in root.handlers:
        handler.close()
    root.handlers = saved
    root.setLevel(level)


def stop(listener: logging.handlers.QueueListener) -> None:
    listener.stop()
    for handler in listener.handlers:
        handler.close()


def test_records_are_written_by_another_thread_and_none_is_lost_at_stop(
    tmp_path: Path, bare_root_logger: logging.Logger
) -> None:
    """The GUI thread only queues a record; the log file gets every one by the time the
    kiosk has stopped."""
    recorder = ThreadRecorder()
    bare_root_logger.addHandler(recorder)
    assert attach_log_file(tmp_path) is not None
    assert attach_notices_file(tmp_path) is not None
    listener = log_in_background()
    for number in range(200):
        logging.getLogger("kiosk.test").warning("problem %d", number)
    stop(listener)
    assert len(recorder.threads) == 200
    assert threading.current_thread().name not in recorder.threads
    lines = log_file(tmp_path).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 200 and lines[-1].endswith("kiosk.test: problem 199")
    (last,) = recent_problems(tmp_path, count=1)
    assert (last.kind, last.detail, last.times) == (Notice.TECHNICAL, "problem 199", 200)


def test_a_traceback_reaches_the_file_whole(
    tmp_path: Path, bare_root_logger: logging.Logger
) -> None:
    attach_log_file(tmp_path)
    listener = log_in_background()
    try:
        raise ValueError("a damaged file")
    except ValueError:
        logging.getLogger("kiosk.test").exception("reading failed")
    stop(listener)
    text = log_file(tmp_path).read_text(encoding="utf-8")
    assert "ERROR kiosk.test: reading failed" in text
    assert "Traceback" in text and "ValueError: a damaged file" in text
