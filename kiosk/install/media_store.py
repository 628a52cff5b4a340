"""Media extracted from packages to plain files, named by their SHA-256.

Qt Multimedia and image loading want files, not database rows. Naming each file by its
content means media shared by two packages (or two versions of one) is stored once, and a
file that exists with the right size is the right file: it was renamed into place only
after it was complete and flushed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kiosk.content.package import ContentPackage, MediaItem
from kiosk.errors import PackageError


class DamagedMediaError(PackageError):
    """A media item's bytes in the package do not match its size or SHA-256."""


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

    def extract_all(self, package: ContentPackage, *, verify: bool = False) -> Mapping[str, Path]:
        """Store every media item of ``package`` that is not stored yet; SHA-256 → file.

        ``verify``: check each item's size and SHA-256 in the same pass that writes it
        (and hash items already stored from the package's bytes too); raises
        ``DamagedMediaError`` naming the item, and leaves no partial file."""
        paths = {}
        for item in package.content.media.values():
            path = self.path_for(item)
            if not self.has(item):
                if verify:
                    self._export_checked(package, item, path)
                else:
                    package.export_media(item.sha256, path)
            elif verify:
                self._check(package, item, None)
            paths[item.sha256] = path
        return paths

    def _export_checked(self, package: ContentPackage, item: MediaItem, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as file:
                self._check(package, item, file)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)

    @staticmethod
    def _check(package: ContentPackage, item: MediaItem, sink: object) -> None:
        digest = hashlib.sha256()
        length = 0
        for chunk in package.read_media(item.sha256):
            digest.update(chunk)
            length += len(chunk)
            if sink is not None:
                sink.write(chunk)  # type: ignore[attr-defined]
        if length != item.size:
            raise DamagedMediaError(
                f"media {item.name}: {length} bytes stored, {item.size} expected"
            )
        if digest.hexdigest() != item.sha256:
            raise DamagedMediaError(f"media {item.name}: content does not match its SHA-256")

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
