"""The kiosk's own log file, and whether the kiosk is running.

The running kiosk writes its log to ``<data>/logs/kiosk.log`` (rotated at 1 MB, three
kept) and notes its process id and start time in ``<data>/logs/running.json``, so the
staff panel and ``gyeonggi-kiosk status`` (another process) tell the same story.
"""

from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
import os
import queue
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.paths import DataPaths

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir(data_dir: Path) -> Path:
    return DataPaths(data_dir).logs


def log_file(data_dir: Path) -> Path:
    return DataPaths(data_dir).kiosk_log


def attach_log_file(data_dir: Path) -> logging.Handler | None:
    """Also log to the kiosk's log file; None (and a warning) when it cannot be written."""
    try:
        log_dir(data_dir).mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file(data_dir), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("no log file in %s: %s", data_dir, error.strerror)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)
    return handler


def log_in_background() -> logging.handlers.QueueListener:
    """Hand every log record to one thread that writes it with the handlers the root logger
    had. The GUI thread then never waits for a disk: during an install the disk is busy
    with fsyncs, and one write to the log file may wait behind them for a frame or more.
    Stop the returned listener at exit: it writes what is still queued."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = logging.handlers.QueueListener(records, *handlers, respect_handler_level=True)
    for handler in handlers:
        root.removeHandler(handler)
    root.addHandler(logging.handlers.QueueHandler(records))
    listener.start()
    return listener


@dataclass(frozen=True)
class RunningKiosk:
    """The kiosk process running on this data directory."""

    pid: int
    started_at: float

    @property
    def uptime_seconds(self) -> float:
        return max(0.0, time.time() - self.started_at)


def _running_file(data_dir: Path) -> Path:
    return DataPaths(data_dir).running_note


def mark_running(data_dir: Path) -> None:
    """Note that this process runs the kiosk (for ``status``); best effort."""
    try:
        log_dir(data_dir).mkdir(parents=True, exist_ok=True)
        _running_file(data_dir).write_text(
            json.dumps({"pid": os.getpid(), "started_at": time.time()}), encoding="utf-8"
        )
    except OSError:
        pass


def mark_stopped(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        _running_file(data_dir).unlink(missing_ok=True)


def running_kiosk(data_dir: Path) -> RunningKiosk | None:
    """The running kiosk, if its process is still alive."""
    try:
        noted = json.loads(_running_file(data_dir).read_text(encoding="utf-8"))
        pid, started = int(noted["pid"]), float(noted["started_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, another user's
    return RunningKiosk(pid, started)
