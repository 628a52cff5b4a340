"""Trace marks: timestamped JSON lines that let the kiosk's speed be measured from outside.

With ``KIOSK_TRACE=FILE`` set, each mark appends one line:
``{"event": "...", "mono": <monotonic seconds>, "wall": <unix seconds>, ...}``.
Unset, :func:`mark` returns at once: tracing costs nothing when off. Each line is flushed
as it is written, so a crash keeps every mark before it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from typing import IO, Any

_sink: IO[str] | None = None


def configure_from_environment() -> None:
    """Start writing marks to ``KIOSK_TRACE`` (if set); a bad path only turns tracing off."""
    global _sink  # one trace file per process, by design
    path = os.environ.get("KIOSK_TRACE")
    if not path or _sink is not None:
        return
    try:
        _sink = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - process-long
    except OSError:
        _sink = None


def enabled() -> bool:
    """True when marks are being written."""
    return _sink is not None


def mark(event: str, **fields: Any) -> None:
    """Append one mark (nothing at all when tracing is off)."""
    if _sink is None:
        return
    record = {"event": event, "mono": time.monotonic(), "wall": time.time(), **fields}
    # A full disk must not stop the show; the trace just ends there.
    with contextlib.suppress(OSError, ValueError):
        _sink.write(json.dumps(record, ensure_ascii=False) + "\n")


def stop() -> None:
    """Stop writing marks and close the file."""
    global _sink
    if _sink is not None:
        with contextlib.suppress(OSError):
            _sink.close()
    _sink = None
