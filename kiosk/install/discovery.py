"""Where content packages may be waiting: removable volumes and drop folders.

A package is a ``*.kpkg`` file at the root of a volume or in its ``kiosk/`` folder. The
kiosk never mounts anything itself (that is the OS's job: udisks/udiskie on a kiosk PC,
see config/README.md); it only looks at what is mounted.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.files import open_regular_file
from kiosk.safe_text import printable

# Where desktop Linux mounts removable media.
REMOVABLE_MOUNT_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))


@dataclass(frozen=True)
class Candidate:
    """A package file as found: its path and what tells a new copy from one already seen."""

    path: Path
    size: int
    modified: float


def is_removable_mount(mount_point: Path) -> bool:
    """True for mount points under the usual removable-media roots."""
    return any(root == mount_point or root in mount_point.parents for root in REMOVABLE_MOUNT_ROOTS)


def is_removable_device(device: str, sys_block: Path = Path("/sys/class/block")) -> bool:
    """True for a block device that is a stick or another drive plugged in from outside:
    on the USB bus, or a medium its disk calls removable. False for an internal disk, a
    loop file, a network share or anything else that happens to be mounted under /mnt."""
    name = Path(device).name
    if not device.startswith("/dev/") or not name:
        return False
    try:
        node = (sys_block / name).resolve(strict=True)
    except OSError:
        return False
    if any(part.startswith("usb") for part in node.parts):
        return True
    disk = node.parent if (node / "partition").exists() else node
    try:
        return (disk / "removable").read_text().strip() == "1"
    except OSError:
        return False


REPORT_NAME = "kiosk-report.txt"
# The report's first line: how the kiosk knows a report it may replace is its own.
REPORT_HEADING = "Gyeonggi Hall kiosk: what happened to the package on this stick"


def find_packages(roots: list[Path]) -> list[Candidate]:
    """Package files at each root or in its ``kiosk/`` folder, newest first. Only regular
    files count: a link, a device or a pipe named ``*.kpkg`` is never offered (a link
    could lead anywhere on the PC, a device could be endless), nor a ``kiosk/`` folder that
    is a link."""
    found: list[Candidate] = []
    for root in roots:
        for folder in (root, root / "kiosk"):
            try:
                if folder.is_symlink():
                    continue
                entries = list(folder.glob("*.kpkg"))
            except OSError:
                continue  # a stick pulled out while we looked
            for path in entries:
                try:
                    facts = path.lstat()
                except OSError:
                    continue
                if stat.S_ISREG(facts.st_mode) and not path.name.startswith("."):
                    found.append(Candidate(path, facts.st_size, facts.st_mtime))
    return sorted(found, key=lambda candidate: candidate.modified, reverse=True)


def write_report(folder: Path, lines: list[str], name: str = REPORT_NAME) -> Path | None:
    """Write the report ``name`` (``kiosk-report.txt``) to ``folder`` (the stick, or the
    kiosk's report folder) if it is still there and writable; where it went, or None. The
    report is written to a new file and renamed over the old one, so nothing is written
    through a link; a file of that name that is not a regular file holding an earlier
    report of the kiosk's is left alone."""
    report = folder / name
    if not _may_replace(report):
        return None
    # File names and package text are the stick's: no control sequence goes into the report.
    text = "\n".join([REPORT_HEADING, *map(printable, lines)]) + "\n"
    try:
        fd, temp = tempfile.mkstemp(prefix=".kiosk-report.", suffix=".part", dir=folder)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temp, report)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return None
    return report


def _may_replace(report: Path) -> bool:
    try:
        facts = report.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISREG(facts.st_mode):
        return False
    try:
        with open_regular_file(report, follow_links=False) as file:
            first = file.read(len(REPORT_HEADING.encode()) + 1)
    except OSError:
        return False
    return first.decode("utf-8", "replace").startswith(REPORT_HEADING)
