"""Media extracted from packages to plain files, named by their SHA-256.

Qt Multimedia and image loading want files, not database rows. Naming each file by its
content means media shared by two packages (or two versions of one) is stored once, and a
file that exists with the right size is the right file: it was renamed into place only
after it was complete and flushed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from kiosk.content.package import ContentPackage, DamagedMediaError, MediaItem

_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "audio/mpeg": ".mp3",
    "audio/ogg": ".ogg",
    "audio/mp4": ".m4a",
    "audio/wav": ".wav",
    "text/vtt": ".vtt",
    "font/woff2": ".woff2",
    "font/woff": ".woff",
    "font/otf": ".otf",
    "font/ttf": ".ttf",
}


class MediaStore:
    """A folder of media files named ``<sha256><extension>``, two levels deep."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, item: MediaItem) -> Path:
        """Where ``item`` is (or will be) stored."""
        extension = _EXTENSIONS.get(item.mime_type, "")
        return self.root / item.sha256[:2] / f"{item.sha256}{extension}"

    def has(self, item: MediaItem) -> bool:
        """True when ``item`` is stored completely (the cheap check: size)."""
        path = self.path_for(item)
        try:
            return path.stat().st_size == item.size
        except FileNotFoundError:
            return False

    def check(self, item: MediaItem) -> None:
        """Read a stored item whole and compare its size and SHA-256 (the full check);
        raises ``DamagedMediaError`` naming it."""
        try:
            with self.path_for(item).open("rb") as file:
                length = os.fstat(file.fileno()).st_size
                digest = hashlib.file_digest(file, "sha256")
        except OSError as error:
            raise DamagedMediaError(f"media {item.name}: {error.strerror or error}") from error
        if length != item.size or digest.hexdigest() != item.sha256:
            raise DamagedMediaError(f"media {item.name}: the stored file is damaged")

    def extract_all(self, package: ContentPackage, *, verify: bool = False) -> Mapping[str, Path]:
        """Store every media item of ``package`` that is not stored yet; SHA-256 → file.

        Each item is checked as it is written. ``verify``: items already stored are
        checked from the package's bytes too, so the whole package is vouched for; raises
        ``DamagedMediaError`` naming the item, and leaves no partial file."""
        paths = {}
        for item in package.content.media.values():
            path = self.path_for(item)
            if not self.has(item):
                package.export_media(item, path)
            elif verify:
                package.check_media(item)
            paths[item.sha256] = path
        return paths

    def remove_all_but(self, keep: set[str]) -> int:
        """Remove stored media whose SHA-256 is not in ``keep``; how many were removed."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in self.root.glob("??/*"):
            if path.is_file() and path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
