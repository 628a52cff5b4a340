"""The C heap of a kiosk that runs for days: large blocks kept apart, free pages given back.

glibc's allocator serves large blocks (pictures, video frames, QML's compiled code) from
their own mappings, but after the first is freed it raises that threshold to as much as
32 MiB. From then on, pictures of a few MiB come from the main heap and leave holes in it
that are never given back. A fixed threshold keeps every block over 256 KiB in its own
mapping, returned to the system as it is freed. Together with ``give_back_free_memory``
at quiet moments, that took the idle PSS on the home screen from 309 to 234 MiB here
(docs/decisions/0023-memory.md).

Where the C library is not glibc, these calls do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from typing import Any

# mallopt's parameter for the mmap threshold (glibc's malloc.h).
_M_MMAP_THRESHOLD = -3
# Blocks from this size up get mappings of their own: a 1080p picture is 8 MiB, a
# corner's tile picture about 1 MiB, a Python object a few dozen bytes.
LARGE_BLOCK_BYTES = 256 * 1024


@functools.cache
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is not None:
            libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
            libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):
        return None
    return libc


def keep_large_blocks_apart() -> bool:
    """Fix glibc's mmap threshold (call first thing in the process): True if set."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES))


def give_back_free_memory() -> bool:
    """Hand the heap's free pages back to the system (malloc_trim); True if there was an
    allocator to ask. Takes a few milliseconds; the GIL is released meanwhile."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
