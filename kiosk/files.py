"""Writing files: durable, as every atomic write in the kiosk needs (temp file, fsync,
rename, fsync the folder), so a power cut leaves either the old file or the new one; and
fast, with the disk's work overlapping the CPU's; and reading only regular files.

The curtain reads the config through this module before the rest of the kiosk loads, so
the writing helpers import what they need (threads, temp files) when first called.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from concurrent.futures import Future


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


class NotARegularFileError(OSError):
    """A path names a device, a pipe, a socket or a folder where a file was expected."""


def open_regular_file(path: Path, *, follow_links: bool = True) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file, never waiting on it: a pipe
    with no writer or a device would block an ordinary ``open`` or read forever. Raises
    ``NotARegularFileError`` (and ``OSError`` with ``ELOOP`` for a link when
    ``follow_links`` is False) besides the usual ``OSError``s."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "a device or a pipe"
            raise NotARegularFileError(errno.EINVAL, kind, str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so that a power cut leaves the old file or the new
    one, never a mix: a temp file beside it (created with ``mode``, owner-only by default,
    so nothing is readable by others even for a moment), fsync, rename, fsync the folder."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
        fsync_directory(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


@contextlib.contextmanager
def writing_behind(sink: BinaryIO) -> Iterator[Callable[[bytes], None]]:
    """A ``write(block)`` that returns at once while a thread writes the block to ``sink``,
    so writing block n overlaps reading or hashing block n + 1 (both release the GIL). A
    write error (a full disk) is raised by the next ``write`` or at the end."""
    from concurrent.futures import ThreadPoolExecutor

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
