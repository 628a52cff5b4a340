"""A kiosk run as its own process in a test: waiting for what it writes to its log."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

SHOWING = "INFO kiosk.app: showing "


def wait_for_log(log: Path, words: str, kiosk: subprocess.Popen[str], seconds: float = 120) -> bool:
    """True once ``words`` are in the kiosk's ``log``; False after ``seconds``. Fails the
    test with the kiosk's stderr if it exits meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.exists() and words in log.read_text():
            return True
        assert kiosk.poll() is None, kiosk.communicate()[1]
        time.sleep(0.2)
    return False


def start_kiosk(cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """``gyeonggi-kiosk run --windowed`` as its own process, its stderr kept for failures."""
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
