"""FFmpeg's own messages, kept to warnings and errors.

Qt Multimedia decodes with the FFmpeg libraries in PySide6's wheel and leaves FFmpeg's log
at its default level, INFO: every video opened prints FFmpeg's stream dump ("Input #0,
mov,mp4...", fourteen lines) to stderr, which at a booth is the journal, for every attract
cycle, for days. FFmpeg's level is a global of libavutil; the kiosk sets it to WARNING in
the library Qt loads (the wheel's ``Qt/lib``), before any media is opened: it asks Qt
Multimedia for its audio outputs first, which loads Qt's media backend and its FFmpeg.
What FFmpeg warns about still reaches the terminal. (The library is never loaded on its
own: it takes its OpenSSL symbols from what Qt Multimedia loads before it.)
"""

from __future__ import annotations

import ctypes
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

AV_LOG_WARNING = 24  # libavutil/log.h


def _libavutil() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).parent / "Qt" / "lib"
    found = sorted(folder.glob("libavutil.so.*"), key=lambda path: len(path.name))
    return found[0] if found else None


def quiet_ffmpeg(level: int = AV_LOG_WARNING) -> bool:
    """FFmpeg logs only at ``level`` and above from now on; False when Qt has not loaded an
    FFmpeg of its own (then FFmpeg's log is left as it is)."""
    path = _libavutil()
    if path is None:
        log.debug("no libavutil beside Qt: FFmpeg's log level is left as it is")
        return False
    from PySide6.QtMultimedia import QMediaDevices

    QMediaDevices.defaultAudioOutput()  # Qt's media backend, and its FFmpeg, are loaded now
    try:
        # Only the copy Qt has loaded: never a second one.
        library = ctypes.CDLL(str(path), mode=os.RTLD_NOLOAD)
        library.av_log_set_level(ctypes.c_int(level))
    except (OSError, AttributeError) as error:
        log.debug("FFmpeg's log level could not be set: %s", error)
        return False
    return True
