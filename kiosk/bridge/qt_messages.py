"""Qt's and QML's own messages in the kiosk's log: a binding error is never silent, an
expected warning is not a problem for staff, and one staff can act on is in their words."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

qt_log = logging.getLogger("qt")


# Qt warnings that are expected on a kiosk, kept at INFO so that the staff panel's "recent
# problems" (the log's warnings) shows the problems that are real.
_EXPECTED_QT_WARNINGS = (
    # Video frames are converted on the CPU on purpose (docs/decisions/0004).
    "No RHI backend. Using CPU conversion.",
    # A visitor left a corner before its video had opened.
    "FFmpeg error description: Immediate exit requested",
)
# Qt warnings staff can act on, in their words.
_QT_WARNINGS_IN_WORDS = {
    "pa_context_connect() failed": "no sound server is running: videos play without sound",
    "No audio device detected": "no audio output was found: videos play without sound",
}


def qt_message_for_log(level: int, message: str) -> tuple[int, str]:
    """The level and words with which a Qt message goes into the kiosk's log."""
    if level == logging.WARNING:
        if any(expected in message for expected in _EXPECTED_QT_WARNINGS):
            return logging.INFO, message
        for qt_words, words in _QT_WARNINGS_IN_WORDS.items():
            if qt_words in message:
                return logging.WARNING, f"{words} (Qt: {message})"
    return level, message


def install_qt_log_handler() -> None:
    """Send Qt's and QML's messages to Python logging, so a binding error is never silent."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        level, words = qt_message_for_log(levels.get(kind, logging.WARNING), message)
        qt_log.log(level, "%s%s", words, where)

    qInstallMessageHandler(handler)
