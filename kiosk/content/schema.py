"""The tables of a content package, as SQLAlchemy 2 typed models.

``format_spec.SCHEMA_VERSION`` is the one place the format's version lives. A kiosk opens
packages of its own version and older ones it knows how to read, and refuses newer ones with a
message that says so. ``package_info.schema_version`` and ``PRAGMA user_version`` both
carry it: the pragma can be read before any table is trusted.

Every visible string is a key into ``text``, one row per language, so a new language is
new rows, never new columns or code.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Base of every package table."""


class PackageInfo(Base):
    """The one row that says what this package is."""

    __tablename__ = "package_info"

    package_id: Mapped[str] = mapped_column(String, primary_key=True)
    schema_version: Mapped[int]
    version: Mapped[str]
    built_at: Mapped[str]  # ISO 8601, UTC
    title_key: Mapped[str]
    subtitle_key: Mapped[str]
    languages: Mapped[str]  # comma-separated, the first is the default
    chunk_size: Mapped[int]
    manifest_digest: Mapped[str]  # hex SHA-256, see content/digest.py
    signature: Mapped[str | None]  # hex Ed25519 signature of the digest
    key_id: Mapped[str | None]


class Text(Base):
    """One visible string in one language."""

    __tablename__ = "text"

    key: Mapped[str] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class ThemeColour(Base):
    """A named colour of the hall's theme (``background``, ``accent``, …) as ``#rrggbb``."""

    __tablename__ = "theme_colour"

    name: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class Link(Base):
    """A link shown as a QR code, such as the online venue."""

    __tablename__ = "link"

    link_id: Mapped[str] = mapped_column(primary_key=True)
    url: Mapped[str]
    label_key: Mapped[str]


class Media(Base):
    """One media file; its bytes are in ``media_chunk``, its identity is its SHA-256."""

    __tablename__ = "media"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str]
    mime_type: Mapped[str]
    size: Mapped[int]
    name: Mapped[str]  # the file name the editor gave it, for messages
    width: Mapped[int | None]
    height: Mapped[int | None]
    duration_ms: Mapped[int | None]
    poster_sha256: Mapped[str | None] = mapped_column(ForeignKey("media.sha256"))


class MediaChunk(Base):
    """A fixed-size piece of a media file (the last one may be shorter)."""

    __tablename__ = "media_chunk"

    media_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CaptionTrack(Base):
    """A WebVTT caption track of a video in one language."""

    __tablename__ = "caption_track"

    video_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"), primary_key=True)
    lang: Mapped[str] = mapped_column(primary_key=True)
    captions_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"))


class Corner(Base):
    """An exhibit corner, shown as a tile on the home screen."""

    __tablename__ = "corner"

    corner_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(unique=True)
    title_key: Mapped[str]
    summary_key: Mapped[str]
    colour: Mapped[str | None]
    hero_sha256: Mapped[str | None] = mapped_column(ForeignKey("media.sha256"))
    video_sha256: Mapped[str | None] = mapped_column(ForeignKey("media.sha256"))


class Section(Base):
    """A page of a corner: background, accomplishments, anticipated effects, or free."""

    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("corner_id", "position"),)

    section_id: Mapped[int] = mapped_column(primary_key=True)
    corner_id: Mapped[str] = mapped_column(ForeignKey("corner.corner_id"))
    position: Mapped[int]
    kind: Mapped[str]
    title_key: Mapped[str]
    body_key: Mapped[str]
    image_sha256: Mapped[str | None] = mapped_column(ForeignKey("media.sha256"))
    # Unused: kept so that packages built before narration_track verify unchanged.
    narration_key: Mapped[str | None]


class NarrationTrack(Base):
    """A recorded narration of a section in one language (optional table: packages built
    before it existed have none)."""

    __tablename__ = "narration_track"

    section_id: Mapped[int] = mapped_column(ForeignKey("section.section_id"), primary_key=True)
    lang: Mapped[str] = mapped_column(primary_key=True)
    audio_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"))


class GalleryImage(Base):
    """An image in a corner's gallery, with its caption."""

    __tablename__ = "gallery_image"
    __table_args__ = (UniqueConstraint("corner_id", "position"),)

    gallery_image_id: Mapped[int] = mapped_column(primary_key=True)
    corner_id: Mapped[str] = mapped_column(ForeignKey("corner.corner_id"))
    position: Mapped[int]
    image_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"))
    caption_key: Mapped[str | None]


class AttractItem(Base):
    """One item of the attract loop: a video, or an image shown for ``duration_ms``."""

    __tablename__ = "attract_item"

    position: Mapped[int] = mapped_column(primary_key=True)
    media_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"))
    duration_ms: Mapped[int | None]


class AttractPortrait(Base):
    """The portrait version of an attract item, of the same kind (optional table: packages
    built before it existed have none, and fill a portrait screen from the landscape item)."""

    __tablename__ = "attract_portrait"

    position: Mapped[int] = mapped_column(ForeignKey("attract_item.position"), primary_key=True)
    media_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"))


class Font(Base):
    """A font the kiosk loads before showing the package (Korean glyphs on any machine)."""

    __tablename__ = "font"

    media_sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"), primary_key=True)
    position: Mapped[int]
