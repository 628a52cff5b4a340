"""A real Syncthing (Debian's) for the hall's tests: its own config folder, its GUI/REST and
sync ports on 127.0.0.1, no discovery, no relays, no NAT, no upgrades, no usage reports;
peers join by address, folders are shared through the REST API."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

SYNCTHING = shutil.which("syncthing") or "/usr/bin/syncthing"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SyncthingPeer:
    """One Syncthing instance, started by ``start()`` and stopped by ``stop()``."""

    def __init__(self, home: Path, name: str) -> None:
        self.home = home
        self.name = name
        self.gui_port = free_port()
        self.sync_port = free_port()
        self.api_key = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        home.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [SYNCTHING, "generate", f"--home={home}", "--no-default-folder",
             "--skip-port-probing"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        self.device_id = self._configure()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.gui_port}"

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.sync_port}"

    def _configure(self) -> str:
        """A LAN-only, loopback-only instance (config/syncthing.md, for one PC); its ID."""
        path = self.home / "config.xml"
        tree = ElementTree.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        gui.set("tls", "false")
        address = gui.find("address")
        assert address is not None
        address.text = f"127.0.0.1:{self.gui_port}"
        key = gui.find("apikey")
        if key is None:
            key = ElementTree.SubElement(gui, "apikey")
        key.text = self.api_key
        options = root.find("options")
        assert options is not None
        settings = {
            "listenAddress": self.address, "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false", "relaysEnabled": "false", "natEnabled": "false",
            "urAccepted": "-1", "autoUpgradeIntervalH": "0", "startBrowser": "false",
            "crashReportingEnabled": "false", "limitBandwidthInLan": "true",
        }  # fmt: skip
        for name, value in settings.items():
            for old in options.findall(name):
                options.remove(old)
            ElementTree.SubElement(options, name).text = value
        tree.write(path)
        device = root.find("device")
        assert device is not None
        return device.get("id", "")

    def start(self, attempts: int = 3) -> None:
        """Start it and wait until its REST API answers; a start that finds the database
        still locked by the instance before (it is going) is tried again."""
        env = dict(os.environ, STNODEFAULTFOLDER="1", STNOUPGRADE="1", HOME=str(self.home))
        for _attempt in range(attempts):
            with (self.home / "syncthing.log").open("ab") as log:
                self.process = subprocess.Popen(
                    [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart",
                     "--no-upgrade", f"--logfile={self.home / 'syncthing.log'}"],
                    stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
                )  # fmt: skip
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    if self.call("GET", "/rest/system/ping", attempts=1).get("ping") == "pong":
                        return
                except (OSError, ValueError):
                    pass
                time.sleep(0.2)
            self.stop()
            time.sleep(1)
        raise AssertionError(f"Syncthing {self.name} did not start: {self.log_tail()}")

    def stop(self) -> None:
        """Kill it, its monitor and the Syncthing the monitor runs (which may be in a
        process group of its own), and wait until every one is gone: a new start finds
        its database still locked otherwise."""
        if self.process is None:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            running = self._processes()
            if not running:
                break
            for pid in running:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=0.2)
        self.process.wait(timeout=30)
        self.process = None

    def _processes(self) -> list[int]:
        """Every live process started with this instance's home (zombies are gone)."""
        found = []
        mark = f"--home={self.home}".encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if (
                    mark in (entry / "cmdline").read_bytes().split(b"\0")
                    and b"Z" not in ((entry / "stat").read_bytes().rsplit(b")", 1)[-1][:3])
                ):
                    found.append(int(entry.name))
            except OSError:
                continue
        return found

    def log_tail(self) -> str:
        path = self.home / "syncthing.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def call(self, method: str, path: str, body: Any = None, attempts: int = 5) -> Any:
        """A REST call; a dropped connection (Syncthing just started) is tried again."""
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(attempts):
            request = urllib.request.Request(
                self.url + path, data=data, method=method,
                headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
            )  # fmt: skip
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    text = answer.read()
                return json.loads(text) if text.strip() else {}
            except (ConnectionError, urllib.error.URLError):
                if attempt == attempts - 1:
                    raise
                time.sleep(1)
        return {}

    def knows(self, other: SyncthingPeer) -> None:
        """``other`` as a device of this one's, reached at its loopback address only."""
        self.call("POST", "/rest/config/devices", {
            "deviceID": other.device_id, "name": other.name, "addresses": [other.address],
            "autoAcceptFolders": False,
        })  # fmt: skip

    def shares(self, folder_id: str, path: Path, kind: str, other: SyncthingPeer,
               send_kib_per_s: int = 0) -> None:  # fmt: skip
        """A folder at ``path`` of ``kind`` (sendonly, receiveonly) shared with ``other``."""
        path.mkdir(parents=True, exist_ok=True)
        self.call("POST", "/rest/config/folders", {
            "id": folder_id, "label": folder_id, "path": str(path), "type": kind,
            "devices": [{"deviceID": self.device_id}, {"deviceID": other.device_id}],
            "rescanIntervalS": 5, "fsWatcherEnabled": True, "fsWatcherDelayS": 1,
        })  # fmt: skip
        if send_kib_per_s:
            self.call("PATCH", "/rest/config/options", {"maxSendKbps": send_kib_per_s})

    def connected_to(self, other: SyncthingPeer) -> bool:
        try:
            links = self.call("GET", "/rest/system/connections")["connections"]
        except (OSError, ValueError, urllib.error.URLError):
            return False
        return bool(links.get(other.device_id, {}).get("connected"))

    def scan(self, folder_id: str) -> None:
        self.call("POST", f"/rest/db/scan?folder={folder_id}")
