"""Building a content package from a validated manifest.

The package is written to a temporary file beside the output and renamed into place only
when complete and flushed to disk, so a failed or interrupted build never leaves a file
that looks like a package.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, create_engine, event, insert, update

from kiosk.content import format_spec, schema
from kiosk.content.digest import compute_manifest_digest
from kiosk.content.manifest import (
    AttractVideo,
    CornerEntry,
    LoadedManifest,
    Manifest,
    load_manifest,
)
from kiosk.content.media_memo import MediaMemo
from kiosk.content.signing import load_private_key, sign_digest
from kiosk.errors import ArgumentError, KioskError
from kiosk.files import fsync_directory, fsync_file

# Media at least this large get a progress bar while they are hashed and stored.
PROGRESS_THRESHOLD = 8 * 1024 * 1024


class Progress(Protocol):
    """Told how many bytes of one media file have been handled."""

    def advance(self, count: int) -> None: ...

    def close(self) -> None: ...


ProgressFactory = Callable[[str, int], Progress]
"""Makes a :class:`Progress` for a file name and its total number of bytes to handle."""


@dataclass(frozen=True)
class BuildResult:
    """What a build made."""

    path: Path
    package_id: str
    version: str
    manifest_digest: str
    media_count: int
    warnings: tuple[str, ...]
    # Each media item's SHA-256 and a file it was read from (two files of the same bytes
    # are one item), and every media file read.
    media_files: Mapping[str, Path] = field(default_factory=dict)
    media_sources: tuple[Path, ...] = ()


def build_package(
    manifest_path: Path,
    out_path: Path,
    *,
    progress: ProgressFactory | None = None,
    chunk_size: int = format_spec.DEFAULT_CHUNK_SIZE,
    built_at: datetime | None = None,
    sign_key: Path | None = None,
    allow_media_outside: bool = False,
    media_bytes: bool = True,
    memo: MediaMemo | None = None,
) -> BuildResult:
    """Validate the manifest and write the package to ``out_path``.

    ``media_bytes=False`` leaves the media's bytes out (as an installed copy does): for a
    live preview, which shows the media files where they are. ``memo`` keeps what was
    learnt about unchanged media files from one build to the next.

    Raises ``ManifestError`` for mistakes in the manifest (nothing is written) and
    ``KioskError`` when the output cannot be written (nothing is left behind).
    """
    loaded = load_manifest(manifest_path, allow_media_outside=allow_media_outside, memo=memo)
    private_key = load_private_key(sign_key) if sign_key else None
    out_path = out_path.resolve()
    inputs = {manifest_path.resolve(), *loaded.media, *([sign_key.resolve()] if sign_key else [])}
    if out_path in inputs:
        raise ArgumentError(
            f"{out_path} is one of the build's own inputs: choose another output file"
        )
    built_at = built_at or datetime.now(UTC)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{out_path.name}.", suffix=".part", dir=out_path.parent
        )
    except OSError as error:
        raise KioskError(f"cannot write to {out_path.parent}: {error.strerror}") from error
    os.close(fd)
    temp_path = Path(temp_name)
    try:
        writer = _PackageWriter(loaded, chunk_size, progress, private_key, media_bytes, memo)
        digest = writer.write(temp_path, built_at)
        fsync_file(temp_path)
        os.replace(temp_path, out_path)
        fsync_directory(out_path.parent)
    except OSError as error:
        raise KioskError(f"cannot write {out_path}: {error.strerror or error}") from error
    except sqlite3.Error as error:
        raise KioskError(f"cannot write {out_path}: {error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()
    return BuildResult(
        out_path,
        loaded.manifest.package.id,
        loaded.manifest.package.version,
        digest,
        writer.media_count,
        loaded.warnings,
        {sha: path for path, sha in writer.media_by_path.items()},
        tuple(writer.media_by_path),
    )


class _PackageWriter:
    """Turns a loaded manifest into rows; one instance writes one package."""

    def __init__(
        self,
        loaded: LoadedManifest,
        chunk_size: int,
        progress: ProgressFactory | None,
        private_key: Ed25519PrivateKey | None = None,
        media_bytes: bool = True,
        memo: MediaMemo | None = None,
    ) -> None:
        self.private_key = private_key
        self.media_bytes = media_bytes
        self.memo = memo
        self.loaded = loaded
        self.chunk_size = chunk_size
        self.progress = progress
        self.texts: dict[tuple[str, str], str] = {}
        self.media_by_path: dict[Path, str] = {}
        self.media_count = 0

    def write(self, path: Path, built_at: datetime) -> str:
        engine = create_engine(f"sqlite:///{path}")

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            # The file is a temporary one until the rename: a crash just discards it, so
            # no journal is needed while writing.
            dbapi_connection.execute("PRAGMA journal_mode=OFF")
            dbapi_connection.execute("PRAGMA synchronous=OFF")

        try:
            schema.Base.metadata.create_all(engine)
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id={format_spec.APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version={format_spec.SCHEMA_VERSION}")
                self._write_content(connection, built_at)
                digest = compute_manifest_digest(connection)
                signature, key_id = (
                    sign_digest(self.private_key, digest) if self.private_key else (None, None)
                )
                connection.execute(
                    update(schema.PackageInfo).values(
                        manifest_digest=digest, signature=signature, key_id=key_id
                    )
                )
        finally:
            engine.dispose()
        return digest

    def _write_content(self, connection: Connection, built_at: datetime) -> None:
        manifest: Manifest = self.loaded.manifest
        package = manifest.package
        self._text("hall.title", package.title)
        self._text("hall.subtitle", package.subtitle)
        connection.execute(
            insert(schema.PackageInfo).values(
                package_id=package.id,
                schema_version=format_spec.SCHEMA_VERSION,
                version=package.version,
                built_at=built_at.astimezone(UTC).isoformat(timespec="seconds"),
                title_key="hall.title",
                subtitle_key="hall.subtitle",
                languages=",".join(package.languages),
                chunk_size=self.chunk_size,
                manifest_digest="",
            )
        )
        for name, value in manifest.theme.model_dump(exclude_none=True).items():
            connection.execute(insert(schema.ThemeColour).values(name=name, value=value.lower()))
        for link_id, link in manifest.links.items():
            key = self._text(f"link.{link_id}.label", link.label)
            connection.execute(
                insert(schema.Link).values(link_id=link_id, url=link.url, label_key=key)
            )
        for position, font in enumerate(manifest.fonts):
            sha = self._media(connection, font)
            connection.execute(insert(schema.Font).values(media_sha256=sha, position=position))
        for position, corner in enumerate(manifest.corners):
            self._write_corner(connection, position, corner)
        for position, item in enumerate(manifest.attract):
            if isinstance(item, AttractVideo):
                sha, duration = self._media(connection, item.video), None
            else:
                sha, duration = self._media(connection, item.image), round(item.seconds * 1000)
            connection.execute(
                insert(schema.AttractItem).values(
                    position=position, media_sha256=sha, duration_ms=duration
                )
            )
            if item.portrait is not None:
                connection.execute(
                    insert(schema.AttractPortrait).values(
                        position=position, media_sha256=self._media(connection, item.portrait)
                    )
                )
        connection.execute(
            insert(schema.Text),
            [
                {"key": key, "lang": lang, "value": value}
                for (key, lang), value in sorted(self.texts.items())
            ],
        )

    def _write_corner(self, connection: Connection, position: int, corner: CornerEntry) -> None:
        prefix = f"corner.{corner.id}"
        video_sha = None
        if corner.video is not None:
            poster = self._media(connection, corner.video.poster)
            video_sha = self._media(connection, corner.video.file, poster=poster)
            for lang, captions in corner.video.captions.items():
                connection.execute(
                    insert(schema.CaptionTrack).values(
                        video_sha256=video_sha,
                        lang=lang,
                        captions_sha256=self._media(connection, captions),
                    )
                )
        connection.execute(
            insert(schema.Corner).values(
                corner_id=corner.id,
                position=position,
                title_key=self._text(f"{prefix}.title", corner.title),
                summary_key=self._text(f"{prefix}.summary", corner.summary),
                colour=corner.colour.lower() if corner.colour else None,
                hero_sha256=self._media(connection, corner.hero) if corner.hero else None,
                video_sha256=video_sha,
            )
        )
        for index, section in enumerate(corner.sections):
            inserted = connection.execute(
                insert(schema.Section).values(
                    corner_id=corner.id,
                    position=index,
                    kind=section.kind,
                    title_key=self._text(f"{prefix}.section.{index}.title", section.title),
                    body_key=self._text(f"{prefix}.section.{index}.body", section.body),
                    image_sha256=self._media(connection, section.image) if section.image else None,
                )
            ).inserted_primary_key
            assert inserted is not None  # an INSERT always has its key
            section_id = inserted[0]
            for lang, audio in section.narration.items():
                connection.execute(
                    insert(schema.NarrationTrack).values(
                        section_id=section_id,
                        lang=lang,
                        audio_sha256=self._media(connection, audio),
                    )
                )
        for index, image in enumerate(corner.gallery):
            caption_key = (
                self._text(f"{prefix}.gallery.{index}.caption", image.caption)
                if image.caption
                else None
            )
            connection.execute(
                insert(schema.GalleryImage).values(
                    corner_id=corner.id,
                    position=index,
                    image_sha256=self._media(connection, image.image),
                    caption_key=caption_key,
                )
            )

    def _text(self, key: str, values: dict[str, str]) -> str:
        for lang, value in values.items():
            self.texts[(key, lang)] = value
        return key

    def _media(self, connection: Connection, relative: str, poster: str | None = None) -> str:
        """Store a media file once (by content) and return its SHA-256."""
        path = self.loaded.resolve(relative)
        if path in self.media_by_path:
            return self.media_by_path[path]
        facts = self.loaded.media[path]
        size = path.stat().st_size
        bar = (
            self.progress(path.name, 2 * size)
            if self.progress and size >= PROGRESS_THRESHOLD
            else None
        )
        try:

            def digest(file: Path) -> str:
                whole = hashlib.sha256()
                for block in _blocks(file, self.chunk_size, bar):
                    whole.update(block)
                return whole.hexdigest()

            sha = self.memo.sha256(path, digest) if self.memo else digest(path)
            if sha not in self.media_by_path.values():
                blocks = _blocks(path, self.chunk_size, bar) if self.media_bytes else iter(())
                for seq, block in enumerate(blocks):
                    connection.execute(
                        insert(schema.MediaChunk).values(
                            media_sha256=sha,
                            seq=seq,
                            sha256=hashlib.sha256(block).hexdigest(),
                            data=block,
                        )
                    )
                connection.execute(
                    insert(schema.Media).values(
                        sha256=sha,
                        kind=facts.kind,
                        mime_type=facts.mime_type,
                        size=size,
                        name=path.name,
                        width=facts.width,
                        height=facts.height,
                        duration_ms=facts.duration_ms,
                        poster_sha256=poster,
                    )
                )
                self.media_count += 1
        finally:
            if bar:
                bar.close()
        self.media_by_path[path] = sha
        return sha


def _blocks(path: Path, size: int, bar: Progress | None) -> Iterator[bytes]:
    with path.open("rb") as file:
        while block := file.read(size):
            if bar:
                bar.advance(len(block))
            yield block
