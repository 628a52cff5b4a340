"""Where content packages may be waiting: removable volumes and drop folders.

A package is a ``*.kpkg`` file at the root of a volume or in its ``kiosk/`` folder. The
kiosk never mounts anything itself (that is the OS's job: udisks/udiskie on a kiosk PC,
see config/README.md); it only looks at what is mounted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def find_packages(roots: list[Path]) -> list[Candidate]:
    """Package files at each root or in its ``kiosk/`` folder, newest first."""
    found: list[Candidate] = []
    for root in roots:
        for folder in (root, root / "kiosk"):
            try:
                entries = list(folder.glob("*.kpkg"))
            except OSError:
                continue  # a stick pulled out while we looked
            for path in entries:
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if path.is_file() and not path.name.startswith("."):
                    found.append(Candidate(path, stat.st_size, stat.st_mtime))
    return sorted(found, key=lambda candidate: candidate.modified, reverse=True)


def write_report(folder: Path, lines: list[str]) -> Path | None:
    """Write ``kiosk-report.txt`` to ``folder`` (the stick) if it is still there and
    writable; where it went, or None."""
    report = folder / "kiosk-report.txt"
    try:
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        return None
    return report
