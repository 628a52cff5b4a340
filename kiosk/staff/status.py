"""What staff ask about the kiosk: which content, which before it, disk, uptime, problems.

One function for the staff panel and ``gyeonggi-kiosk status``, so both say the same.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk import __version__
from kiosk.content.package import ContentPackage
from kiosk.content.signing import SignatureStanding, TrustedKey, signature_standing
from kiosk.errors import KioskError
from kiosk.install.installer import Installer
from kiosk.notices import Problem, recent_problems
from kiosk.staff.kiosk_log import running_kiosk


@dataclass(frozen=True)
class PackageFacts:
    """One installed package, as staff see it."""

    title: str
    package_id: str
    version: str
    built_at: str
    signer: str  # the trusted key's id when the signature verifies against it, else ""
    signature: str  # a SignatureStanding's name, lower case: signed, not_valid, untrusted, unsigned
    file_name: str


@dataclass(frozen=True)
class KioskStatus:
    """The kiosk at a glance."""

    kiosk_name: str
    active: PackageFacts | None  # None: no package installed, the built-in demo shows
    previous: PackageFacts | None
    free_bytes: int | None
    uptime_seconds: float | None  # None: the kiosk is not running
    app_version: str
    problems: list[Problem]  # newest first


def _facts(
    path: Path | None, language: str, trusted_keys: Sequence[TrustedKey]
) -> PackageFacts | None:
    if path is None:
        return None
    try:
        with ContentPackage.open(path) as package:
            content = package.content
    except KioskError:
        return None
    # Only a signature that verifies names a signer: a package's key id is its own text.
    standing = signature_standing(
        list(trusted_keys), content.key_id, content.signature, content.manifest_digest
    )
    try:
        built = datetime.fromisoformat(content.built_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        built = content.built_at
    return PackageFacts(
        title=content.title.get(language),
        package_id=content.package_id,
        version=content.version,
        built_at=built,
        signer=content.key_id if standing is SignatureStanding.SIGNED and content.key_id else "",
        signature=standing.name.lower(),
        file_name=path.name,
    )


def kiosk_status(
    data_dir: Path,
    language: str = "ko",
    trusted_keys: Sequence[TrustedKey] = (),
    kiosk_name: str = "",
) -> KioskStatus:
    """Gather the status of the kiosk named ``kiosk_name`` using ``data_dir`` and trusting
    ``trusted_keys``."""
    active, previous = Installer(data_dir).installed()
    try:
        free = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent).free
    except OSError:
        free = None
    running = running_kiosk(data_dir)
    return KioskStatus(
        kiosk_name=kiosk_name,
        active=_facts(active, language, trusted_keys),
        previous=_facts(previous, language, trusted_keys),
        free_bytes=free,
        uptime_seconds=running.uptime_seconds if running else None,
        app_version=__version__,
        problems=recent_problems(data_dir),
    )


def duration_words(seconds: float) -> str:
    """``3 h 05 min`` / ``12 min``: uptime for people."""
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} d {hours} h {minutes:02d} min"
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def size_words(count: int) -> str:
    """``12.3 GB`` / ``512 MB``."""
    if count >= 10**9:
        return f"{count / 10**9:.1f} GB"
    return f"{count / 10**6:.0f} MB"
