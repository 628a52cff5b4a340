"""No content can make the booth loop through crashes.

Whenever the kiosk begins to show a package (at start, or when new content is switched in)
it writes down which, as "on trial". The trial ends well when the kiosk has shown the
package for a while (``TRIAL_SECONDS`` after its first frame) or stops cleanly. A kiosk
that dies during the trial leaves it open; the next start finds it and counts one more
failure of that package. After ``FAILURES_TO_SET_ASIDE`` failures in a row the package is
set aside: the start falls back to the package before it, then to the built-in demo, and
says why in the log, which `status` and the staff panel show.

A trial left open by the whole machine going down (a power cut, a reset button, a
technician pulling the plug) is no failure of the content: the trial notes the boot it
began in, and one open from an earlier boot is not counted. Content that crashes the
kiosk does so within a boot, where systemd starts the kiosk again.

The record is one small JSON file in the data folder, written atomically. Qt-free: the
kiosk's composition root tells it what happens.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.files import write_atomically
from kiosk.paths import DataPaths

log = logging.getLogger(__name__)

TRIAL_SECONDS = 60.0
FAILURES_TO_SET_ASIDE = 2
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def current_boot() -> str:
    """This boot's id (Linux); "" where there is none, and then every open trial counts."""
    try:
        return BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return ""


@dataclass(frozen=True)
class _Trial:
    package: str  # the package file's name, or "" for the built-in demo
    failures: int  # trials of this package that ended in a crash, in a row
    open: bool  # True while the kiosk has not yet shown it long enough
    since: float  # wall clock when the trial began
    boot: str = ""  # the boot it began in ("" in records from before boots were noted)


class CrashGuard:
    """Remembers which package is on trial and how often it brought the kiosk down."""

    def __init__(
        self,
        data_dir: Path,
        clock: Callable[[], float] = time.time,
        boot: Callable[[], str] = current_boot,
    ) -> None:
        self._path = DataPaths(data_dir).content_trial
        self._clock = clock
        self._boot = boot()

    def failures(self, package: str) -> int:
        """How many showings of ``package`` in a row ended in a crash, the last one included
        if it is still open (the kiosk died, or this is a new start after it)."""
        trial = self._read()
        if trial is None or trial.package != package:
            return 0
        return trial.failures + (1 if trial.open and self._ended_with_the_kiosk(trial) else 0)

    def _ended_with_the_kiosk(self, trial: _Trial) -> bool:
        """The open trial ended in this boot: the kiosk went down, not the machine."""
        return not trial.boot or not self._boot or trial.boot == self._boot

    def should_set_aside(self, package: str) -> bool:
        """True when ``package`` has brought the kiosk down too often to be shown again."""
        return self.failures(package) >= FAILURES_TO_SET_ASIDE

    def begin(self, package: str) -> None:
        """The kiosk starts showing ``package``: it is on trial from now."""
        self._write(_Trial(package, self.failures(package), True, self._clock(), self._boot))

    def passed(self) -> None:
        """The package on trial was shown long enough, or the kiosk stopped cleanly."""
        trial = self._read()
        if trial is not None and trial.open:
            self._write(_Trial(trial.package, 0, False, trial.since, trial.boot))

    def _read(self) -> _Trial | None:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            return _Trial(
                str(data["package"]),
                int(data["failures"]),
                bool(data["open"]),
                float(data["since"]),
                str(data.get("boot", "")),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("the content trial record is unreadable (%s); starting it anew", error)
            return None

    def _write(self, trial: _Trial) -> None:
        try:
            write_atomically(self._path, json.dumps(asdict(trial)).encode(), mode=0o644)
        except OSError as error:
            # The show goes on; only the protection against crash loops is lost for now.
            log.error("cannot write the content trial record (%s)", error)
