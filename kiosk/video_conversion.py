"""Where a video's frames become RGB pixels, as whoever runs the PC may choose it: by the
kiosk itself (``auto``: the GPU when a real one draws the screen), or forced onto the GPU
or the CPU (docs/decisions/0025-video-on-the-gpu.md). Free of Qt: ``doctor`` reads it too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

ENV = "KIOSK_VIDEO_CONVERSION"
CHOICES = ("auto", "gpu", "cpu")


def wanted(environ: Mapping[str, str] = os.environ) -> str | None:
    """The choice in ``environ`` (``auto`` when unset); None for a value that is not one."""
    value = environ.get(ENV, "").strip().lower() or "auto"
    return value if value in CHOICES else None
