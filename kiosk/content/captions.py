"""Caption cues from WebVTT tracks, as plain data the UI can show over a video."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import webvtt


@dataclass(frozen=True)
class Cue:
    """One caption: shown from ``start_ms`` until ``end_ms``."""

    start_ms: int
    end_ms: int
    text: str


def read_cues(path: Path) -> tuple[Cue, ...]:
    """The cues of a WebVTT file in time order; an unreadable file gives no cues."""
    try:
        captions = webvtt.read(str(path))
    except (
        OSError,
        UnicodeDecodeError,
        webvtt.errors.MalformedFileError,
        webvtt.errors.MalformedCaptionError,
    ):
        return ()
    cues = [
        Cue(
            caption.start_time.in_milliseconds(),
            caption.end_time.in_milliseconds(),
            caption.text.strip(),
        )
        for caption in captions.captions
    ]
    return tuple(sorted(cues, key=lambda cue: cue.start_ms))
