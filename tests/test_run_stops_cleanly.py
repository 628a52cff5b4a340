"""``run`` under a service manager: SIGTERM (``systemctl stop``, a shutdown) or Ctrl+C
closes the kiosk as the staff panel's "quit" does, with nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kiosk_process import SHOWING, start_kiosk, wait_for_log


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_kiosk_cleanly(tmp_path: Path, stop_signal) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(data))
    kiosk = start_kiosk(tmp_path, env)
    log = data / "logs" / "kiosk.log"
    try:
        # The first run builds the demo package.
        assert wait_for_log(log, SHOWING, kiosk), "the kiosk did not start"
        assert (data / "logs" / "running.json").exists()
        kiosk.send_signal(stop_signal)
        _out, err = kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:  # a failed test leaves no kiosk running behind it
            kiosk.kill()
            kiosk.communicate()
    assert kiosk.returncode == 0, err
    assert "Traceback" not in err
    text = log.read_text()
    assert f"asked to stop ({stop_signal.name}): closing" in text
    assert text.rstrip().endswith("the kiosk stopped")  # the last line got out of the queue
    assert not (data / "logs" / "running.json").exists()


def test_a_stop_signal_while_the_kiosk_starts_closes_it_cleanly(tmp_path: Path) -> None:
    """SIGTERM after the window shows but before Qt's event loop runs (a `systemctl stop`
    at boot): Qt would drop a request to quit made then, so the kiosk must not start the
    loop at all. The signal is sent from inside the start, so the moment is exact."""
    data = tmp_path / "data"
    script = (
        "import os, signal, sys\n"
        "from kiosk.composition import KioskUi\n"
        "started = KioskUi.start\n"
        "def start_and_be_stopped(self):\n"
        "    started(self)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "KioskUi.start = start_and_be_stopped\n"
        "from kiosk.cli import main\n"
        "sys.argv = ['gyeonggi-kiosk', 'run', '--windowed']\n"
        "main()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(data))
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (data / "logs" / "kiosk.log").read_text()
    assert "asked to stop (SIGTERM): closing" in text
    assert text.rstrip().endswith("the kiosk stopped")
    assert not (data / "logs" / "running.json").exists()
