"""The built-in demo package, built from the shipped seeds/ and media/ on first use.

It is rebuilt only when its sources change: the file name carries a digest of every source
file, so a kiosk updated to new demo content builds it once and then reuses it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.paths import DataPaths
from kiosk.resources import demo_dir, demo_manifest

if TYPE_CHECKING:
    from kiosk.content.builder import ProgressFactory

# Only these files are demo content; the script that makes the media is not.
_SOURCE_SUFFIXES = {".yaml", ".jpg", ".png", ".webp", ".mp4", ".vtt", ".woff2", ".mp3", ".ogg"}


def demo_sources_digest(root: Path | None = None) -> str:
    """A short digest over the names and bytes of every demo source file."""
    root = root or demo_dir()
    digest = hashlib.sha256()
    for folder in ("seeds", "media"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix.lower() in _SOURCE_SUFFIXES:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def ensure_demo_package(data_dir: Path, progress: ProgressFactory | None = None) -> Path:
    """The demo package in ``data_dir/demo``, built now if its sources changed."""
    folder = DataPaths(data_dir).demo
    wanted = folder / f"demo-{demo_sources_digest()}.kpkg"
    if wanted.is_file():
        return wanted
    # Imported here: building needs the media probes (PyAV, Pillow) and the ORM, which a
    # kiosk starting on its already-built demo should not pay for.
    from kiosk.content.builder import build_package

    # The demo's manifest (seeds/) names the shipped media beside it (media/).
    build_package(demo_manifest(), wanted, progress=progress, allow_media_outside=True)
    for old in folder.glob("demo-*.kpkg"):
        if old != wanted:
            old.unlink(missing_ok=True)
    return wanted
