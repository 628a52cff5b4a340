"""The content manifest: the YAML file a content editor writes, and its validation.

Validation reports every mistake at once, each with the manifest's file and line: unknown
keys, wrong types, missing translations, missing or unreadable media files. Media are
probed here, while the editor is at their desk, and the facts are kept for the builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from kiosk import limits
from kiosk.content import format_spec
from kiosk.content.contrast import palette
from kiosk.content.lint import lint
from kiosk.content.media_memo import MediaMemo
from kiosk.content.media_probe import MediaFacts, UnreadableMediaError, probe
from kiosk.errors import ManifestError
from kiosk.yamlsource import YamlDocument, describe_validation_error, load_yaml

REQUIRED_LANGUAGES = ("ko", "en")


@dataclass
class ManifestContext:
    """What validation needs besides the data, and what it learns for the builder."""

    base_dir: Path
    languages: tuple[str, ...]
    media: dict[Path, MediaFacts] = field(default_factory=dict)
    # Media are found in the manifest's folder unless the editor says otherwise: a manifest
    # from elsewhere must not pack up whatever its paths (or links) lead to on this PC.
    allow_outside: bool = False
    # A live preview's memory of media it probed before (None: probe every file).
    memo: MediaMemo | None = None

    def check_media(self, kind: str, value: str) -> str:
        path = (self.base_dir / value).resolve()
        if not self.allow_outside and (
            Path(value).is_absolute() or not path.is_relative_to(self.base_dir)
        ):
            raise ValueError(
                f"{value} is outside the manifest's folder (an absolute path, '..' or a link "
                "out of it); move it in, or build with --allow-media-outside"
            )
        if not path.exists():
            raise ValueError(f"file not found: {value}")
        if not path.is_file():
            raise ValueError(f"not a file: {value}")
        if path not in self.media:
            try:
                self.media[path] = (
                    self.memo.facts(kind, path, probe) if self.memo else probe(kind, path)
                )
            except UnreadableMediaError as error:
                raise ValueError(f"{value}: {error}") from error
        elif self.media[path].kind != kind:
            raise ValueError(f"{value} is used as {self.media[path].kind} elsewhere")
        return value

    def check_translations(self, texts: dict[str, str]) -> dict[str, str]:
        missing = [lang for lang in self.languages if lang not in texts]
        unknown = [lang for lang in texts if lang not in self.languages]
        problems = []
        if missing:
            problems.append("missing translation: " + ", ".join(missing))
        if unknown:
            listed = ", ".join(self.languages)
            problems.append(f"{', '.join(unknown)} is not among package.languages ({listed})")
        if problems:
            raise ValueError("; ".join(problems))
        return texts


def _context(info: ValidationInfo) -> ManifestContext:
    assert isinstance(info.context, ManifestContext)
    return info.context


def _media(kind: str) -> AfterValidator:
    return AfterValidator(lambda value, info: _context(info).check_media(kind, value))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _form(pattern: str, what: str) -> AfterValidator:
    """A string of a given form, with a message that says the form in words."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(f"'{value}' is not {what}")
        return value

    return AfterValidator(check)


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LanguageCode = Annotated[str, _form(format_spec.LANGUAGE_FORM, "a language code such as ko or en")]


def _translated(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    return _context(info).check_translations(value)


# A text in every language of the package: ``Localized[Title]``. The lengths suit a
# visitor reading standing (kiosk/limits.py); longer text is refused, not cut at the booth.
_Text = TypeVar("_Text")
Localized = Annotated[dict[LanguageCode, _Text], AfterValidator(_translated)]
Title = Annotated[NonEmpty, StringConstraints(max_length=limits.TITLE_CHARS)]
Summary = Annotated[NonEmpty, StringConstraints(max_length=limits.SUMMARY_CHARS)]
Body = Annotated[NonEmpty, StringConstraints(max_length=limits.BODY_CHARS)]
Label = Annotated[NonEmpty, StringConstraints(max_length=limits.LABEL_CHARS)]
Slug = Annotated[
    str, _form(format_spec.SLUG_FORM, "an id of lowercase letters, digits and hyphens")
]
Colour = Annotated[str, _form(format_spec.COLOUR_FORM, "a colour written as #rrggbb")]
ImageFile = Annotated[str, _media("image")]
VideoFile = Annotated[str, _media("video")]
AudioFile = Annotated[str, _media("audio")]
CaptionsFile = Annotated[str, _media("captions")]
FontFile = Annotated[str, _media("font")]


class PackageSection(_Strict):
    """``package:``: identity of the package and its languages."""

    id: Annotated[
        str,
        StringConstraints(max_length=format_spec.PACKAGE_ID_MAX_LENGTH),
        _form(
            format_spec.PACKAGE_ID_FORM,
            "a package id of lowercase letters, digits, dots and hyphens",
        ),
    ]
    version: Annotated[str, _form(format_spec.VERSION_FORM, "a version such as 1.0.2 (in quotes)")]
    languages: list[LanguageCode] = Field(min_length=2)
    title: Localized[Title]
    subtitle: Localized[Title]

    @field_validator("languages")
    @classmethod
    def _required_languages(cls, value: list[str]) -> list[str]:
        missing = [lang for lang in REQUIRED_LANGUAGES if lang not in value]
        if missing:
            raise ValueError("must include " + " and ".join(missing))
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value


class Theme(_Strict):
    """``theme:``: the hall's colours; the UI's defaults stand in for any left out."""

    background: Colour | None = None
    surface: Colour | None = None
    text: Colour | None = None
    muted_text: Colour | None = None
    accent: Colour | None = None
    on_accent: Colour | None = None


class LinkEntry(_Strict):
    """A link shown as a QR code."""

    url: Annotated[
        str,
        StringConstraints(max_length=format_spec.LINK_MAX_LENGTH),
        _form(format_spec.LINK_FORM, "a web address starting with https://"),
    ]
    label: Localized[Label]


class VideoEntry(_Strict):
    """A corner's video with its poster and a caption track per language."""

    file: VideoFile
    poster: ImageFile
    captions: dict[LanguageCode, CaptionsFile] = Field(default_factory=dict)

    @field_validator("captions")
    @classmethod
    def _caption_languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return _known_languages(value, info)


def _known_languages(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = _context(info).languages
    unknown = [lang for lang in value if lang not in languages]
    if unknown:
        raise ValueError(
            f"{', '.join(unknown)} is not among package.languages ({', '.join(languages)})"
        )
    return value


class SectionEntry(_Strict):
    """One page of a corner."""

    kind: Literal["background", "accomplishments", "effects", "free"]
    title: Localized[Title]
    body: Localized[Body]
    image: ImageFile | None = None
    # A recorded reading of the page per language (MP3, AAC/M4A, Ogg or WAV).
    narration: dict[LanguageCode, AudioFile] = Field(default_factory=dict)

    @field_validator("narration")
    @classmethod
    def _narration_languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return _known_languages(value, info)


class GalleryEntry(_Strict):
    """An image in a corner's gallery."""

    image: ImageFile
    caption: Localized[Label] | None = None


class CornerEntry(_Strict):
    """An exhibit corner."""

    id: Slug
    title: Localized[Title]
    summary: Localized[Summary]
    colour: Colour | None = None
    hero: ImageFile | None = None
    video: VideoEntry | None = None
    gallery: list[GalleryEntry] = Field(default_factory=list)
    sections: list[SectionEntry] = Field(min_length=1)


class AttractVideo(_Strict):
    """A video in the attract loop, played to its end; ``portrait``: the same made for a
    portrait screen, played there instead."""

    video: VideoFile
    portrait: VideoFile | None = None


class AttractImage(_Strict):
    """An image in the attract loop, shown for ``seconds``."""

    image: ImageFile
    seconds: float = Field(default=8.0, gt=0, le=600)
    portrait: ImageFile | None = None


# The tags appear in error locations; brackets keep them apart from the document's keys
# (yamlsource drops such parts when it looks up lines).
_VIDEO_ITEM, _IMAGE_ITEM = "attract[video]", "attract[image]"


def _attract_kind(value: object) -> str | None:
    if isinstance(value, dict):
        return _VIDEO_ITEM if "video" in value else _IMAGE_ITEM if "image" in value else None
    return None


AttractEntry = Annotated[
    Annotated[AttractVideo, Tag(_VIDEO_ITEM)] | Annotated[AttractImage, Tag(_IMAGE_ITEM)],
    Discriminator(
        _attract_kind,
        custom_error_type="attract_kind",
        custom_error_message="an attract item needs either 'video' or 'image'",
    ),
]


class Manifest(_Strict):
    """The whole manifest."""

    package: PackageSection
    theme: Theme = Field(default_factory=Theme)
    fonts: list[FontFile] = Field(default_factory=list)
    links: dict[Slug, LinkEntry] = Field(default_factory=dict)
    corners: list[CornerEntry] = Field(min_length=1)
    attract: list[AttractEntry] = Field(default_factory=list)

    @field_validator("corners")
    @classmethod
    def _unique_corner_ids(cls, value: list[CornerEntry]) -> list[CornerEntry]:
        seen: set[str] = set()
        for corner in value:
            if corner.id in seen:
                raise ValueError(f"the corner id '{corner.id}' is used twice")
            seen.add(corner.id)
        return value


@dataclass(frozen=True)
class LoadedManifest:
    """A valid manifest, where it lies, and the facts about each media file it names."""

    manifest: Manifest
    base_dir: Path
    media: dict[Path, MediaFacts]
    warnings: tuple[str, ...] = ()

    def resolve(self, relative: str) -> Path:
        """The file a media path of the manifest names."""
        return (self.base_dir / relative).resolve()


def load_manifest(
    path: Path, *, allow_media_outside: bool = False, memo: MediaMemo | None = None
) -> LoadedManifest:
    """Read and validate a manifest; raises ``ManifestError`` listing every mistake.
    ``memo``: facts about media files from earlier reads, reused while a file is unchanged."""
    try:
        doc = load_yaml(path)
    except OSError as error:
        raise ManifestError([f"{path}: cannot read the manifest ({error.strerror})"]) from error
    except UnicodeDecodeError as error:
        raise ManifestError([f"{path}:1: the manifest is not UTF-8 text"]) from error
    if doc.problems:
        raise ManifestError(doc.problems)
    if not isinstance(doc.data, dict):
        raise ManifestError([doc.problem((), "the manifest must be a mapping of keys")])
    context = ManifestContext(
        path.parent.resolve(),
        _declared_languages(doc),
        allow_outside=allow_media_outside,
        memo=memo,
    )
    try:
        manifest = Manifest.model_validate(doc.data, context=context)
    except ValidationError as error:
        raise ManifestError(describe_validation_error(doc, error)) from error
    return LoadedManifest(
        manifest, context.base_dir, context.media, _warnings(doc, manifest, context)
    )


def _warnings(doc: YamlDocument, manifest: Manifest, context: ManifestContext) -> tuple[str, ...]:
    """Things that build but that a public kiosk should not ship with."""
    found = lint(
        doc,
        manifest,
        context.media,
        lambda relative: (context.base_dir / relative).resolve(),
        context.memo,
    )
    # Colours too faint or too close to their ground: the kiosk adjusts them (WCAG 4.5:1),
    # and the editor should know the hall will not look exactly as written.
    theme = manifest.theme.model_dump(exclude_none=True)
    corners = {corner.id: corner.colour for corner in manifest.corners if corner.colour}
    positions = {corner.id: index for index, corner in enumerate(manifest.corners)}
    for change in palette(theme, corners).changes:
        place: tuple[str | int, ...] = (
            ("corners", positions[change.corner_id], "colour")
            if change.corner_id is not None
            else ("theme", change.theme_role or "")
        )
        found.append(doc.problem(place, change.message))
    return tuple(found)


def _declared_languages(doc: YamlDocument) -> tuple[str, ...]:
    # Translations are checked against package.languages before it has been validated
    # itself; a malformed list falls back to the required languages (its own error is
    # reported separately).
    package = doc.data.get("package")
    languages = package.get("languages") if isinstance(package, dict) else None
    if isinstance(languages, list) and all(isinstance(lang, str) for lang in languages):
        return tuple(dict.fromkeys([*languages, *REQUIRED_LANGUAGES]))
    return REQUIRED_LANGUAGES
