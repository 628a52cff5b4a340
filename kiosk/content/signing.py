"""Ed25519 signatures over a package's manifest digest, and the keys that make them.

A key file holds the private key (PEM, PKCS#8) for ``package build --sign-key``; its public
half, written beside it as ``KEYFILE.pub`` (one line: key id and base64 key), is what a
kiosk's config lists as trusted. The key id is the first 16 hex digits of the SHA-256 of
the raw public key, so a package names the key that signed it.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.errors import KioskError


@dataclass(frozen=True)
class TrustedKey:
    """A public key a kiosk trusts, by its id."""

    key_id: str
    public_key: Ed25519PublicKey

    @classmethod
    def parse(cls, line: str) -> TrustedKey:
        """``"<key id> <base64 raw public key>"`` as written in ``KEYFILE.pub``."""
        try:
            key_id, encoded = line.split()
            raw = base64.b64decode(encoded, validate=True)
            public_key = Ed25519PublicKey.from_public_bytes(raw)
        except ValueError as error:
            raise KioskError(f"not a kiosk public key: {line!r}") from error
        if key_id != key_id_of(public_key):
            raise KioskError(f"the public key does not match its id {key_id}")
        return cls(key_id, public_key)


def key_id_of(public_key: Ed25519PublicKey) -> str:
    """A short, stable name for a public key."""
    return hashlib.sha256(public_key.public_bytes_raw()).hexdigest()[:16]


def public_line(public_key: Ed25519PublicKey) -> str:
    """The one line that names and carries a public key."""
    raw = public_key.public_bytes_raw()
    return f"{key_id_of(public_key)} {base64.b64encode(raw).decode('ascii')}"


def generate_key(path: Path) -> TrustedKey:
    """Write a new private key to ``path`` (owner-only) and its public line to ``path.pub``."""
    if path.exists():
        raise KioskError(f"{path} exists already; choose another name (keys are never overwritten)")
    from cryptography.hazmat.primitives import serialization  # see load_private_key

    private_key = Ed25519PrivateKey.generate()
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(pem)
        public = private_key.public_key()
        path.with_name(path.name + ".pub").write_text(public_line(public) + "\n")
    except OSError as error:
        raise KioskError(f"cannot write the key to {path}: {error.strerror}") from error
    return TrustedKey(key_id_of(public), public)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The private key in ``path``; a clear error when it is not one."""
    # PEM and its serialization module (with RSA, DSA and SSH) cost the kiosk's start
    # 60 ms; only signing and keygen at the office need them, so they come in here.
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise KioskError(f"cannot read the key {path}: {error.strerror}") from error
    except (ValueError, TypeError) as error:
        raise KioskError(f"{path} is not a kiosk signing key") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise KioskError(f"{path} is not an Ed25519 key")
    return key


def sign_digest(private_key: Ed25519PrivateKey, digest_hex: str) -> tuple[str, str]:
    """(signature hex, key id) for a manifest digest."""
    signature = private_key.sign(bytes.fromhex(digest_hex))
    return signature.hex(), key_id_of(private_key.public_key())


_SIGNATURE = re.compile(r"[0-9a-f]{128}")  # 64 bytes, hex
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_DIGEST = re.compile(r"[0-9a-f]{64}")


class SignatureStanding(enum.Enum):
    """What a package's signature means to this kiosk; only SIGNED names a signer."""

    SIGNED = "signed by a trusted key"
    NOT_VALID = "signature not valid"
    UNTRUSTED = "signed by a key this kiosk does not trust"
    UNSIGNED = "unsigned"

    @property
    def words(self) -> str:
        """How staff read it."""
        return str(self.value)


def signature_standing(
    trusted: list[TrustedKey], key_id: str | None, signature: str | None, digest_hex: str
) -> SignatureStanding:
    """Whether a trusted key made ``signature`` over ``digest_hex``, and if not, why not.
    A key id or signature that is not of the right form counts as not valid: a package's
    own text is never shown as its signer."""
    if not key_id and not signature:
        return SignatureStanding.UNSIGNED
    if not (
        isinstance(key_id, str)
        and isinstance(signature, str)
        and _KEY_ID.fullmatch(key_id)
        and _SIGNATURE.fullmatch(signature)
        and _DIGEST.fullmatch(digest_hex)
    ):
        return SignatureStanding.NOT_VALID
    key = next((key for key in trusted if key.key_id == key_id), None)
    if key is None:
        return SignatureStanding.UNTRUSTED
    try:
        key.public_key.verify(bytes.fromhex(signature), bytes.fromhex(digest_hex))
    except InvalidSignature:
        return SignatureStanding.NOT_VALID
    return SignatureStanding.SIGNED
