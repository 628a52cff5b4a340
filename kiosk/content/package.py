"""Opening a content package and reading what it says.

:meth:`ContentPackage.open` makes the cheap checks that tell "this is not a package" or
"this package is too new" apart from a usable one, then loads the (small) content into
plain immutable objects. Media bytes stay in the file until asked for.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, Self

from kiosk.content import format_spec as package_format
from kiosk.errors import PackageError
from kiosk.files import NotARegularFileError, open_regular_file, writing_behind

_SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedMediaError(PackageError):
    """A media item's bytes in the package do not match its size or SHA-256."""


@dataclass(frozen=True)
class LocalizedText:
    """One visible string in every language the package has."""

    values: Mapping[str, str]

    def get(self, lang: str, fallback: str = "ko") -> str:
        """The text in ``lang``, else in ``fallback``, else in any language."""
        return (
            self.values.get(lang)
            or self.values.get(fallback)
            or next(iter(self.values.values()), "")
        )


@dataclass(frozen=True)
class MediaItem:
    """A media file of the package (its bytes are read with ``ContentPackage.read_media``)."""

    sha256: str
    kind: str
    mime_type: str
    size: int
    name: str
    width: int | None
    height: int | None
    duration_ms: int | None
    poster_sha256: str | None


@dataclass(frozen=True)
class VideoContent:
    """A video with its poster and caption tracks (language → captions media)."""

    media: MediaItem
    poster: MediaItem | None
    captions: Mapping[str, MediaItem]


@dataclass(frozen=True)
class SectionContent:
    """One page of a corner."""

    kind: str
    title: LocalizedText
    body: LocalizedText
    image: MediaItem | None
    # Recorded narration by language (none in packages built before narration existed).
    narration: Mapping[str, MediaItem] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class GalleryItem:
    """An image of a corner's gallery."""

    image: MediaItem
    caption: LocalizedText | None


@dataclass(frozen=True)
class CornerContent:
    """An exhibit corner."""

    corner_id: str
    title: LocalizedText
    summary: LocalizedText
    colour: str | None
    hero: MediaItem | None
    video: VideoContent | None
    sections: tuple[SectionContent, ...]
    gallery: tuple[GalleryItem, ...]


@dataclass(frozen=True)
class AttractContent:
    """An attract-loop item; images carry how long they show."""

    media: MediaItem
    duration_ms: int | None
    # The same item made for a portrait screen (of the same kind), if the package has one.
    portrait: MediaItem | None = None


@dataclass(frozen=True)
class LinkContent:
    """A link shown as a QR code."""

    link_id: str
    url: str
    label: LocalizedText


@dataclass(frozen=True)
class PackageContent:
    """Everything a package says, except media bytes."""

    package_id: str
    version: str
    schema_version: int
    built_at: str
    manifest_digest: str
    signature: str | None
    key_id: str | None
    languages: tuple[str, ...]
    title: LocalizedText
    subtitle: LocalizedText
    theme: Mapping[str, str]
    links: tuple[LinkContent, ...]
    corners: tuple[CornerContent, ...]
    attract: tuple[AttractContent, ...]
    fonts: tuple[MediaItem, ...]
    media: Mapping[str, MediaItem] = field(repr=False)

    @property
    def default_language(self) -> str:
        """The language a session starts in."""
        return self.languages[0]

    @property
    def media_size(self) -> int:
        """Total bytes of all media."""
        return sum(item.size for item in self.media.values())


def sqlite_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (a package is never written once built)."""
    return "file:" + path.resolve().as_posix().replace("?", "%3f").replace("#", "%23") + "?mode=ro"


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of a regular file (a pipe or device by that name is refused
    without waiting on it)."""
    try:
        with open_regular_file(path) as file:
            return file.read(100)
    except FileNotFoundError as error:
        raise PackageError(f"{path}: no such file") from error
    except NotARegularFileError as error:
        raise PackageError(f"{path}: not a package file ({error.strerror})") from error
    except OSError as error:
        raise PackageError(f"{path}: cannot read the file ({error.strerror})") from error


def check_package_file(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only after the checks that make later reads safe.

    Raises ``PackageError`` with a one-line reason when the file is missing, is not
    SQLite, is some other SQLite file, lacks tables, or was made by a newer kiosk.
    """
    header = _read_header(path)
    if header[: len(_SQLITE_HEADER)] != _SQLITE_HEADER:
        raise PackageError(f"{path}: not a content package (not an SQLite database)")
    # Bytes 18 and 19: 1 for a rollback journal, 2 for WAL. A package is one file: what a
    # WAL or a journal beside it would add is not part of what was built and signed.
    if header[18:20] != b"\x01\x01":
        raise PackageError(f"{path}: the package is in WAL mode, not one file; rebuild it")
    for companion in ("-wal", "-journal", "-shm"):
        if path.with_name(path.name + companion).exists():
            raise PackageError(
                f"{path}: a file {path.name}{companion} lies beside it: the package may be "
                "half-written; copy it again, alone"
            )
    try:
        connection = sqlite3.connect(sqlite_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise PackageError(f"{path}: cannot open the package ({error})") from error
    try:
        _check_identity(path, connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise PackageError(f"{path}: the package is damaged or incomplete ({error})") from error
    except PackageError:
        connection.close()
        raise
    return connection


def _check_identity(path: Path, connection: sqlite3.Connection) -> None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application_id != package_format.APPLICATION_ID:
        raise PackageError(f"{path}: not a content package (an SQLite file of another kind)")
    if version > package_format.SCHEMA_VERSION:
        raise PackageError(
            f"{path}: made for a newer kiosk (package format {version}; this kiosk reads "
            f"up to {package_format.SCHEMA_VERSION}): update the kiosk software"
        )
    if version < 1:
        raise PackageError(f"{path}: the package has no format version; rebuild it")
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    missing = sorted(set(package_format.REQUIRED_TABLES) - tables)
    if missing:
        raise PackageError(
            f"{path}: the package is incomplete (missing tables: {', '.join(missing)})"
        )
    rows = connection.execute("SELECT schema_version FROM package_info").fetchall()
    if len(rows) != 1:
        raise PackageError(f"{path}: the package is incomplete (no package information)")
    if rows[0][0] != version:
        raise PackageError(f"{path}: the package's format version is inconsistent")


class ContentPackage:
    """An open content package. Use as a context manager, or call :meth:`close`.

    Reads with the standard library's sqlite3, not the ORM: see ``format_spec.py`` for why.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, content: PackageContent) -> None:
        self.path = path
        self._connection = connection
        self.content = content

    @classmethod
    def open(cls, path: Path) -> Self:
        """Open and load a package; raises ``PackageError`` with a reason a person can act on."""
        path = Path(path)
        connection = check_package_file(path)
        try:
            content = _load_content(connection)
        except (sqlite3.DatabaseError, LookupError, ValueError, TypeError) as error:
            connection.close()
            raise PackageError(f"{path}: the package is damaged ({error})") from error
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, content)

    def close(self) -> None:
        """Release the file."""
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read_media(self, sha256: str) -> Iterator[bytes]:
        """The bytes of a media item, chunk by chunk, in order."""
        rows = self._connection.execute(
            "SELECT data FROM media_chunk WHERE media_sha256 = ? ORDER BY seq", (sha256,)
        )
        for (data,) in rows:
            yield data

    def check_media(self, item: MediaItem, sink: BinaryIO | None = None) -> None:
        """Read a media item's bytes (into ``sink`` too, if given), checking its size and
        SHA-256 in the same pass; raises ``DamagedMediaError`` naming the item."""
        digest = hashlib.sha256()
        length = 0
        # Unpacking runs at nearly the speed of the slower of the disk and the hashing.
        with writing_behind(sink) if sink is not None else contextlib.nullcontext() as write:
            for chunk in self.read_media(item.sha256):
                if write is not None:
                    write(chunk)
                digest.update(chunk)
                length += len(chunk)
        if length != item.size:
            raise DamagedMediaError(
                f"media {item.name}: {length} bytes stored, {item.size} expected"
            )
        if digest.hexdigest() != item.sha256:
            raise DamagedMediaError(f"media {item.name}: content does not match its SHA-256")

    def export_media(self, item: MediaItem, destination: Path) -> None:
        """Write a media item to ``destination``, checked as it is written, atomically
        (temp file, fsync, rename): a damaged item leaves no file at all."""
        destination.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".part", dir=destination.parent)
        try:
            with os.fdopen(fd, "wb") as file:
                self.check_media(item, file)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, destination)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


def _attract(
    connection: sqlite3.Connection, media: Mapping[str, MediaItem]
) -> tuple[AttractContent, ...]:
    portraits: dict[int, MediaItem] = {}
    if _has_table(connection, "attract_portrait"):
        portraits = {
            position: media[sha]
            for position, sha in connection.execute(
                "SELECT position, media_sha256 FROM attract_portrait"
            )
        }
    items = []
    for position, sha, duration in connection.execute(
        "SELECT position, media_sha256, duration_ms FROM attract_item ORDER BY position"
    ):
        item, portrait = media[sha], portraits.get(position)
        # A portrait version of another kind (a package not made by the builder) is left
        # out: a picture's duration or a video's end would not fit the other.
        if portrait is not None and portrait.kind != item.kind:
            portrait = None
        items.append(AttractContent(item, duration, portrait))
    return tuple(items)


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return connection.execute(query, (name,)).fetchone() is not None


def _rows(connection: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _load_content(connection: sqlite3.Connection) -> PackageContent:
    (info,) = _rows(connection, "SELECT * FROM package_info")
    texts: dict[str, dict[str, str]] = {}
    for key, lang, value in connection.execute("SELECT key, lang, value FROM text"):
        texts.setdefault(key, {})[lang] = value

    def text(key: str) -> LocalizedText:
        return LocalizedText(MappingProxyType(texts[key]))

    media = {
        row["sha256"]: MediaItem(
            row["sha256"],
            row["kind"],
            row["mime_type"],
            row["size"],
            row["name"],
            row["width"],
            row["height"],
            row["duration_ms"],
            row["poster_sha256"],
        )
        for row in _rows(connection, "SELECT * FROM media")
    }
    captions: dict[str, dict[str, MediaItem]] = {}
    for video_sha, lang, track in connection.execute(
        "SELECT video_sha256, lang, captions_sha256 FROM caption_track"
    ):
        captions.setdefault(video_sha, {})[lang] = media[track]

    def video(sha: str | None) -> VideoContent | None:
        if sha is None:
            return None
        item = media[sha]
        poster = media[item.poster_sha256] if item.poster_sha256 else None
        return VideoContent(item, poster, MappingProxyType(captions.get(sha, {})))

    def optional(sha: str | None) -> MediaItem | None:
        return media[sha] if sha else None

    narrations: dict[int, dict[str, MediaItem]] = {}
    if _has_table(connection, "narration_track"):
        for section_id, lang, audio in connection.execute(
            "SELECT section_id, lang, audio_sha256 FROM narration_track"
        ):
            narrations.setdefault(section_id, {})[lang] = media[audio]
    sections: dict[str, list[SectionContent]] = {}
    for row in _rows(connection, "SELECT * FROM section ORDER BY corner_id, position"):
        sections.setdefault(row["corner_id"], []).append(
            SectionContent(
                row["kind"],
                text(row["title_key"]),
                text(row["body_key"]),
                optional(row["image_sha256"]),
                MappingProxyType(narrations.get(row["section_id"], {})),
            )
        )
    gallery: dict[str, list[GalleryItem]] = {}
    for row in _rows(connection, "SELECT * FROM gallery_image ORDER BY corner_id, position"):
        caption = text(row["caption_key"]) if row["caption_key"] else None
        gallery.setdefault(row["corner_id"], []).append(
            GalleryItem(media[row["image_sha256"]], caption)
        )
    corners = tuple(
        CornerContent(
            corner_id=row["corner_id"],
            title=text(row["title_key"]),
            summary=text(row["summary_key"]),
            colour=row["colour"],
            hero=optional(row["hero_sha256"]),
            video=video(row["video_sha256"]),
            sections=tuple(sections.get(row["corner_id"], ())),
            gallery=tuple(gallery.get(row["corner_id"], ())),
        )
        for row in _rows(connection, "SELECT * FROM corner ORDER BY position")
    )
    return PackageContent(
        package_id=info["package_id"],
        version=info["version"],
        schema_version=info["schema_version"],
        built_at=info["built_at"],
        manifest_digest=info["manifest_digest"],
        signature=info["signature"],
        key_id=info["key_id"],
        languages=tuple(info["languages"].split(",")),
        title=text(info["title_key"]),
        subtitle=text(info["subtitle_key"]),
        theme=MappingProxyType(dict(connection.execute("SELECT name, value FROM theme_colour"))),
        links=tuple(
            LinkContent(link_id, url, text(label_key))
            for link_id, url, label_key in connection.execute(
                "SELECT link_id, url, label_key FROM link ORDER BY link_id"
            )
        ),
        corners=corners,
        attract=_attract(connection, media),
        fonts=tuple(
            media[sha]
            for (sha,) in connection.execute("SELECT media_sha256 FROM font ORDER BY position")
        ),
        media=MappingProxyType(media),
    )
