"""What changed between two content packages: texts per corner and language (word by word),
media added, removed or replaced, the theme, the attract playlist and the links.

Used by ``package diff`` (text or an HTML page with thumbnails) and by the staff panel's
Content page, which says what a waiting package will change before it is shown. Places
are named the way an editor thinks of them ("corner clean-valleys · section 2 · body"),
matched by corner id and by position within a corner.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.content.package import (
    CornerContent,
    LocalizedText,
    MediaItem,
    PackageContent,
)

# Words and the spaces between them, each a token, so a word diff keeps the spacing.
_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class TextChange:
    """One visible string that differs in one language (empty: missing on that side)."""

    where: str
    language: str
    old: str
    new: str

    def words(self) -> list[tuple[str, str]]:
        """The change word by word: ("=", same), ("-", removed), ("+", added)."""
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class MediaChange:
    """A media slot whose file was added, removed or replaced."""

    where: str
    old: MediaItem | None
    new: MediaItem | None

    @property
    def change(self) -> str:
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "replaced"


@dataclass(frozen=True)
class ValueChange:
    """A setting that differs (a theme colour, a link's address, a playlist item's time)."""

    where: str
    old: str
    new: str


@dataclass
class PackageDiff:
    """Everything that differs; empty lists when the packages show the same content."""

    old: PackageContent
    new: PackageContent
    corners_added: list[str] = field(default_factory=list)
    corners_removed: list[str] = field(default_factory=list)
    texts: list[TextChange] = field(default_factory=list)
    media: list[MediaChange] = field(default_factory=list)
    values: list[ValueChange] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (
            self.corners_added or self.corners_removed or self.texts or self.media or self.values
        )

    def text_places(self) -> list[str]:
        """Each place whose text changed, once, in order, with its languages."""
        languages: dict[str, list[str]] = {}
        for change in self.texts:
            languages.setdefault(change.where, []).append(change.language)
        return [f"{where} [{', '.join(langs)}]" for where, langs in languages.items()]


def diff_packages(old: PackageContent, new: PackageContent) -> PackageDiff:
    """What ``new`` changes compared with ``old``."""
    diff = PackageDiff(old, new)
    languages = sorted(set(old.languages) | set(new.languages))
    _texts(diff, "hall title", old.title, new.title, languages)
    _texts(diff, "hall subtitle", old.subtitle, new.subtitle, languages)
    old_corners = {corner.corner_id: corner for corner in old.corners}
    new_corners = {corner.corner_id: corner for corner in new.corners}
    diff.corners_added = [name for name in new_corners if name not in old_corners]
    diff.corners_removed = [name for name in old_corners if name not in new_corners]
    for corner_id, corner in new_corners.items():
        if corner_id in old_corners:
            _corner(diff, old_corners[corner_id], corner, languages)
    for key in sorted(set(old.theme) | set(new.theme)):
        _value(diff, f"theme {key}", old.theme.get(key, ""), new.theme.get(key, ""))
    _attract(diff, old, new)
    old_links = {link.link_id: link for link in old.links}
    for link in new.links:
        before = old_links.pop(link.link_id, None)
        _value(diff, f"link {link.link_id}", before.url if before else "", link.url)
        if before is not None:
            _texts(diff, f"link {link.link_id} · label", before.label, link.label, languages)
    for link_id, gone in old_links.items():
        _value(diff, f"link {link_id}", gone.url, "")
    _media(diff, "fonts", _by_name(old.fonts), _by_name(new.fonts))
    return diff


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``new`` against ``old`` word by word."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(("=", "".join(before[a0:a1])))
            continue
        if a1 > a0:
            parts.append(("-", "".join(before[a0:a1])))
        if b1 > b0:
            parts.append(("+", "".join(after[b0:b1])))
    return parts


# -- inside


def _corner(
    diff: PackageDiff, old: CornerContent, new: CornerContent, languages: list[str]
) -> None:
    place = f"corner {new.corner_id}"
    _texts(diff, f"{place} · title", old.title, new.title, languages)
    _texts(diff, f"{place} · summary", old.summary, new.summary, languages)
    _value(diff, f"{place} · colour", old.colour or "", new.colour or "")
    _media(diff, place, _corner_media(old), _corner_media(new))
    for index in range(max(len(old.sections), len(new.sections))):
        where = f"{place} · section {index + 1}"
        before = old.sections[index] if index < len(old.sections) else None
        after = new.sections[index] if index < len(new.sections) else None
        empty = LocalizedText({})
        _texts(diff, f"{where} · title", before.title if before else empty,
               after.title if after else empty, languages)  # fmt: skip
        _texts(diff, f"{where} · body", before.body if before else empty,
               after.body if after else empty, languages)  # fmt: skip
    for index in range(max(len(old.gallery), len(new.gallery))):
        before_caption = old.gallery[index].caption if index < len(old.gallery) else None
        after_caption = new.gallery[index].caption if index < len(new.gallery) else None
        _texts(diff, f"{place} · picture {index + 1} · caption",
               before_caption or LocalizedText({}), after_caption or LocalizedText({}),
               languages)  # fmt: skip


def _corner_media(corner: CornerContent) -> dict[str, MediaItem]:
    slots: dict[str, MediaItem] = {}
    if corner.hero is not None:
        slots["hero picture"] = corner.hero
    if corner.video is not None:
        slots["video"] = corner.video.media
        if corner.video.poster is not None:
            slots["video poster"] = corner.video.poster
        for language, track in corner.video.captions.items():
            slots[f"video captions [{language}]"] = track
    for index, section in enumerate(corner.sections, start=1):
        if section.image is not None:
            slots[f"section {index} · picture"] = section.image
        for language, narration in section.narration.items():
            slots[f"section {index} · narration [{language}]"] = narration
    for index, item in enumerate(corner.gallery, start=1):
        slots[f"picture {index}"] = item.image
    return slots


def _attract(diff: PackageDiff, old: PackageContent, new: PackageContent) -> None:
    def slots(content: PackageContent) -> dict[str, MediaItem]:
        found: dict[str, MediaItem] = {}
        for index, item in enumerate(content.attract, start=1):
            found[f"item {index}"] = item.media
            if item.portrait is not None:
                found[f"item {index} · portrait"] = item.portrait
        return found

    _media(diff, "attract", slots(old), slots(new))
    for index in range(min(len(old.attract), len(new.attract))):
        before, after = old.attract[index].duration_ms, new.attract[index].duration_ms
        _value(diff, f"attract · item {index + 1} · seconds", _seconds(before), _seconds(after))


def _texts(
    diff: PackageDiff, where: str, old: LocalizedText, new: LocalizedText, languages: list[str]
) -> None:
    for language in languages:
        before, after = old.values.get(language, ""), new.values.get(language, "")
        if before != after:
            diff.texts.append(TextChange(where, language, before, after))


def _media(
    diff: PackageDiff, place: str, old: Mapping[str, MediaItem], new: Mapping[str, MediaItem]
) -> None:
    for slot in [*old, *(name for name in new if name not in old)]:
        before, after = old.get(slot), new.get(slot)
        if (before and before.sha256) != (after and after.sha256):
            diff.media.append(MediaChange(f"{place} · {slot}", before, after))


def _value(diff: PackageDiff, where: str, old: str, new: str) -> None:
    if old != new:
        diff.values.append(ValueChange(where, old, new))


def _by_name(items: tuple[MediaItem, ...]) -> dict[str, MediaItem]:
    return {item.name: item for item in items}


def _seconds(milliseconds: int | None) -> str:
    return "" if milliseconds is None else f"{milliseconds / 1000:g}"
