"""Qt's messages in the kiosk's log: expected ones out of the staff's "recent problems",
the ones staff can act on in their words; and they reach the log without Qt's threads
waiting for Python."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

import pytest

from kiosk.bridge.qt_messages import log_qt_line

MARK = "\x1eqt\x1f"


def qt_line(kind: str, message: str, where: str = "") -> str:
    """A line as Qt writes it to stderr with the kiosk's message pattern."""
    file, _, line = where.partition(":")
    return f"{MARK}{kind}\x1f{file}\x1f{line}\x1f{message}"


@pytest.fixture
def qt_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="qt")
    return caplog


def test_expected_warnings_are_kept_below_the_problems(qt_log) -> None:
    assert log_qt_line(
        qt_line("warning", "QRhi* ensureRhi : No RHI backend. Using CPU conversion.")
    )
    (record,) = qt_log.records
    assert record.levelno == logging.INFO


def test_no_sound_server_is_a_problem_in_plain_words(qt_log) -> None:
    log_qt_line(qt_line("warning", "PulseAudioService: pa_context_connect() failed"))
    (record,) = qt_log.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("no sound server is running: videos play without sound")
    assert record.notice == "no_sound"


def test_other_warnings_stay_warnings_as_qt_said_them(qt_log) -> None:
    log_qt_line(qt_line("warning", "TypeError: Cannot read property of null", "Main.qml:12"))
    (record,) = qt_log.records
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "TypeError: Cannot read property of null (Main.qml:12)"


def test_lines_not_from_qt_are_not_logged(qt_log) -> None:
    assert not log_qt_line("Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'clip.mp4':")
    assert qt_log.records == []


def test_a_running_kiosk_logs_qt_through_stderr_and_keeps_the_rest_on_the_terminal() -> None:
    """As run_kiosk sets it up: a Qt warning from any thread arrives in the log, in
    words; whatever else writes to stderr still reaches the terminal."""
    script = textwrap.dedent(
        """
        import logging, os, sys
        from PySide6.QtCore import QCoreApplication, QThread, qWarning
        from kiosk.bridge.qt_messages import QtMessagesThroughStderr

        logging.basicConfig(level=logging.INFO, format="LOG %(levelname)s %(message)s")
        app = QCoreApplication([])
        route = QtMessagesThroughStderr()
        route.start()

        class Speaker(QThread):
            def run(self):
                qWarning("PulseAudioService: pa_context_connect() failed")

        speaker = Speaker()
        speaker.start()
        speaker.wait()
        os.write(2, b"Input #0, mov, from 'clip.mp4':\\n")
        route.stop()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "LOG WARNING no sound server is running" in result.stderr
    assert "Input #0, mov, from 'clip.mp4':" in result.stderr
    assert "\x1e" not in result.stderr  # no raw Qt line left unread


def test_a_message_without_a_place_names_none(qt_log) -> None:
    log_qt_line(qt_line("info", "Using Qt multimedia with FFmpeg", "unknown:0"))
    (record,) = qt_log.records
    assert record.getMessage() == "Using Qt multimedia with FFmpeg"


def test_a_message_qt_repeats_is_logged_once(qt_log) -> None:
    """Qt says the same at every video opened; three days of attract loops log it once."""
    said: set[str] = set()
    for _ in range(3):
        log_qt_line(qt_line("info", "No HW decoder found"), said)
    log_qt_line(qt_line("warning", "No audio device detected"), said)
    assert [record.getMessage() for record in qt_log.records] == [
        "No HW decoder found",
        "no audio output was found: videos play without sound (Qt: No audio device detected)",
    ]


@pytest.mark.parametrize("quiet", [False, True], ids=["as FFmpeg does", "as the kiosk does"])
def test_opening_a_video_prints_no_stream_dump(tmp_path, quiet: bool) -> None:
    """FFmpeg prints fourteen lines about each file it opens; the kiosk keeps it to
    warnings (the first case shows that the dump is there to be kept out)."""
    from tests.clips import make_clip

    clip = make_clip(tmp_path / "clip.mp4", seconds=0.4)
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer, QUrl
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtMultimedia import QMediaPlayer
        from kiosk.bridge.ffmpeg_log import quiet_ffmpeg

        app = QGuiApplication([])
        if {quiet!r}:  # as the kiosk does: before any media object exists
            assert quiet_ffmpeg()
        player = QMediaPlayer()
        player.mediaStatusChanged.connect(
            lambda status: app.quit() if status == QMediaPlayer.MediaStatus.LoadedMedia else None
        )
        player.setSource(QUrl.fromLocalFile({str(clip)!r}))
        QTimer.singleShot(20_000, app.quit)
        app.exec()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert ("Input #0" in result.stderr) is not quiet, result.stderr
