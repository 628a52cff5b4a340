"""Opening a content package and reading what it says.

:meth:`ContentPackage.open` makes the cheap checks that tell "this is not a package" or
"this package is too new" apart from a usable one, then loads the (small) content into
plain immutable objects. Media bytes stay in the file until asked for.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Self

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from kiosk.content import schema
from kiosk.errors import PackageError

_SQLITE_HEADER = b"SQLite format 3\x00"


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


def check_package_file(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only after the checks that make later reads safe.

    Raises ``PackageError`` with a one-line reason when the file is missing, is not
    SQLite, is some other SQLite file, lacks tables, or was made by a newer kiosk.
    """
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError as error:
        raise PackageError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise PackageError(f"{path}: is a folder, not a package file") from error
    except OSError as error:
        raise PackageError(f"{path}: cannot read the file ({error.strerror})") from error
    if header != _SQLITE_HEADER:
        raise PackageError(f"{path}: not a content package (not an SQLite database)")
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
    if application_id != schema.APPLICATION_ID:
        raise PackageError(f"{path}: not a content package (an SQLite file of another kind)")
    if version > schema.SCHEMA_VERSION:
        raise PackageError(
            f"{path}: made for a newer kiosk (package format {version}; this kiosk reads "
            f"up to {schema.SCHEMA_VERSION}): update the kiosk software"
        )
    if version < 1:
        raise PackageError(f"{path}: the package has no format version; rebuild it")
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    missing = sorted(set(schema.REQUIRED_TABLES) - tables)
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
    """An open content package. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path, engine: Engine, content: PackageContent) -> None:
        self.path = path
        self._engine = engine
        self.content = content

    @classmethod
    def open(cls, path: Path) -> Self:
        """Open and load a package; raises ``PackageError`` with a reason a person can act on."""
        path = Path(path)
        connection = check_package_file(path)
        # The checked connection is the only one the engine uses: no second open can
        # see a different file than the one that passed the checks.
        engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
        try:
            with Session(engine) as session:
                content = _load_content(session)
        except (sqlite3.DatabaseError, LookupError, ValueError) as error:
            engine.dispose()
            connection.close()
            raise PackageError(f"{path}: the package is damaged ({error})") from error
        except Exception:
            engine.dispose()
            connection.close()
            raise
        return cls(path, engine, content)

    def close(self) -> None:
        """Release the file."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read_media(self, sha256: str) -> Iterator[bytes]:
        """The bytes of a media item, chunk by chunk, in order."""
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(schema.MediaChunk.data)
                .where(schema.MediaChunk.media_sha256 == sha256)
                .order_by(schema.MediaChunk.seq)
            )
            for (data,) in rows:
                yield data

    def export_media(self, sha256: str, destination: Path) -> None:
        """Write a media item to ``destination`` atomically (temp file, fsync, rename)."""
        destination.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".part", dir=destination.parent)
        try:
            with os.fdopen(fd, "wb") as file:
                for chunk in self.read_media(sha256):
                    file.write(chunk)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, destination)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


def _load_content(session: Session) -> PackageContent:
    info = session.scalars(select(schema.PackageInfo)).one()
    texts: dict[str, dict[str, str]] = {}
    for entry in session.scalars(select(schema.Text)):
        texts.setdefault(entry.key, {})[entry.lang] = entry.value

    def text(key: str) -> LocalizedText:
        return LocalizedText(MappingProxyType(texts[key]))

    media = {row.sha256: _media_item(row) for row in session.scalars(select(schema.Media))}
    captions: dict[str, dict[str, MediaItem]] = {}
    for track in session.scalars(select(schema.CaptionTrack)):
        captions.setdefault(track.video_sha256, {})[track.lang] = media[track.captions_sha256]

    def video(sha: str | None) -> VideoContent | None:
        if sha is None:
            return None
        item = media[sha]
        poster = media[item.poster_sha256] if item.poster_sha256 else None
        return VideoContent(item, poster, MappingProxyType(captions.get(sha, {})))

    sections: dict[str, list[SectionContent]] = {}
    for section in session.scalars(select(schema.Section).order_by(schema.Section.position)):
        sections.setdefault(section.corner_id, []).append(
            SectionContent(
                section.kind,
                text(section.title_key),
                text(section.body_key),
                media[section.image_sha256] if section.image_sha256 else None,
            )
        )
    gallery: dict[str, list[GalleryItem]] = {}
    for image in session.scalars(
        select(schema.GalleryImage).order_by(schema.GalleryImage.position)
    ):
        gallery.setdefault(image.corner_id, []).append(
            GalleryItem(
                media[image.image_sha256], text(image.caption_key) if image.caption_key else None
            )
        )
    corners = tuple(
        CornerContent(
            corner_id=row.corner_id,
            title=text(row.title_key),
            summary=text(row.summary_key),
            colour=row.colour,
            hero=media[row.hero_sha256] if row.hero_sha256 else None,
            video=video(row.video_sha256),
            sections=tuple(sections.get(row.corner_id, ())),
            gallery=tuple(gallery.get(row.corner_id, ())),
        )
        for row in session.scalars(select(schema.Corner).order_by(schema.Corner.position))
    )
    return PackageContent(
        package_id=info.package_id,
        version=info.version,
        schema_version=info.schema_version,
        built_at=info.built_at,
        manifest_digest=info.manifest_digest,
        signature=info.signature,
        key_id=info.key_id,
        languages=tuple(info.languages.split(",")),
        title=text(info.title_key),
        subtitle=text(info.subtitle_key),
        theme=MappingProxyType(
            {row.name: row.value for row in session.scalars(select(schema.ThemeColour))}
        ),
        links=tuple(
            LinkContent(row.link_id, row.url, text(row.label_key))
            for row in session.scalars(select(schema.Link).order_by(schema.Link.link_id))
        ),
        corners=corners,
        attract=tuple(
            AttractContent(media[row.media_sha256], row.duration_ms)
            for row in session.scalars(
                select(schema.AttractItem).order_by(schema.AttractItem.position)
            )
        ),
        fonts=tuple(
            media[row.media_sha256]
            for row in session.scalars(select(schema.Font).order_by(schema.Font.position))
        ),
        media=MappingProxyType(media),
    )


def _media_item(row: schema.Media) -> MediaItem:
    return MediaItem(
        row.sha256,
        row.kind,
        row.mime_type,
        row.size,
        row.name,
        row.width,
        row.height,
        row.duration_ms,
        row.poster_sha256,
    )
