"""`pip install .` gives a working kiosk from any folder: the QML and demo sources ship."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_the_ui_and_the_demo_and_runs(tmp_path: Path) -> None:
    """Built as a wheel and installed elsewhere, the kiosk renders its demo home screen."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(wheels.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "kiosk/_ui/Main.qml",
        "kiosk/_ui/theme/qmldir",
        "kiosk/_demo/seeds/manifest.yaml",
        "kiosk/_demo/media/video/attract.mp4",
        "kiosk/_demo/media/fonts/OFL.txt",
    ):
        assert expected in names, expected

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target), KIOSK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kiosk, sys; print(kiosk.__file__); from kiosk.cli import main; "
            "sys.argv[1:] = ['run', '--screenshot', 'home.png']; main()",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(target))
    assert QImage(str(elsewhere / "home.png")).width() == 1920
