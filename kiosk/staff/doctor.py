"""Is this PC ready to be the booth's kiosk? What ``gyeonggi-kiosk doctor`` checks, for
whoever sets the PC up.

Each finding says what was found in plain words and, when something is wrong, what to do
about it. Qt is tried in a child Python process: a missing system library then ends that
process with Qt's message, not this one, and this module stays free of Qt like the rest
of the core.
"""

from __future__ import annotations

import ctypes.util
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.config import KioskConfig
from kiosk.install.installer import Installer
from kiosk.paths import DataPaths
from kiosk.session.opening_hours import Override, OverrideFile
from kiosk.staff.backlight import Backlight
from kiosk.staff.display_power import DisplayPower, frame_buffer_device
from kiosk.staff.status import size_words
from kiosk.staff.video_decoding import find_video_decoding, find_video_drawing

# A package is copied in full before its media are unpacked: an install needs about twice
# its size for a moment. Below these the kiosk runs, but a large package may not fit.
LOW_DISK_BYTES = 2 * 10**9
TOO_LITTLE_DISK_BYTES = 500 * 10**6

# The systemd unit that runs the kiosk (deploy/, config/).
SERVICE = "gyeonggi-kiosk.service"

# The libraries Qt's X11 support loads, by the Debian package that has each (the same
# list quickstart.sh installs); a fresh machine often lacks a few.
_XCB_LIBRARIES = {
    f"xcb-{name}": f"libxcb-{name}{version}"
    for name, version in [
        ("cursor", "0"), ("icccm", "4"), ("image", "0"), ("keysyms", "1"), ("randr", "0"),
        ("render-util", "0"), ("shape", "0"), ("xfixes", "0"), ("xinerama", "0"), ("xkb", "1"),
    ]
} | {"xkbcommon-x11": "libxkbcommon-x11-0"}  # fmt: skip

_QT_PROBE = """
import sys
from PySide6 import QtCore
try:
    from PySide6 import QtMultimedia, QtQuick
except ImportError as error:
    print(error)
    sys.exit(3)
print(QtCore.qVersion())
"""


@dataclass(frozen=True)
class Finding:
    """One thing checked: ``ok``, a ``note`` worth knowing, or a ``problem`` to fix."""

    outcome: Literal["ok", "note", "problem"]
    subject: str
    detail: str


def examine(config: KioskConfig, data_dir: Path) -> list[Finding]:
    """Every check, in the order a technician would go through them."""
    return [
        *_data_directory(data_dir),
        _content(data_dir),
        _trusted_keys(config),
        _staff_pin(config),
        *_drop_folders(config),
        *_syncthing(config),
        _data_partition(data_dir),
        _qt(),
        _video_decoding(),
        _video_drawing(config),
        _display(),
        _service(),
        _clock(),
        _schedule(config, data_dir),
        _usb_mounting(),
        _backlight(),
    ]


def _data_directory(data_dir: Path) -> list[Finding]:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".doctor-") as probe:
            probe.write(b"ok")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        return [
            Finding(
                "problem",
                "data folder",
                f"cannot write to {data_dir}: {error.strerror}. The kiosk keeps its content, "
                "logs and visitor numbers there: give its user a folder it may write to "
                "(data_dir in the config, or --data-dir).",
            )
        ]
    found = [Finding("ok", "data folder", f"{data_dir} can be written")]
    free = shutil.disk_usage(data_dir).free
    if free < TOO_LITTLE_DISK_BYTES:
        found.append(
            Finding(
                "problem",
                "free disk",
                f"only {size_words(free)} free: new content will not fit. Free some space.",
            )
        )
    elif free < LOW_DISK_BYTES:
        found.append(
            Finding(
                "note",
                "free disk",
                f"{size_words(free)} free: an install needs about twice the package's size.",
            )
        )
    else:
        found.append(Finding("ok", "free disk", f"{size_words(free)} free"))
    return found


def _content(data_dir: Path) -> Finding:
    installer = Installer(data_dir)
    active, _previous = installer.installed()
    shown = installer.package_to_show()
    if active is None:
        return Finding("note", "content", "none installed: the built-in demo shows")
    if shown == active:
        return Finding("ok", "content", f"{active.name} opens and has all its media files")
    fallback = shown.name if shown is not None else "the built-in demo"
    return Finding(
        "problem",
        "content",
        f"{active.name} is damaged or incomplete: the kiosk shows {fallback} instead. "
        "Install the package again from its stick.",
    )


def _trusted_keys(config: KioskConfig) -> Finding:
    count = len(config.trusted_keys)
    if count == 0:
        return Finding(
            "note",
            "trusted keys",
            "none: every package needs the staff PIN to install (add the editor's public "
            "key under trusted_keys in the config)",
        )
    return Finding("ok", "trusted keys", f"{count}: packages signed by them install by themselves")


def _staff_pin(config: KioskConfig) -> Finding:
    if config.staff_pin_hash is None:
        return Finding(
            "problem",
            "staff PIN",
            "not set: staff can neither open the staff panel nor approve a package. "
            "Set one with: gyeonggi-kiosk --config FILE staff set-pin",
        )
    return Finding("ok", "staff PIN", "set (kept as a salted hash)")


def _drop_folders(config: KioskConfig) -> list[Finding]:
    return [
        Finding("ok", "drop folder", f"{folder} is there")
        if folder.is_dir()
        else Finding(
            "problem",
            "drop folder",
            f"{folder} does not exist or is not a folder: packages put there are never seen",
        )
        for folder in config.drop_folders
    ]


def _syncthing(config: KioskConfig) -> list[Finding]:
    """The Syncthing folders that bring content and take reports back, as Syncthing sees
    them; nothing when the config names no Syncthing."""
    from kiosk.staff.syncthing_folders import (
        SyncthingApi,
        SyncthingUnreachableError,
        folder_states,
    )

    if not config.syncthing.url:
        return []
    api = SyncthingApi(config.syncthing.url, config.syncthing.api_key)
    try:
        states = folder_states(api, list(config.drop_folders), config.report_folder)
    except SyncthingUnreachableError as error:
        return [Finding("problem", "syncthing", str(error))]
    return [
        Finding(state.outcome, "syncthing", f"{state.path}: {state.detail}") for state in states
    ]


def _qt() -> Finding:
    try:
        probe = subprocess.run(
            [sys.executable, "-c", _QT_PROBE], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return Finding("problem", "Qt", f"could not be tried: {error}")
    if probe.returncode == 0:
        return Finding("ok", "Qt", f"Qt {probe.stdout.strip()} with Qt Quick and Qt Multimedia")
    said = (probe.stdout + probe.stderr).strip().splitlines()
    hint = " Install libpulse0 (apt-get install libpulse0)." if "libpulse" in str(said) else ""
    return Finding("problem", "Qt", f"cannot load: {said[-1] if said else 'no message'}.{hint}")


def _video_decoding() -> Finding:
    # Either way the kiosk plays its video: on the GPU it costs the CPU almost nothing,
    # in software about a fifth of a core for 1080p (docs/decisions/0010).
    decoding = find_video_decoding()
    return Finding("ok" if decoding.hardware else "note", "video decoding", decoding.reason)


def _video_drawing(config: KioskConfig) -> Finding:
    drawing = find_video_drawing(config.display.renderer)
    return Finding(drawing.outcome, "video frames to pixels", drawing.reason)


def _data_partition(data_dir: Path) -> Finding:
    """The file system the data lives on, and whether it has had errors: ext4 remounts
    itself read-only after errors (errors=remount-ro on the booth image), and the kiosk
    then shows what it has but can install nothing and count no one."""
    # statvfs knows read-only everywhere; the mount table (which a chroot may not show)
    # only names where that is.
    existing = next((p for p in (data_dir, *data_dir.parents) if p.exists()), Path("/"))
    try:
        read_only = bool(os.statvfs(existing).f_flag & os.ST_RDONLY)
    except OSError:
        return Finding("note", "data partition", "its file system could not be read")
    mount = mount_of(existing)
    where = f"{mount.source} on {mount.point} ({mount.fs_type})" if mount else str(existing)
    errors = _ext4_errors(mount.source) if mount and mount.fs_type == "ext4" else 0
    if read_only:
        return Finding(
            "problem",
            "data partition",
            f"{where} is read-only"
            + (f" after {errors} file system errors" if errors else "")
            + ": nothing new can be installed or counted. Restart the PC (it checks the "
            "disk as it starts); if it comes back, replace the disk.",
        )
    if errors:
        return Finding(
            "note",
            "data partition",
            f"{where}: {errors} file system errors recorded; the disk is checked at the next start",
        )
    return Finding("ok", "data partition", f"{where}, writable, no errors recorded")


@dataclass(frozen=True)
class Mount:
    point: Path
    source: str
    fs_type: str


def mount_of(path: Path) -> Mount | None:
    """The mount that holds ``path`` (the deepest mount point above it)."""
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return None
    target = path.resolve()
    best: Mount | None = None
    for line in lines:
        # "id parent dev root POINT MOUNT-OPTIONS [tags] - TYPE SOURCE SUPER-OPTIONS"
        mine, _, theirs = line.partition(" - ")
        fields, super_fields = mine.split(), theirs.split()
        if len(fields) < 5 or len(super_fields) < 2:
            continue
        point = Path(fields[4].replace("\\040", " "))
        if target != point and point not in target.parents:
            continue
        if best is None or len(point.parts) >= len(best.point.parts):
            best = Mount(point, super_fields[1], super_fields[0])
    return best


def _ext4_errors(source: str) -> int:
    name = Path(os.path.realpath(source)).name
    try:
        return int(Path(f"/sys/fs/ext4/{name}/errors_count").read_text())
    except (OSError, ValueError):
        return 0


def _service() -> Finding:
    """Whether systemd keeps the kiosk running, and with a watchdog."""
    if not shutil.which("systemctl") or not Path("/run/systemd/system").is_dir():
        return Finding(
            "note", "service", "no systemd running: nothing starts the kiosk again if it ends"
        )
    for scope in ([], ["--user"]):
        try:
            shown = subprocess.run(
                ["systemctl", *scope, "show", SERVICE, "-p",
                 "LoadState,ActiveState,SubState,WatchdogUSec,NRestarts"],
                capture_output=True, text=True, timeout=10,
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            continue
        facts = dict(line.split("=", 1) for line in shown.stdout.splitlines() if "=" in line)
        if facts.get("LoadState") != "loaded":
            continue
        state = f"{facts.get('ActiveState')}, {facts.get('SubState')}"
        restarts = facts.get("NRestarts", "0")
        watchdog = facts.get("WatchdogUSec", "0")
        if watchdog in ("0", "infinity", ""):
            return Finding(
                "note",
                "service",
                f"systemd runs it ({state}, restarted {restarts} times) but with no watchdog: "
                "a frozen screen is not restarted (WatchdogSec= in the unit; deploy/)",
            )
        return Finding(
            "ok",
            "service",
            f"systemd runs it ({state}, restarted {restarts} times), watchdog {watchdog}",
        )
    return Finding(
        "note",
        "service",
        f"{SERVICE} is not installed: nothing starts the kiosk again if it ends "
        "(deploy/ or config/gyeonggi-kiosk.service)",
    )


def _clock() -> Finding:
    """A clock behind the kiosk's own build (a flat RTC battery) breaks opening hours,
    visitor numbers by day and the log's times."""
    now = time.time()
    built = Path(__file__).stat().st_mtime
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(now))
    if now < built - 86400:
        return Finding(
            "problem",
            "clock",
            f"{stamp}, before this kiosk software was made: set the PC's clock (and check "
            "its battery), or opening hours and visitor numbers come out wrong",
        )
    synced = ""
    if shutil.which("timedatectl"):
        try:
            answer = subprocess.run(
                ["timedatectl", "show", "-p", "NTPSynchronized", "--value"],
                capture_output=True, text=True, timeout=10,
            ).stdout.strip()  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            answer = ""
        synced = {"yes": ", set from the network", "no": ", the PC's own (no time server)"}.get(
            answer, ""
        )
    return Finding("ok", "clock", f"{stamp} {time.strftime('%Z')}{synced}")


def _schedule(config: KioskConfig, data_dir: Path) -> Finding:
    """The opening hours as the kiosk reads them now, and how it turns the screen off."""
    hours = config.schedule.opening_hours()
    if hours.always_open:
        return Finding(
            "note", "opening hours", "none set: the screen stays on day and night (schedule:)"
        )
    now = dt.datetime.now()
    override = OverrideFile(DataPaths(data_dir).hours_override).read(now.date())
    state = hours.state(now, override)
    today = ", ".join(str(span) for span in state.today or ()) or "closed"
    words = f"today {today}; the screen is {'on' if state.on else 'off'}"
    if state.next_change is not None:
        words += f" until {state.next_change:%Y-%m-%d %H:%M}"
    if override is not Override.NONE:
        words += f" (staff keep it {override.value} today)"
    if config.schedule.nightly_reboot:
        words += f"; the PC restarts at {config.schedule.nightly_reboot} each night"
    means = DisplayPower().means()
    if not means:
        return Finding(
            "note",
            "opening hours",
            f"{words}; nothing here can switch the display off, so outside hours it shows "
            "black but stays lit (set the monitor's own timer, or use HDMI-CEC)",
        )
    return Finding("ok", "opening hours", f"{words}; switched off by {', '.join(means)}")


def _display() -> Finding:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith("linuxfb"):
        return _frame_buffer(platform)
    if os.environ.get("WAYLAND_DISPLAY"):
        return Finding("ok", "display", "Wayland")
    if not os.environ.get("DISPLAY"):
        return Finding(
            "note",
            "display",
            "none in this shell: the kiosk needs one to run (start it from the kiosk user's "
            "session; config/README.md)",
        )
    missing = [
        package
        for library, package in _XCB_LIBRARIES.items()
        if not ctypes.util.find_library(library)
    ]
    if missing:
        return Finding(
            "problem",
            "display",
            f"X11, but Qt's X11 support lacks libraries: apt-get install {' '.join(missing)}",
        )
    return Finding("ok", "display", f"X11 ({os.environ['DISPLAY']})")


def _frame_buffer(platform: str) -> Finding:
    device = frame_buffer_device(platform) or Path("/dev/fb0")
    if not os.access(device, os.R_OK | os.W_OK):
        return Finding(
            "problem",
            "display",
            f"Qt is to draw on {device}, which this user cannot open (add it to the video group)"
            if device.exists()
            else f"Qt is to draw on {device}, which is not there",
        )
    sysfs = Path("/sys/class/graphics") / device.name
    try:
        size = (sysfs / "virtual_size").read_text().strip().replace(",", "x")
        name = (sysfs / "name").read_text().strip()
    except OSError:
        size, name = "size unknown", "frame buffer"
    return Finding("ok", "display", f"Qt straight on the frame buffer {device} ({name}, {size})")


def _usb_mounting() -> Finding:
    if shutil.which("udiskie"):
        return Finding("ok", "USB sticks", "udiskie is installed to mount them")
    if shutil.which("udisksctl"):
        return Finding(
            "note",
            "USB sticks",
            "udisks is here; without a desktop session, also run udiskie so sticks mount "
            "by themselves (config/README.md)",
        )
    return Finding(
        "note",
        "USB sticks",
        "nothing found that mounts them by itself: install udiskie (config/README.md), or "
        "use a drop folder",
    )


def _backlight() -> Finding:
    if Backlight.find() is None:
        return Finding(
            "note", "brightness", "set on the monitor itself (no backlight the kiosk may set)"
        )
    return Finding("ok", "brightness", "the staff panel can set it")
