"""The staff key reaches the kiosk through a real X server: Xvfb, the kiosk run as at the
booth (full screen, no window manager), and xdotool typing on the X keyboard (XTEST), so
the X keymap turns the keys into keysyms as a real keyboard's would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kiosk_process import SHOWING, wait_for_log

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool"
)


def test_the_default_staff_key_opens_the_pin_pad_on_x(tmp_path: Path, x_display: str) -> None:
    data = tmp_path / "data"
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "KIOSK_DATA_DIR": str(data),
    }
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = data / "logs" / "kiosk.log"
    try:
        assert wait_for_log(log, SHOWING, kiosk), "the kiosk did not start"
        # Without a window manager, keys go to the window under the pointer.
        xdotool = ["xdotool", "mousemove", "960", "540", "sleep", "0.5", "key", "ctrl+shift+F12"]
        opened = False
        for _attempt in range(10):  # the window may map a moment after "showing"
            subprocess.run(xdotool, env=env, check=True, timeout=30)
            if wait_for_log(log, "staff PIN pad opened", kiosk, 2):
                opened = True
                break
        assert opened, "the staff key did not reach the kiosk"
    finally:
        kiosk.terminate()
        kiosk.communicate(timeout=60)
