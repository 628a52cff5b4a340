"""The staff PIN: stored as a salted scrypt hash, checked in constant time, and locked for a
minute after five wrong tries (the lock doubling each time)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Callable

from kiosk.errors import KioskError

_N, _R, _P = 2**14, 8, 1
PIN_FORM = re.compile(r"\d{4,8}")
HASH_FORM = r"^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$"


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of ``pin`` (4 to 8 digits) for the config file."""
    if not PIN_FORM.fullmatch(pin):
        raise KioskError("the PIN must be 4 to 8 digits")
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(
        [
            "scrypt",
            str(_N),
            str(_R),
            str(_P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


def pin_matches(stored: str, pin: str) -> bool:
    """True when ``pin`` is the one ``stored`` was made from."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


class PinGate:
    """Checks PINs and locks out guessing: after five wrong tries no PIN is accepted for a
    minute, then two, four, … The clock is injectable for tests."""

    FREE_TRIES = 5
    FIRST_LOCK_SECONDS = 60.0

    def __init__(self, stored_hash: str | None, clock: Callable[[], float]) -> None:
        self._stored = stored_hash
        self._clock = clock
        self._wrong = 0
        self._locks = 0
        self._locked_until = 0.0

    @property
    def configured(self) -> bool:
        """False when no staff PIN has been set on this kiosk."""
        return bool(self._stored)

    def locked_for(self) -> float:
        """Seconds until a PIN is accepted again (0 when not locked)."""
        return max(0.0, self._locked_until - self._clock())

    def check(self, pin: str) -> bool:
        """True for the right PIN (and not locked). Wrong tries count toward the lock."""
        if not self._stored or self.locked_for() > 0:
            return False
        if pin_matches(self._stored, pin):
            self._wrong = 0
            return True
        self._wrong += 1
        if self._wrong >= self.FREE_TRIES:
            self._locked_until = self._clock() + self.FIRST_LOCK_SECONDS * 2**self._locks
            self._locks += 1
            self._wrong = 0
        return False
