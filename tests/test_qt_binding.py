"""Guards on the Qt binding the kiosk depends on for days of unattended running."""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainterPath


def test_void_calls_do_not_leak_references_to_none() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call, which
    aborts the process after some thousands of calls (docs/decisions/0002-pyside-pin.md)."""
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.lineTo(1.0, 2.0)
    assert sys.getrefcount(None) - before > -100
