"""What a live preview has learnt about media files, so that a rebuild after each save
probes and hashes only the files that changed: facts and SHA-256 by path, size and
modification time. A file saved again has a new modification time and is read again."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

from kiosk.content.media_probe import MediaFacts

_Key = tuple[Path, int, int]
T = TypeVar("T")


class MediaMemo:
    """Probe results and digests of media files, each valid while the file is unchanged."""

    def __init__(self) -> None:
        self._facts: dict[tuple[str, _Key], MediaFacts] = {}
        self._digests: dict[_Key, str] = {}
        self._read_as: dict[Path, _Key] = {}
        self._judgements: dict[tuple[str, _Key], object] = {}

    def facts(self, kind: str, path: Path, probe: Callable[[str, Path], MediaFacts]) -> MediaFacts:
        stat = _key(path)
        self._read_as[path] = stat
        key = (kind, stat)
        if key not in self._facts:
            facts = probe(kind, path)
            if _key(path) != stat:  # written to while it was probed
                raise FileChangedError(path)
            self._facts[key] = facts
        return self._facts[key]

    def judged(self, question: str, path: Path, answer: Callable[[Path], T]) -> T:
        """``answer(path)`` to a question about a file (a lint's), asked again only once the
        file has changed."""
        key = (question, _key(path))
        if key not in self._judgements:
            self._judgements[key] = answer(path)
        return cast(T, self._judgements[key])  # stored above, by the same question

    def read_paths(self) -> list[Path]:
        """Every file probed or hashed here."""
        return list(self._read_as)

    def sha256(self, path: Path, compute: Callable[[Path], str]) -> str:
        key = _key(path)
        if key not in self._digests:
            self._digests[key] = compute(path)
            if _key(path) != key:  # written to while it was read: not a digest of anything
                del self._digests[key]
                raise FileChangedError(path)
        self._read_as[path] = key
        return self._digests[key]

    def changed_since_read(self, paths: Iterable[Path]) -> list[Path]:
        """Those of ``paths`` that differ now from when they were last read here (a save
        still being written): what was built from them is already out of date."""
        changed = []
        for path in paths:
            try:
                now = _key(path)
            except OSError:
                changed.append(path)
                continue
            if self._read_as.get(path) not in (None, now):
                changed.append(path)
        return changed


class FileChangedError(OSError):
    """A media file changed while it was being read."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed while it was read")
        self.path = path


def _key(path: Path) -> _Key:
    status = path.stat()
    return (path, status.st_size, status.st_mtime_ns)
