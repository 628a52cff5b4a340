"""Every limit on what a manifest, a config or a package may hold, in one place.

Each suits real exhibit content with room to spare (a 4K video, a 6000 px photograph, a
long section) and stops input that is legal in form but made to exhaust the kiosk: an
alias bomb, a title of a million characters, a picture a pixel wide and a million high.
docs/security.md lists them with why.
"""

from __future__ import annotations

# YAML files (manifests and the kiosk's config).
YAML_BYTES = 1_000_000  # a manifest of three corners is about 20 kB
YAML_DEPTH = 32  # levels of nesting; a manifest uses about 6
YAML_VALUES = 100_000  # values, with aliases expanded

# Text, per field of a manifest (characters); at install every text is held to the longest.
TITLE_CHARS = 120
SUMMARY_CHARS = 600
BODY_CHARS = 6000
LABEL_CHARS = 200  # link labels, picture captions
TEXT_CHARS = BODY_CHARS

# Media, checked by probing the file itself at build and again at install.
IMAGE_PIXELS = 50_000_000  # an 8000 x 6000 photograph
IMAGE_ASPECT = 6.0  # longer side to shorter: a wide panorama, not a one-pixel line
VIDEO_SIDE = 4096  # 4K in either orientation
VIDEO_PIXELS = 4096 * 2304
MEDIA_SECONDS = 3600  # a video or a narration
CAPTION_BYTES = 1_000_000
CAPTION_CUES = 10_000
CAPTION_CUE_CHARS = 500
FONT_BYTES = 30_000_000
