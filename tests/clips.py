"""Small video files made in tests (PyAV), for codecs and lengths the demo media lack."""

from __future__ import annotations

from pathlib import Path


def make_clip(
    path: Path,
    *,
    codec: str = "libx264",
    width: int = 640,
    height: int = 360,
    seconds: float = 1.2,
    rate: int = 25,
) -> Path:
    """Write a clip of moving diagonal stripes (a picture, not a flat colour) to ``path``."""
    import av

    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(max(1, round(seconds * rate))):
            frame = av.VideoFrame(width, height, "yuv420p")
            luma, blue, red = frame.planes
            luma.update(
                b"".join(
                    bytes(30 + (x + row + index * 8) // 16 % 2 * 160 for x in range(luma.line_size))
                    for row in range(height)
                )
            )
            blue.update(bytes([90]) * blue.buffer_size)
            red.update(bytes([170]) * red.buffer_size)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def make_clip_of(path: Path, pictures: list[object], rate: int = 25) -> Path:
    """Write a clip showing each Pillow picture in ``pictures`` for one second each."""
    import av

    first = pictures[0]
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = *first.size, "yuv420p"  # type: ignore[attr-defined]
        shown = 0
        for picture in pictures:
            for _ in range(rate):
                frame = av.VideoFrame.from_image(picture).reformat(format="yuv420p")
                frame.pts = shown  # in the stream's frames: one after another
                shown += 1
                container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path
