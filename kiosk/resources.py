"""Where the files that ship with the kiosk are: the QML and the demo content's sources.

In a wheel they are inside the package (``kiosk/_ui``, ``kiosk/_demo``); in a source
checkout (editable install, tests) they are the repository's top-level ``ui/``, ``seeds/``
and ``media/``. Both layouts keep ``seeds`` and ``media`` side by side, so the manifest's
relative media paths hold in either.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def ui_dir() -> Path:
    """The QML import path (holds Main.qml and the QML modules)."""
    installed = _PACKAGE / "_ui"
    return installed if installed.is_dir() else _CHECKOUT / "ui"


def demo_dir() -> Path:
    """The folder holding the demo content's ``seeds/`` and ``media/``."""
    installed = _PACKAGE / "_demo"
    return installed if installed.is_dir() else _CHECKOUT


def demo_manifest() -> Path:
    """The demo package's manifest."""
    return demo_dir() / "seeds" / "manifest.yaml"
