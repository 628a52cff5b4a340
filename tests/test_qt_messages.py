"""Qt's messages in the kiosk's log: expected ones out of the staff's "recent problems",
the ones staff can act on in their words."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qWarning

from kiosk.bridge.qt_messages import install_qt_log_handler


@pytest.fixture
def qt_messages_to_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """The kiosk's Qt message handler, for this test (pytest-qt restores its own after)."""
    install_qt_log_handler()
    caplog.set_level(logging.DEBUG, logger="qt")
    return caplog


def test_expected_warnings_are_kept_below_the_problems(qt_messages_to_log) -> None:
    qWarning("QRhi* ensureRhi : No RHI backend. Using CPU conversion.")
    (record,) = qt_messages_to_log.records
    assert record.levelno == logging.INFO


def test_no_sound_server_is_a_problem_in_plain_words(qt_messages_to_log) -> None:
    qWarning("PulseAudioService: pa_context_connect() failed")
    (record,) = qt_messages_to_log.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("no sound server is running: videos play without sound")


def test_other_warnings_stay_warnings_as_qt_said_them(qt_messages_to_log) -> None:
    qWarning("qrc:/Main.qml:12: TypeError: Cannot read property of null")
    (record,) = qt_messages_to_log.records
    assert record.levelno == logging.WARNING
    assert "TypeError: Cannot read property of null" in record.getMessage()
