"""The staff PIN: stored as a salted scrypt hash with parameters the kiosk fixes, checked in
constant time, and locked after five wrong tries for a minute, the lock doubling each time.
The lock is kept on disk with the kiosk's data, so a restart does not clear it: four or six
digits would otherwise fall to patient guessing across restarts."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.files import write_atomically
from kiosk.paths import DataPaths

log = logging.getLogger(__name__)

# scrypt's cost, fixed by the kiosk: a hash with other parameters is refused, never used
# (cheaper ones would make offline guessing fast; huge ones would hang the kiosk).
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES, _DIGEST_BYTES = 16, 32
PIN_DIGITS = (6, 8)  # the pad takes up to 8
# ASCII digits only: Python's \d also matches other scripts' digits.
PIN_FORM = re.compile(rf"[0-9]{{{PIN_DIGITS[0]},{PIN_DIGITS[1]}}}")
HASH_FORM = re.compile(rf"scrypt\${_N}\${_R}\${_P}\$[A-Za-z0-9+/]{{22}}==\$[A-Za-z0-9+/]{{43}}=")
HASH_WORDS = (
    f"is not a staff PIN hash this kiosk makes (scrypt, n={_N}, r={_R}, p={_P}): set the "
    "PIN again with gyeonggi-kiosk --config FILE staff set-pin"
)


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of ``pin`` (6 to 8 ASCII digits) for the config file."""
    if not PIN_FORM.fullmatch(pin):
        raise KioskError(f"the PIN must be {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits (0-9)")
    salt = os.urandom(_SALT_BYTES)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_DIGEST_BYTES)
    encoded = [base64.b64encode(part).decode() for part in (salt, digest)]
    return "$".join(["scrypt", str(_N), str(_R), str(_P), *encoded])


def check_pin_hash(stored: str) -> str:
    """``stored`` when it is a hash this kiosk makes; else ``ValueError`` in words."""
    if not HASH_FORM.fullmatch(stored):
        raise ValueError(HASH_WORDS)
    return stored


def pin_matches(stored: str, pin: str) -> bool:
    """True when ``pin`` is the one ``stored`` was made from (and ``stored`` is a hash of
    the kiosk's own parameters)."""
    if not HASH_FORM.fullmatch(stored) or not PIN_FORM.fullmatch(pin):
        return False
    *_, salt, digest = stored.split("$")
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        pin.encode(), salt=base64.b64decode(salt), n=_N, r=_R, p=_P, dklen=_DIGEST_BYTES
    )
    return hmac.compare_digest(actual, expected)


class PinGate:
    """Checks PINs and locks out guessing: after five wrong tries no PIN is accepted for a
    minute, then two, four, … With ``state_file`` the count and the lock survive a
    restart. ``clock`` drives the lock (injectable for tests); ``wall_clock`` only carries
    it across a restart, since a monotonic clock starts again at boot."""

    FREE_TRIES = 5
    FIRST_LOCK_SECONDS = 60.0

    def __init__(
        self,
        stored_hash: str | None,
        clock: Callable[[], float],
        state_file: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._stored = stored_hash
        self._clock = clock
        self._wall_clock = wall_clock
        self._state_file = state_file
        self._wrong = 0
        self._locks = 0
        self._locked_until = 0.0
        self._load()

    @property
    def configured(self) -> bool:
        """False when no staff PIN has been set on this kiosk."""
        return bool(self._stored)

    def tries_left(self) -> int:
        """Wrong tries left before the next lock."""
        return self.FREE_TRIES - self._wrong

    def locked_for(self) -> float:
        """Seconds until a PIN is accepted again (0 when not locked)."""
        return max(0.0, self._locked_until - self._clock())

    def check(self, pin: str) -> bool:
        """True for the right PIN (and not locked). Wrong tries count toward the lock."""
        if not self._stored or self.locked_for() > 0:
            return False
        if pin_matches(self._stored, pin):
            if self._wrong:
                self._wrong = 0
                self._save()
            return True
        self._wrong += 1
        if self._wrong >= self.FREE_TRIES:
            self._locked_until = self._clock() + self._lock_seconds(self._locks)
            self._locks += 1
            self._wrong = 0
        self._save()
        return False

    def _lock_seconds(self, locks_before: int) -> float:
        return float(self.FIRST_LOCK_SECONDS * 2 ** min(locks_before, 16))

    def _load(self) -> None:
        if self._state_file is None:
            return
        try:
            state = json.loads(self._state_file.read_text(encoding="utf-8"))
            wrong, locks, until = int(state["wrong"]), int(state["locks"]), float(state["until"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as error:
            # Unreadable: treat it as the longest lock the kiosk gives, not as no lock.
            log.warning("the PIN lock file is unreadable (%s): the pad stays locked", error)
            wrong, locks, until = 0, 1, self._wall_clock() + self.FIRST_LOCK_SECONDS
        self._wrong = max(0, min(wrong, self.FREE_TRIES - 1))
        self._locks = max(0, min(locks, 16))
        # A clock set back must not lengthen the lock beyond the longest one given.
        remaining = min(until - self._wall_clock(), self._lock_seconds(max(self._locks - 1, 0)))
        self._locked_until = self._clock() + max(0.0, remaining)

    def _save(self) -> None:
        if self._state_file is None:
            return
        state = {
            "wrong": self._wrong,
            "locks": self._locks,
            "until": self._wall_clock() + self.locked_for(),
        }
        try:
            write_atomically(self._state_file, json.dumps(state).encode())
        except OSError as error:
            log.error("cannot keep the PIN lock on disk (%s): it lasts until a restart", error)


def lock_file(data_dir: Path) -> Path:
    """Where a kiosk keeps its PIN lock."""
    return DataPaths(data_dir).pin_lock


def forget_wrong_tries(data_dir: Path) -> None:
    """Clear the lock (when the PIN is set anew at the PC: whoever does that has the PC)."""
    with contextlib.suppress(FileNotFoundError):
        lock_file(data_dir).unlink()
