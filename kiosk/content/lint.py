"""Warnings for an editor while writing: what builds, but reads or plays worse at a booth
than it should. Each is ``manifest.yaml:LINE: where: what``, shown by ``package build``
and over the live preview; none stops a build.

- a video without captions in one of the package's languages;
- captions that run past the end of their video, or leave it long without a caption;
- reading text longer than a visitor reads standing (after the Smithsonian's guidance for
  exhibition labels: sentences of about 25 words at most, a label of 75 to 100 words);
- pictures far larger than any booth screen shows, with what a smaller one would save;
- attract pictures and videos with what looks like text in their lower quarter, where the
  kiosk's call to touch covers it (``kiosk.content.text_likeness``).

What the kiosk's screens make of the texts (does each fit, how long are its lines, how
tall its letters on the panel) is the layout check's (``kiosk.layout_check``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import av

from kiosk.content.captions import read_cues
from kiosk.content.media_memo import MediaMemo
from kiosk.content.media_probe import MediaFacts
from kiosk.content.text_likeness import picture_has_text_below, video_has_text_below
from kiosk.yamlsource import YamlDocument, label_of

if TYPE_CHECKING:  # the manifest's models import this module to lint with it
    from kiosk.content.manifest import CornerEntry, Manifest

Resolve = Callable[[str], Path]

# The Smithsonian Guidelines for Accessible Exhibition Design: warnings, not rules.
SENTENCE_WORDS = 25
LABEL_WORDS = 100
# Captions that end this long after the video, or leave this long without a caption.
CAPTION_OVERRUN_S = 1.0
CAPTION_GAP_S = 20.0  # or a third of a short video, and at least 5 s
CAPTION_GAP_MIN_S = 5.0
# The longest side a booth screen shows (a 4K panel); a picture twice that is waste.
SCREEN_PX = 3840

_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|(?<=다\.)\s*|\n+")


def lint(
    doc: YamlDocument,
    manifest: Manifest,
    media: Mapping[Path, MediaFacts],
    resolve: Resolve,
    memo: MediaMemo | None = None,
) -> list[str]:
    """Every warning for a validated ``manifest``; ``media`` are the facts probed while
    validating, ``resolve`` turns a manifest's path into the file, ``memo`` keeps answers
    about unchanged files from one build to the next (the live preview's)."""
    found: list[str] = []
    languages = tuple(manifest.package.languages)
    for index, corner in enumerate(manifest.corners):
        found += _captions(doc, index, corner, languages, media, resolve)
        for number, section in enumerate(corner.sections):
            for language, body in section.body.items():
                where = ("corners", index, "sections", number, "body", language)
                found += [_say(doc, where, words) for words in reading_length(body)]
    found += _large_pictures(doc, manifest, media, resolve)
    found += _attract_text(doc, manifest, resolve, memo)
    return found


def reading_length(text: str) -> Iterator[str]:
    """What is too long in one text for a visitor standing at a booth."""
    words = len(text.split())
    if words > LABEL_WORDS:
        yield (
            f"{words} words: a visitor standing at a booth reads about {LABEL_WORDS}; "
            "split it into pages or shorten it"
        )
    longest = max((len(sentence.split()) for sentence in _sentences(text)), default=0)
    if longest > SENTENCE_WORDS:
        yield (
            f"a sentence of {longest} words: keep sentences to about {SENTENCE_WORDS} for "
            "reading standing"
        )


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def _captions(
    doc: YamlDocument,
    index: int,
    corner: CornerEntry,
    languages: tuple[str, ...],
    media: Mapping[Path, MediaFacts],
    resolve: Resolve,
) -> list[str]:
    video = corner.video
    if video is None:
        return []
    where = ("corners", index, "video")
    found = []
    missing = [language for language in languages if language not in video.captions]
    if missing:
        found.append(_say(doc, where, f"the video has no {' or '.join(missing)} captions"))
    facts = media.get(resolve(video.file))
    duration = (facts.duration_ms or 0) / 1000 if facts else 0
    for language, track in video.captions.items():
        cues = read_cues(resolve(track))
        if not cues:
            continue
        place = (*where, "captions", language)
        end = cues[-1].end_ms / 1000
        if duration and end > duration + CAPTION_OVERRUN_S:
            overrun = f"the captions run to {end:.1f} s, past the video's end at {duration:.1f} s"
            found.append(_say(doc, place, overrun))
        edges = [0.0, *(edge for cue in cues for edge in (cue.start_ms / 1000, cue.end_ms / 1000))]
        if duration:
            edges.append(duration)
        longest = max(CAPTION_GAP_MIN_S, min(CAPTION_GAP_S, duration / 3 if duration else 1e9))
        for start, stop in zip(edges[::2], edges[1::2], strict=False):
            if stop - start > longest:
                gap = f"no caption for {stop - start:.0f} s from {_clock(start)}: is nothing said?"
                found.append(_say(doc, place, gap))
    return found


def _large_pictures(
    doc: YamlDocument, manifest: Manifest, media: Mapping[Path, MediaFacts], resolve: Resolve
) -> list[str]:
    found = []
    told: set[Path] = set()
    for location, relative in _picture_paths(manifest):
        path = resolve(relative)
        facts = media.get(path)
        if facts is None or path in told or not facts.width or not facts.height:
            continue
        longest = max(facts.width, facts.height)
        if longest <= 2 * SCREEN_PX:
            continue
        told.add(path)
        size = path.stat().st_size
        saved = size * (1 - (SCREEN_PX / longest) ** 2)
        found.append(
            _say(
                doc,
                location,
                f"{relative} is {facts.width}x{facts.height} px; no booth screen shows more "
                f"than {SCREEN_PX} px of it: at that size it would be about "
                f"{saved / 1e6:.1f} MB smaller",
            )
        )
    return found


def _attract_text(
    doc: YamlDocument, manifest: Manifest, resolve: Resolve, memo: MediaMemo | None
) -> list[str]:
    found = []
    for index, item in enumerate(manifest.attract):
        kind = "video" if hasattr(item, "video") else "image"
        for key in (kind, "portrait"):
            relative = getattr(item, key, None)
            if not isinstance(relative, str):
                continue
            path = resolve(relative)
            judge = video_has_text_below if kind == "video" else picture_has_text_below
            try:
                text = memo.judged("text below", path, judge) if memo else judge(path)
            except (OSError, av.FFmpegError, ValueError):
                continue  # probed fine when validated; a file that changed since is rebuilt
            if text:
                found.append(
                    _say(
                        doc,
                        ("attract", index, key),
                        f"{relative} looks like it has text in its lower quarter, where the "
                        "kiosk shows its call to touch over it: keep that part free of words",
                    )
                )
    return found


def _picture_paths(manifest: Manifest) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for index, corner in enumerate(manifest.corners):
        if corner.hero:
            yield ("corners", index, "hero"), corner.hero
        for number, section in enumerate(corner.sections):
            if section.image:
                yield ("corners", index, "sections", number, "image"), section.image
        for number, picture in enumerate(corner.gallery):
            yield ("corners", index, "gallery", number, "image"), picture.image
    for index, item in enumerate(manifest.attract):
        for key in ("image", "portrait"):
            if isinstance(getattr(item, key, None), str):
                yield ("attract", index, key), getattr(item, key)


def _say(doc: YamlDocument, where: tuple[str | int, ...], what: str) -> str:
    return doc.problem(where, f"{label_of(where)}: {what}")


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"
