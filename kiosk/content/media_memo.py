"""What a live preview has learnt about media files, so that a rebuild after each save
probes and hashes only the files that changed: facts and SHA-256 by path, size and
modification time. A file saved again has a new modification time and is read again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.content.media_probe import MediaFacts

_Key = tuple[Path, int, int]


class MediaMemo:
    """Probe results and digests of media files, each valid while the file is unchanged."""

    def __init__(self) -> None:
        self._facts: dict[tuple[str, _Key], MediaFacts] = {}
        self._digests: dict[_Key, str] = {}

    def facts(self, kind: str, path: Path, probe: Callable[[str, Path], MediaFacts]) -> MediaFacts:
        key = (kind, _key(path))
        if key not in self._facts:
            self._facts[key] = probe(kind, path)
        return self._facts[key]

    def sha256(self, path: Path, compute: Callable[[Path], str]) -> str:
        key = _key(path)
        if key not in self._digests:
            self._digests[key] = compute(path)
        return self._digests[key]


def _key(path: Path) -> _Key:
    status = path.stat()
    return (path, status.st_size, status.st_mtime_ns)
