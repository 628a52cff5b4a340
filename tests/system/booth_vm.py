"""The booth image booted in QEMU/KVM, as the system tests see it: a screen read through
QMP's ``screendump``, keys and power through QMP, and commands run inside through the QEMU
guest agent (a virtual serial port that only the hypervisor reaches; a real booth PC has
no such port). Each VM writes to its own overlay, so the image stays as it was built."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shlex
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageStat
from qemu.qmp.legacy import QEMUMonitorProtocol

SCREEN = (1280, 720)
# Where the guest's virtual touch screen takes its taps (virtual_touch.py).
TOUCH_FIFO = "/run/kiosk-test-touch"

# KVM where it runs a stock kernel; else QEMU's own emulation of the CPU, multi-threaded
# (on these machines KVM is a nested "PVM" that hangs in Linux's early boot, so TCG is
# the default and KIOSK_VM_ACCEL=kvm is for a machine with real virtualisation).
ACCELERATION = {
    "kvm": ["-accel", "kvm", "-cpu", "host"],
    "tcg": ["-accel", "tcg,thread=multi,tb-size=512", "-cpu", "max"],
}
ACCEL = os.environ.get("KIOSK_VM_ACCEL", "tcg")


@dataclass(frozen=True)
class Screen:
    """One screendump, judged the way a person at the booth would judge it."""

    image: Image.Image

    @property
    def colours(self) -> int:
        """Distinct colours on a coarse grid: a photo or a designed screen has hundreds, a
        console, a logo or a black screen a handful."""
        small = self.image.convert("RGB").resize((64, 36), Image.Resampling.NEAREST)
        return len(small.getcolors(64 * 36) or [])

    @property
    def brightness(self) -> float:
        """Mean brightness, 0 (black) to 255."""
        return float(ImageStat.Stat(self.image.convert("L")).mean[0])

    @property
    def shows_the_kiosk(self) -> bool:
        return self.colours >= 40 and self.brightness > 8

    @property
    def dark(self) -> bool:
        return self.brightness < 3


@dataclass(frozen=True)
class Run:
    """What a command inside the VM did."""

    code: int
    out: str
    err: str


class GuestAgent:
    """The QEMU guest agent's protocol: one JSON command per line, one answer per line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._socket: socket.socket | None = None

    def _connect(self, seconds: float) -> socket.socket:
        deadline = time.monotonic() + seconds
        while True:
            try:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.connect(str(self.path))
                sock.settimeout(5)
                # A sync with a random id drops whatever an earlier client left unread.
                token = int(time.monotonic() * 1000) % 2**31
                sync = {"execute": "guest-sync-delimited", "arguments": {"id": token}}
                sock.sendall(b"\xff" + json.dumps(sync).encode())
                buffer = b""
                while f'"return": {token}'.encode() not in buffer:
                    buffer += sock.recv(4096)
                return sock
            except OSError:
                with contextlib.suppress(OSError):
                    sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def execute(self, command: str, seconds: float = 60, **arguments: object) -> Any:
        if self._socket is None:
            self._socket = self._connect(seconds)
        message: dict[str, object] = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self._socket.sendall(json.dumps(message).encode() + b"\n")
        buffer = b""
        while not buffer.endswith(b"\n"):
            chunk = self._socket.recv(65536)
            if not chunk:
                raise ConnectionError("the guest agent closed its port")
            buffer += chunk
        answer = json.loads(buffer.decode().strip().split("\n")[-1])
        if "error" in answer:
            raise RuntimeError(f"{command}: {answer['error']}")
        return answer["return"]

    def run(self, *argv: str, seconds: float = 60) -> Run:
        """Run ``argv`` inside the VM as root and wait for it."""
        started = self.execute(
            "guest-exec", path=argv[0], arg=list(argv[1:]), **{"capture-output": True}
        )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = self.execute("guest-exec-status", pid=started["pid"])
            if status["exited"]:
                out, err = (
                    base64.b64decode(status.get(key, "")).decode(errors="replace")
                    for key in ("out-data", "err-data")
                )
                return Run(status.get("exitcode", -1), out, err)
            time.sleep(0.1)
        raise TimeoutError(f"{argv} still running after {seconds} s")

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


class BoothVM:
    """A booth PC made of QEMU: the image on a virtio disk (through an overlay), a BIOS
    (SeaBIOS: OVMF's UEFI stops with a KVM emulation error on these nested machines), a
    standard VGA screen, a USB tablet for touch, a keyboard."""

    def __init__(
        self, image: Path, folder: Path, disk_gb: int = 8, disk_cache: str = "unsafe"
    ) -> None:
        """``disk_cache``: QEMU's cache mode for the disk. "unsafe" (fast) ignores the
        guest's flushes, which only a test of power cuts must not: it uses "writeback",
        where a flush reaches the host's file before the guest hears it is done."""
        self.folder = folder
        self.disk_cache = disk_cache
        folder.mkdir(parents=True, exist_ok=True)
        self.overlay = folder / "disk.qcow2"
        if not self.overlay.exists():
            # A bigger virtual disk than the image: the data partition grows into it.
            subprocess.run(
                [
                    "qemu-img",
                    "create",
                    "-q",
                    "-f",
                    "qcow2",
                    "-F",
                    "raw",
                    "-b",
                    str(image),
                    str(self.overlay),
                    f"{disk_gb}G",
                ],
                check=True,
            )
        self.serial_log = folder / "serial.log"
        self._qmp_path = folder / "qmp.sock"
        self.agent = GuestAgent(folder / "qga.sock")
        self._process: subprocess.Popen[bytes] | None = None
        self._qmp: QEMUMonitorProtocol | None = None
        self.started_at = 0.0

    def boot(self) -> None:
        """Power on."""
        width, height = SCREEN
        for stale in (self._qmp_path, self.agent.path):
            stale.unlink(missing_ok=True)
        argv = [
            "qemu-system-x86_64", *ACCELERATION[ACCEL],
            "-smp", "2", "-m", "2048", "-machine", "q35", "-nodefaults", "-no-user-config",
            "-drive", f"if=virtio,format=qcow2,file={self.overlay},cache={self.disk_cache}",
            "-device", f"VGA,edid=on,xres={width},yres={height}",
            "-device", "qemu-xhci,id=usb",
            "-device", "usb-tablet,bus=usb.0", "-device", "usb-kbd,bus=usb.0",
            "-display", "none", "-serial", f"file:{self.serial_log}",
            "-qmp", f"unix:{self._qmp_path},server=on,wait=off",
            "-chardev", f"socket,path={self.agent.path},server=on,wait=off,id=qga0",
            "-device", "virtio-serial",
            "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
        ]  # fmt: skip
        self.started_at = time.monotonic()
        with open(self.folder / "qemu.log", "ab") as qemu_log:
            self._process = subprocess.Popen(argv, stdout=qemu_log, stderr=qemu_log)
        deadline = time.monotonic() + 10
        while not self._qmp_path.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                said = (self.folder / "qemu.log").read_text(errors="replace")
                raise RuntimeError(f"QEMU did not start: {said}")
            time.sleep(0.02)
        self._qmp = QEMUMonitorProtocol(str(self._qmp_path))
        self._qmp.connect()

    def qmp(self, command: str, **arguments: object) -> object:
        assert self._qmp is not None, "the VM is off"
        return self._qmp.cmd(command, **arguments)

    def screen(self) -> Screen:
        path = self.folder / "screen.ppm"
        self.qmp("screendump", filename=str(path))
        with Image.open(path) as image:
            return Screen(image.copy())

    def wait_for_screen(self, test, seconds: float, poll: float = 0.1) -> tuple[Screen, float]:
        """The first screen that passes ``test``, and the seconds since power on."""
        deadline = time.monotonic() + seconds
        screen = self.screen()
        while not test(screen):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the screen did not change as expected in {seconds} s "
                    f"({screen.colours} colours, brightness {screen.brightness:.0f}); "
                    f"serial console:\n{self.console_tail()}"
                )
            time.sleep(poll)
            screen = self.screen()
        return screen, time.monotonic() - self.started_at

    def send_keys(self, *keys: str) -> None:
        """Press ``keys`` together, as QMP names them (``ctrl``, ``alt``, ``f1``, ``meta_l``)."""
        self.qmp("send-key", keys=[{"type": "qcode", "data": key} for key in keys])

    def add_touch_screen(self) -> None:
        """Plug a touch screen in (``virtual_touch.py``, made inside the guest with
        uinput): the booth takes it as it takes a real one plugged in while it runs."""
        script = (Path(__file__).with_name("virtual_touch.py")).read_text()
        self.agent.run("modprobe", "uinput")
        command = (
            f"setsid python3 -c {shlex.quote(script)} {TOUCH_FIFO} "
            "</dev/null >/run/kiosk-test-touch.log 2>&1 &"
        )
        self.agent.run("sh", "-c", command)
        deadline = time.monotonic() + 30
        while "ready" not in self.agent.run("cat", "/run/kiosk-test-touch.log").out:
            assert time.monotonic() < deadline, self.agent.run("cat", "/run/kiosk-test-touch.log")
            time.sleep(0.2)

    def tap(self, x: float, y: float) -> None:
        """A finger on the touch screen at ``x``, ``y`` (0 to 1 of its width and height)."""
        self.agent.run("sh", "-c", f"echo '{x} {y}' > {TOUCH_FIFO}")

    def plug_stick(self, image: Path, name: str = "stick") -> None:
        """Plug a USB stick in while the booth runs."""
        self.qmp("blockdev-add", **{"node-name": name, "driver": "raw",
                 "file": {"driver": "file", "filename": str(image)}})  # fmt: skip
        self.qmp("device_add", driver="usb-storage", drive=name, id=name, bus="usb.0",
                 removable=True)  # fmt: skip

    def pull_stick(self, name: str = "stick") -> None:
        self.qmp("device_del", id=name)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.qmp("blockdev-del", **{"node-name": name})
                return
            except Exception:  # still in use by the device until the guest lets it go
                time.sleep(0.5)

    def kill_kiosk(self, signal: str) -> None:
        """Send the kiosk's main process ``signal`` (KILL, STOP) from inside."""
        self.agent.run(
            "systemctl", "kill", f"--signal={signal}", "--kill-whom=main", "gyeonggi-kiosk"
        )

    def kiosk_journal(self, lines: int = 40) -> str:
        """The last lines the kiosk's service wrote to the journal."""
        return self.agent.run(
            "journalctl", "-u", "gyeonggi-kiosk", "--no-pager", "-n", str(lines)
        ).out

    def kiosk_state(self) -> dict[str, str]:
        """systemd's view of the kiosk's service: ActiveState, SubState, MainPID, NRestarts."""
        out = self.agent.run(
            "systemctl", "show", "gyeonggi-kiosk.service",
            "-p", "ActiveState,SubState,MainPID,NRestarts,Result",
        ).out  # fmt: skip
        return dict(line.split("=", 1) for line in out.split())

    def console_tail(self, lines: int = 30) -> str:
        if not self.serial_log.exists():
            return "(no serial output)"
        text = self.serial_log.read_bytes().decode(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def power_cut(self) -> None:
        """Pull the plug: QEMU is killed, nothing inside gets to finish a write."""
        self._close_links()
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def shut_down(self) -> None:
        """A clean power-off, or a cut after 60 s."""
        if self._process is None:
            return
        with contextlib.suppress(Exception):
            self.qmp("system_powerdown")
            self._process.wait(timeout=60)
        self.power_cut()

    def _close_links(self) -> None:
        self.agent.close()
        if self._qmp is not None:
            with contextlib.suppress(Exception):
                self._qmp.close()
            self._qmp = None


def make_stick(path: Path, files: dict[str, Path], size_mb: int = 256) -> None:
    """A USB stick's disk image, as staff bring it: one FAT partition holding ``files``
    (name on the stick → file here)."""
    subprocess.run(["truncate", "-s", f"{size_mb}M", str(path)], check=True)
    subprocess.run(["sfdisk", "-q", str(path)], input="label: dos\nstart=1MiB, type=c\n",
                   text=True, check=True)  # fmt: skip
    part = path.with_suffix(".part")
    subprocess.run(["truncate", "-s", f"{size_mb - 1}M", str(part)], check=True)
    subprocess.run(["mkfs.vfat", "-n", "EXPO", str(part)], check=True, capture_output=True)
    for name, source in files.items():
        subprocess.run(["mcopy", "-i", str(part), str(source), f"::/{name}"], check=True)
    subprocess.run(["dd", f"if={part}", f"of={path}", "bs=1M", "seek=1", "conv=notrunc",
                    "status=none"], check=True)  # fmt: skip
    part.unlink()


def stick_file(path: Path, name: str) -> str | None:
    """A file's text on a stick image made by ``make_stick``; None when it is not there."""
    read = subprocess.run(["mtype", "-i", f"{path}@@1M", f"::/{name}"],
                          capture_output=True, text=True)  # fmt: skip
    return read.stdout if read.returncode == 0 else None
