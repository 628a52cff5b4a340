"""What a media file is: kind, MIME type, size in pixels, duration.

Probing happens when a package is built, so a file the kiosk could not show is reported
to the content editor with the manifest line, not discovered at the booth. Images are
read with Pillow, audio and video with PyAV (FFmpeg), captions with webvtt-py.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import av
import webvtt
from PIL import Image, UnidentifiedImageError

from kiosk import limits


class UnreadableMediaError(Exception):
    """The file is not a media file of the kind the manifest says; the message says why."""


@dataclass(frozen=True)
class MediaFacts:
    """What the package records about one media file besides its bytes."""

    kind: str
    mime_type: str
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None


_IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
_VIDEO_CONTAINERS = {"mp4": "video/mp4", "mov": "video/mp4", "webm": "video/webm"}
_AUDIO_CONTAINERS = {
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "mp4": "audio/mp4",
    "wav": "audio/wav",
}
# What the kiosk's player (Qt Multimedia with FFmpeg) decodes. AV1 is missing on purpose:
# it gives zero frames and no error there (see ../shared facts and docs/decisions).
_PLAYABLE_VIDEO_CODECS = {"h264", "hevc", "vp8", "vp9", "mpeg4"}
_FONT_MAGIC = {
    b"wOF2": "font/woff2",
    b"wOFF": "font/woff",
    b"OTTO": "font/otf",
    b"\x00\x01\x00\x00": "font/ttf",
    b"true": "font/ttf",
}


def probe(kind: str, path: Path) -> MediaFacts:
    """Facts about ``path`` read as ``kind``; raises ``UnreadableMediaError`` with a reason."""
    probes = {
        "image": _probe_image,
        "video": _probe_video,
        "audio": _probe_audio,
        "captions": _probe_captions,
        "font": _probe_font,
    }
    try:
        facts = probes[kind](path)
    except OSError as error:
        raise UnreadableMediaError(f"cannot read the file ({error.strerror or error})") from error
    _check_limits(facts)
    return facts


def _check_limits(facts: MediaFacts) -> None:
    """Refuse media legal in form but beyond what a kiosk shows (``kiosk/limits.py``)."""
    width, height = facts.width or 0, facts.height or 0
    if facts.kind == "image" and width and height:
        if width * height > limits.IMAGE_PIXELS:
            raise UnreadableMediaError(
                f"{width}x{height} px is more than the kiosk shows "
                f"(at most {limits.IMAGE_PIXELS // 1_000_000} megapixels)"
            )
        if max(width, height) / min(width, height) > limits.IMAGE_ASPECT:
            raise UnreadableMediaError(
                f"{width}x{height} px is too thin to show (sides at most {limits.IMAGE_ASPECT:g}:1)"
            )
    if facts.kind == "video" and (
        max(width, height) > limits.VIDEO_SIDE or width * height > limits.VIDEO_PIXELS
    ):
        raise UnreadableMediaError(f"{width}x{height} video is larger than 4K")
    if facts.duration_ms is not None and facts.duration_ms > limits.MEDIA_SECONDS * 1000:
        raise UnreadableMediaError(f"it lasts more than {limits.MEDIA_SECONDS // 60} minutes")


def _probe_image(path: Path) -> MediaFacts:
    try:
        with warnings.catch_warnings():
            # A decompression-bomb warning is a reason to refuse, not to print.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.verify()
                kind = image.format or ""
                width, height = image.size
    except (
        UnidentifiedImageError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
        SyntaxError,
        ValueError,
    ) as error:
        raise UnreadableMediaError(f"not a readable image ({error})") from error
    if kind not in _IMAGE_TYPES:
        found = kind or "this"
        raise UnreadableMediaError(f"{found} images are not supported; use JPEG, PNG or WebP")
    return MediaFacts("image", _IMAGE_TYPES[kind], width, height)


def _container_kind(container: av.container.InputContainer, table: dict[str, str]) -> str:
    for name in container.format.name.split(","):
        if name in table:
            return table[name]
    raise UnreadableMediaError(f"the container '{container.format.long_name}' is not supported")


def _probe_video(path: Path) -> MediaFacts:
    try:
        with av.open(str(path)) as container:
            mime = _container_kind(container, _VIDEO_CONTAINERS)
            if not container.streams.video:
                raise UnreadableMediaError("the file has no video stream")
            stream = container.streams.video[0]
            codec = stream.codec.canonical_name  # the format, not the decoder library
            if codec not in _PLAYABLE_VIDEO_CODECS:
                raise UnreadableMediaError(
                    f"video codec '{codec}' cannot be played by the kiosk; encode it as H.264"
                )
            frame = next(container.decode(stream), None)
            if frame is None:
                raise UnreadableMediaError("no picture could be decoded from the video")
            duration = _duration_ms(container, stream)
            return MediaFacts("video", mime, frame.width, frame.height, duration)
    except av.error.FFmpegError as error:
        raise UnreadableMediaError(f"not a readable video ({error.strerror or error})") from error


def _probe_audio(path: Path) -> MediaFacts:
    try:
        with av.open(str(path)) as container:
            mime = _container_kind(container, _AUDIO_CONTAINERS)
            if not container.streams.audio:
                raise UnreadableMediaError("the file has no audio stream")
            stream = container.streams.audio[0]
            if next(container.decode(stream), None) is None:
                raise UnreadableMediaError("no sound could be decoded from the file")
            return MediaFacts("audio", mime, duration_ms=_duration_ms(container, stream))
    except av.error.FFmpegError as error:
        reason = error.strerror or error
        raise UnreadableMediaError(f"not a readable audio file ({reason})") from error


def _duration_ms(container: av.container.InputContainer, stream: av.stream.Stream) -> int | None:
    if stream.duration is not None and stream.time_base is not None:
        return round(float(stream.duration * stream.time_base) * 1000)
    if container.duration is not None:
        return round(container.duration / 1000)
    return None


def _probe_captions(path: Path) -> MediaFacts:
    if path.stat().st_size > limits.CAPTION_BYTES:
        raise UnreadableMediaError(f"larger than {limits.CAPTION_BYTES // 1000} kB")
    try:
        captions = webvtt.read(str(path))
    except (
        webvtt.errors.MalformedFileError,
        webvtt.errors.MalformedCaptionError,
        UnicodeDecodeError,
    ) as error:
        raise UnreadableMediaError(f"not a valid WebVTT file ({error})") from error
    if not captions.captions:
        raise UnreadableMediaError("the caption file has no cues")
    if len(captions.captions) > limits.CAPTION_CUES:
        raise UnreadableMediaError(f"more than {limits.CAPTION_CUES} cues")
    if any(len(cue.text) > limits.CAPTION_CUE_CHARS for cue in captions.captions):
        raise UnreadableMediaError(f"a cue longer than {limits.CAPTION_CUE_CHARS} characters")
    return MediaFacts("captions", "text/vtt")


def _probe_font(path: Path) -> MediaFacts:
    if path.stat().st_size > limits.FONT_BYTES:
        raise UnreadableMediaError(f"larger than {limits.FONT_BYTES // 1_000_000} MB")
    with path.open("rb") as file:
        magic = file.read(4)
    if magic not in _FONT_MAGIC:
        raise UnreadableMediaError("not a font file (use WOFF2, WOFF, OTF or TTF)")
    return MediaFacts("font", _FONT_MAGIC[magic])
