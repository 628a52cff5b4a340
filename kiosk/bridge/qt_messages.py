"""Qt's and QML's own messages in the kiosk's log: a binding error is never silent, an
expected warning is not a problem for staff, and one staff can act on is in their words.

The running kiosk does not give Qt a Python message handler. Qt calls its handler on the
thread that has something to say, and Qt Multimedia's threads do: a Python handler must
take the GIL there, while the GUI thread, inside a Python slot (opening a corner, a
session's end), may hold the GIL and wait for that very thread (a player stopping is a
blocking call into its audio thread). Both then wait for ever: the show freezes (found
under load, with pytest-qt's handler, in gdb). So Qt keeps its own handler, which writes
to stderr; stderr is a pipe, and a reader thread takes each Qt line (marked by the message
pattern) into Python logging. A thread that speaks never waits for Python; what else is
written to stderr (FFmpeg's prints, a child's) still goes to the terminal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from typing import TextIO

from PySide6.QtCore import qInstallMessageHandler, qSetMessagePattern

from kiosk.notices import Notice, notice

qt_log = logging.getLogger("qt")


# Qt warnings that are expected on a kiosk, kept at INFO so that the staff panel's "recent
# problems" (the log's warnings) shows the problems that are real.
_EXPECTED_QT_WARNINGS = (
    # Video frames are converted on the CPU on purpose (docs/decisions/0004).
    "No RHI backend. Using CPU conversion.",
    # A visitor left a corner before its video had opened.
    "FFmpeg error description: Immediate exit requested",
)
# Qt warnings staff can act on: plainer words for the log, and what the panel tells staff.
_QT_WARNINGS_IN_WORDS = {
    "pa_context_connect() failed": (
        "no sound server is running: videos play without sound",
        Notice.NO_SOUND,
    ),
    "No audio device detected": (
        "no audio output was found: videos play without sound",
        Notice.NO_SOUND,
    ),
}


def qt_message_for_log(level: int, message: str) -> tuple[int, str, Notice | None]:
    """The level and words with which a Qt message goes into the kiosk's log, and the
    notice for staff if it is one they can act on (else the panel calls it technical)."""
    if level == logging.WARNING:
        if any(expected in message for expected in _EXPECTED_QT_WARNINGS):
            return logging.INFO, message, None
        for qt_words, (words, kind) in _QT_WARNINGS_IN_WORDS.items():
            if qt_words in message:
                return logging.WARNING, f"{words} (Qt: {message})", kind
    return level, message, None


# Qt's lines on stderr begin with this mark (the message pattern), fields apart by \x1f.
_MARK = "\x1eqt"
_PATTERN = _MARK + "\x1f%{type}\x1f%{file}\x1f%{line}\x1f%{message}"
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "critical": logging.ERROR,
    "fatal": logging.CRITICAL,
}


def log_qt_line(line: str, said: set[str] | None = None) -> bool:
    """Log one line Qt wrote with the kiosk's pattern; False for any other line.

    With ``said`` (what was logged so far), a message already logged is not logged again:
    Qt repeats the same words at every video opened ("No HW decoder found", the sound
    server), which for days of attract loops would fill the log with one condition."""
    if not line.startswith(_MARK):
        return False
    parts = line.split("\x1f", 4)
    if len(parts) < 5:
        return False
    _mark, kind, file, number, message = parts
    if said is not None:
        if line in said:
            return True
        said.add(line)
    # Qt's release builds name no file for their own messages: "unknown", line 0.
    where = f" ({file}:{number})" if file and file != "unknown" else ""
    level, words, staff = qt_message_for_log(_LEVELS.get(kind, logging.WARNING), message)
    qt_log.log(level, "%s%s", words, where, extra=notice(staff) if staff else None)
    return True


class QtMessagesThroughStderr:
    """From ``start()`` to ``stop()``, Qt's messages reach Python logging from a reader
    thread (see the module's docstring for why not from a Python message handler)."""

    def __init__(self) -> None:
        self._said: set[str] = set()  # each message once (log_qt_line)
        self._terminal: TextIO | None = None
        self._thread: threading.Thread | None = None
        self._saved_fd: int | None = None

    def start(self) -> None:
        qInstallMessageHandler(None)  # Qt's own handler: the pattern, then stderr
        qSetMessagePattern(_PATTERN)
        read, write = os.pipe()
        self._saved_fd = os.dup(2)
        terminal = os.fdopen(os.dup(self._saved_fd), "w", buffering=1, errors="replace")
        self._terminal = terminal
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(write, 2)
        os.close(write)
        # Python's own messages and the log's console output go to the terminal as
        # before, not round the pipe.
        for handler in logging.getLogger().handlers:
            stream = getattr(handler, "stream", None)
            if isinstance(handler, logging.StreamHandler) and _is_fd(stream, 2):
                handler.setStream(terminal)
        sys.stderr = terminal
        self._thread = threading.Thread(
            target=self._read, args=(read,), daemon=True, name="qt-messages"
        )
        self._thread.start()

    def stop(self) -> None:
        """stderr back as it was; what Qt said until now is logged."""
        if self._saved_fd is None:
            return
        os.dup2(self._saved_fd, 2)  # the pipe's last writer closes: the reader ends
        os.close(self._saved_fd)
        self._saved_fd = None
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _read(self, fd: int) -> None:
        pending = b""
        with contextlib.closing(os.fdopen(fd, "rb", buffering=0)) as pipe:
            while chunk := pipe.read(65536):
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for raw in lines:
                    self._line(raw.decode("utf-8", "replace"))
        if pending:
            self._line(pending.decode("utf-8", "replace"))

    def _line(self, line: str) -> None:
        try:
            if not log_qt_line(line, self._said) and self._terminal is not None:
                self._terminal.write(line + "\n")
        except Exception:  # a supervision boundary: a bad line must not end the reader
            logging.getLogger(__name__).exception("a line on stderr could not be logged")


def _is_fd(stream: object, fd: int) -> bool:
    try:
        return bool(stream is not None and stream.fileno() == fd)  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
