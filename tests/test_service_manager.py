"""``run`` as a systemd ``Type=notify`` service with a watchdog (deploy/): the kiosk says
READY=1 once it shows, pings WATCHDOG=1 from its GUI thread while that thread turns, goes
silent when it hangs, and says STOPPING=1 when asked to stop. The test listens on the
notify socket as systemd would."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from kiosk.bridge.service_manager import watchdog_interval_ms
from tests.kiosk_process import start_kiosk


class NotifySocket:
    """systemd's end of NOTIFY_SOCKET: an abstract datagram socket, as systemd uses."""

    def __init__(self) -> None:
        self.name = f"@gyeonggi-kiosk-test-{secrets.token_hex(6)}"
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._socket.bind("\0" + self.name[1:])

    def messages(self, seconds: float) -> list[str]:
        """Every message that arrives within ``seconds``."""
        heard: list[str] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._socket.settimeout(left)
            try:
                heard.append(self._socket.recv(4096).decode())
            except TimeoutError:
                break
        return heard

    def wait_for(self, prefix: str, kiosk: subprocess.Popen[str], seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert kiosk.poll() is None, kiosk.communicate()[1]
            for message in self.messages(0.5):
                if message.startswith(prefix):
                    return message
        raise AssertionError(f"no {prefix} from the kiosk in {seconds} s")

    def close(self) -> None:
        self._socket.close()


def test_the_watchdog_hears_the_gui_thread_and_misses_it_when_it_hangs(tmp_path: Path) -> None:
    listener = NotifySocket()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        NOTIFY_SOCKET=listener.name,
        WATCHDOG_USEC="400000",  # WatchdogSec=0.4: a ping every 200 ms
    )
    kiosk = start_kiosk(tmp_path, env)
    try:
        ready = listener.wait_for("READY=1", kiosk, seconds=120)
        assert "STATUS=showing kr.gyeonggi." in ready  # started means showing, and says what
        heard = listener.messages(2.0)
        assert heard.count("WATCHDOG=1") >= 5, heard

        kiosk.send_signal(signal.SIGSTOP)  # a hung GUI thread
        listener.messages(0.3)  # a ping already on its way
        assert listener.messages(1.5) == []
        kiosk.send_signal(signal.SIGCONT)
        assert "WATCHDOG=1" in listener.messages(1.5)

        kiosk.send_signal(signal.SIGTERM)
        listener.wait_for("STOPPING=1", kiosk, seconds=30)
        _out, err = kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.communicate()
        listener.close()
    assert kiosk.returncode == 0, err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("environ", "interval"),
    [
        ({"WATCHDOG_USEC": "5000000"}, 2500),
        ({"WATCHDOG_USEC": "5000000", "WATCHDOG_PID": str(os.getpid())}, 2500),
        ({"WATCHDOG_USEC": "5000000", "WATCHDOG_PID": "1"}, None),  # another process's
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_the_ping_interval_is_half_the_watchdogs_time(environ, interval) -> None:
    assert watchdog_interval_ms(environ) == interval
