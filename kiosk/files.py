"""Writing files: durable, as every atomic write in the kiosk needs (temp file, fsync,
rename, fsync the folder), so a power cut leaves either the old file or the new one; and
fast, with the disk's work overlapping the CPU's."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO


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


@contextlib.contextmanager
def writing_behind(sink: BinaryIO) -> Iterator[Callable[[bytes], None]]:
    """A ``write(block)`` that returns at once while a thread writes the block to ``sink``,
    so writing block n overlaps reading or hashing block n + 1 (both release the GIL). A
    write error (a full disk) is raised by the next ``write`` or at the end."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="write-behind") as writer:
        pending: Future[int] | None = None

        def write(block: bytes) -> None:
            nonlocal pending
            if pending is not None:
                pending.result()
            pending = writer.submit(sink.write, block)

        yield write
        if pending is not None:
            pending.result()
