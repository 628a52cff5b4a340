"""The layout of a kiosk's data folder: the one place that knows where each thing lives.

Everything the kiosk keeps between runs sits in one folder (``--data-dir``, else
``KIOSK_DATA_DIR``, else the user's data folder): installed packages and their media, the
logs, the visitor numbers, the PIN lock, the content trial. Modules ask a ``DataPaths`` for
a place instead of joining names onto the folder themselves, so moving a file is a change
here and nowhere else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# The kiosk's name for its folders in the user's data and cache places.
APP_NAME = "gyeonggi-kiosk"


def data_dir_for(
    override: Path | None, configured: Path | None, environ: Mapping[str, str] = os.environ
) -> Path:
    """The data folder: an explicit override (``--data-dir``), ``KIOSK_DATA_DIR``, the
    config's ``data_dir``, or the platform's per-user data folder, in that order."""
    if override is not None:
        return override
    if env := environ.get("KIOSK_DATA_DIR"):
        return Path(env)
    if configured is not None:
        return configured
    import platformdirs  # here: the curtain's start path reads this module too

    return platformdirs.user_data_path(APP_NAME)


@dataclass(frozen=True)
class DataPaths:
    """Where a kiosk with the data folder ``root`` keeps each of its things."""

    root: Path

    @property
    def packages(self) -> Path:
        """Installed package files (each one a verified copy without media bytes)."""
        return self.root / "packages"

    @property
    def staging(self) -> Path:
        """Where a package is copied and checked before it is installed."""
        return self.root / "staging"

    @property
    def media(self) -> Path:
        """Media files of the installed packages, by content hash."""
        return self.root / "media"

    @property
    def pointer(self) -> Path:
        """Which installed package is shown, and which one was shown before it."""
        return self.root / "active.json"

    @property
    def demo(self) -> Path:
        """The built-in demo package, built from the shipped seeds and media."""
        return self.root / "demo"

    @property
    def cache(self) -> Path:
        """Rebuildable files (compiled translations): safe to delete."""
        return self.root / "cache"

    @property
    def curtain_picture(self) -> Path:
        """A copy of the show's first frame, shown at the next start (kiosk/curtain.py)."""
        return self.cache / "curtain.rgb32"

    @property
    def curtain_info(self) -> Path:
        """What the curtain's picture is of: its size, screen and content."""
        return self.cache / "curtain.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def kiosk_log(self) -> Path:
        """The running kiosk's own log (rotated)."""
        return self.logs / "kiosk.log"

    @property
    def running_note(self) -> Path:
        """The running kiosk's process id and start time, for ``status`` in another process."""
        return self.logs / "running.json"

    @property
    def interaction_log(self) -> Path:
        """The visitor numbers: sessions, corners, videos, languages."""
        return self.root / "analytics" / "interactions.sqlite"

    @property
    def pin_lock(self) -> Path:
        """Wrong staff PIN tries and the lock they earned, kept across restarts."""
        return self.root / "staff-pin-lock.json"

    @property
    def content_trial(self) -> Path:
        """Which package is on trial, and how often it brought the kiosk down."""
        return self.root / "content-trial.json"

    @property
    def hours_override(self) -> Path:
        """Staff's override of today's opening hours, kept across restarts until midnight."""
        return self.root / "opening-hours-override.json"
