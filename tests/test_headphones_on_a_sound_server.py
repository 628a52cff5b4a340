"""Headphones on a real sound server (PulseAudio, as a booth PC runs it): a headset that is
plugged in becomes the output Qt and the voice use, and the booth's speaker again when it
is pulled out. A sink added to the server stands in for the plugged-in headset."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("pulseaudio") and shutil.which("pactl")),
    reason="needs PulseAudio (Debian: pulseaudio, pulseaudio-utils; CI installs them)",
)

# A kiosk's Headphones, watching the machine's outputs; it says what it sees.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from kiosk.bridge.headphones import Headphones

    app = QGuiApplication(sys.argv[:1])
    headphones = Headphones()
    def said():
        state = "connected" if headphones.property("connected") else "speaker"
        print(state, flush=True)
    headphones.changed.connect(said)
    headphones.watch()
    print("ready", flush=True)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    """
)


@pytest.fixture
def sound_server(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A PulseAudio server of its own, with the booth's speaker as its default output."""
    runtime = tmp_path / "run"
    runtime.mkdir()
    socket = runtime / "native"
    script = tmp_path / "booth.pa"
    script.write_text(
        f"load-module module-native-protocol-unix auth-anonymous=1 socket={socket}\n"
        "load-module module-null-sink sink_name=booth_speaker "
        "sink_properties=device.description=Booth-Speaker\n"
        "set-default-sink booth_speaker\n"
    )
    env = dict(os.environ, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(runtime))
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "-F",
            str(script),
            "--exit-idle-time=-1",
            "--daemonize=no",
            "--use-pid-file=no",
            "--disallow-exit=yes",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env["PULSE_SERVER"] = f"unix:{socket}"
    try:
        for _ in range(100):
            if pactl(env, "info").returncode == 0:
                break
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def pactl(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["pactl", *args], env=env, capture_output=True, text=True, timeout=10)


def default_sink(env: dict[str, str]) -> str:
    return pactl(env, "get-default-sink").stdout.strip()


def wait_for(predicate, seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_plugged_headset_becomes_the_output_and_the_speaker_comes_back(sound_server) -> None:
    env = dict(sound_server, QT_QPA_PLATFORM="offscreen")
    kiosk = subprocess.Popen(
        [sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE, text=True
    )
    assert kiosk.stdout is not None
    try:
        assert kiosk.stdout.readline().strip() == "ready"
        assert default_sink(sound_server) == "booth_speaker"
        module = pactl(
            sound_server,
            "load-module",
            "module-null-sink",
            "sink_name=usb_headset",
            "sink_properties=device.description=USB-Audio",
        ).stdout.strip()
        assert kiosk.stdout.readline().strip() == "connected"
        assert wait_for(lambda: default_sink(sound_server) == "usb_headset")
        pactl(sound_server, "unload-module", module)
        assert kiosk.stdout.readline().strip() == "speaker"
        assert wait_for(lambda: default_sink(sound_server) == "booth_speaker")
    finally:
        kiosk.kill()
        kiosk.wait(timeout=10)
        kiosk.stdout.close()
