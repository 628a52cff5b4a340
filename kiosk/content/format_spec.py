"""Facts about the package format that readers need without the ORM.

Kept apart from ``schema.py`` (the SQLAlchemy models that define and write the tables)
because the kiosk reads packages for the show with the standard library's sqlite3:
importing SQLAlchemy alone costs about 0.4 s of start-up on a kiosk PC
(docs/decisions/0005-reading-without-the-orm.md). ``tests/content/test_format_spec.py`` checks
that the two agree.
"""

SCHEMA_VERSION = 1

# PRAGMA application_id: tells a kiosk package from any other SQLite file ("KPKG").
APPLICATION_ID = 0x4B504B47

# Media bytes are stored in chunks of this size: no SQLite blob limit (1 GB) applies, and
# a chunk is read, hashed and copied without holding a whole video in memory.
DEFAULT_CHUNK_SIZE = 1024 * 1024

SECTION_KINDS = ("background", "accomplishments", "effects", "free")
MEDIA_KINDS = ("image", "video", "audio", "captions", "font")

# The tables a kiosk of this version needs in a package.
REQUIRED_TABLES = (
    "package_info",
    "text",
    "theme_colour",
    "link",
    "media",
    "media_chunk",
    "caption_track",
    "corner",
    "section",
    "gallery_image",
    "attract_item",
    "font",
)

# Tables added without a new schema version: a package may lack them (it was built before
# they existed) and then simply has none of what they hold. Older kiosks ignore them.
OPTIONAL_TABLES = ("narration_track", "attract_portrait")

# The forms of the values that become names, file names or paths on a kiosk (fullmatch).
# The manifest is validated against them at build; every package is again at install,
# since a package can be made without the builder.
PACKAGE_ID_FORM = r"[a-z0-9]+([.-][a-z0-9]+)*"
PACKAGE_ID_MAX_LENGTH = 64
VERSION_FORM = r"\d{1,9}(\.\d{1,9}){0,3}"
LANGUAGE_FORM = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?"
SHA256_FORM = r"[0-9a-f]{64}"
SLUG_FORM = r"[a-z0-9]+(-[a-z0-9]+)*"  # corner and link ids
COLOUR_FORM = r"#[0-9A-Fa-f]{6}"
LINK_FORM = r"https?://\S+"  # shown as a QR code, never opened by the kiosk
LINK_MAX_LENGTH = 2000
