"""Making writes durable: what every atomic write in the kiosk needs (temp file, fsync,
rename, fsync the folder), so a power cut leaves either the old file or the new one."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    """Flush a written file's bytes to the disk."""
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def fsync_directory(path: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
