"""Readable colours: the package's theme made to meet the contrast a public kiosk needs.

WCAG 2 contrast ratios over sRGB relative luminance. The normal palette gives every text
at least 4.5:1 against what it sits on; the high-contrast palette gives text 7:1 and
controls and focus rings at least 3:1 (in practice far more). A package colour that would
break a ratio is moved towards black or white just far enough, and the change is reported,
so `package build` can warn the content editor and the kiosk never shows unreadable text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

TEXT_NORMAL = 4.5
TEXT_HIGH = 7.0
CONTROLS = 3.0

# The UI's own colours, used where the package has none.
DEFAULT_THEME: Mapping[str, str] = {
    "background": "#f6f4ef",
    "surface": "#ffffff",
    "text": "#14213d",
    "muted_text": "#4a5468",
    "accent": "#1f4fb4",
    "on_accent": "#ffffff",
}

# High contrast: light on black, one bright accent. Not the package's colours: a visitor
# with low vision chose it because colours were not enough.
HIGH_CONTRAST_THEME: Mapping[str, str] = {
    "background": "#000000",
    "surface": "#121212",
    "text": "#ffffff",
    "muted_text": "#e8e8e8",
    "accent": "#ffd60a",
    "on_accent": "#000000",
}

# Text that sits on a corner's colour (its tab, its arrow), per palette.
ON_CORNER_NORMAL = "#ffffff"
ON_CORNER_HIGH = "#000000"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(255.0, c))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (0 black … 1 white)."""
    r, g, b = (_channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable_on(colour: str, ground: str, minimum: float) -> str:
    """``colour``, or the nearest mix of it towards black or white that reaches ``minimum``
    against ``ground``. Moves towards whichever end can reach the ratio, darker first on a
    light ground."""
    if contrast_ratio(colour, ground) >= minimum:
        return colour
    ends = ((0, 0, 0), (255, 255, 255))
    if luminance(ground) < 0.18:
        ends = ends[::-1]
    rgb = _rgb(colour)
    for end in ends:
        for step in range(1, 101):
            t = step / 100
            mixed = _hex(tuple(c + (e - c) * t for c, e in zip(rgb, end, strict=True)))  # type: ignore[arg-type]
            if contrast_ratio(mixed, ground) >= minimum:
                return mixed
    return "#000000" if luminance(ground) > 0.18 else "#ffffff"


def ground_for(ink: str, colour: str, minimum: float) -> str:
    """``colour`` as a ground for ``ink``: mixed towards the opposite of ``ink`` until
    ``ink`` reads on it at ``minimum``."""
    return readable_on(colour, ink, minimum)


@dataclass(frozen=True)
class ColourChange:
    """A package colour the kiosk shows differently: the theme role or corner it belongs to,
    and why, in words for the content editor."""

    theme_role: str | None
    corner_id: str | None
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Palette:
    """The colours one mode of the UI shows: theme roles, then the corners' own colours,
    and what was changed from the package to get there."""

    theme: Mapping[str, str]
    corners: Mapping[str, str]
    changes: tuple[ColourChange, ...]


def palette(
    theme: Mapping[str, str], corner_colours: Mapping[str, str], *, high_contrast: bool = False
) -> Palette:
    """The readable palette for the package's ``theme`` and ``corner_colours`` (corner id →
    ``#rrggbb``)."""
    changes: list[ColourChange] = []
    text_minimum = TEXT_HIGH if high_contrast else TEXT_NORMAL
    base = dict(HIGH_CONTRAST_THEME if high_contrast else {**DEFAULT_THEME, **theme})

    def fix(role: str, colour: str, ground: str, minimum: float, where: str) -> str:
        fixed = readable_on(colour, ground, minimum)
        if fixed != colour and not high_contrast:
            message = (
                f"{role} {colour} {where} has contrast {contrast_ratio(colour, ground):.1f}:1, "
                f"below {minimum:g}:1; the kiosk shows {fixed} instead"
            )
            changes.append(ColourChange(role, None, message))
        return fixed

    # Text and muted text must read on both grounds: fix against the harder one.
    for role in ("text", "muted_text"):
        worse = min(("background", "surface"), key=lambda g: contrast_ratio(base[role], base[g]))
        base[role] = fix(role, base[role], base[worse], text_minimum, f"on the {worse}")
    # The accent is used as text (the hall's name) on the background, and as a button
    # ground under on_accent.
    base["accent"] = fix(
        "accent", base["accent"], base["background"], text_minimum, "on the background"
    )
    base["on_accent"] = fix(
        "on_accent", base["on_accent"], base["accent"], text_minimum, "on the accent"
    )
    # Focus ring: a control indicator, 3:1 against both grounds.
    focus = base["accent"] if not high_contrast else HIGH_CONTRAST_THEME["accent"]
    for ground in ("background", "surface"):
        focus = readable_on(focus, base[ground], CONTROLS)
    base["focus"] = focus
    on_corner = ON_CORNER_HIGH if high_contrast else ON_CORNER_NORMAL
    base["on_corner"] = on_corner

    corners: dict[str, str] = {}
    for corner_id, colour in corner_colours.items():
        # A corner colour is a ground for on_corner text and is itself text (its number)
        # on the background: both must hold.
        fixed = ground_for(on_corner, colour, text_minimum)
        fixed = readable_on(fixed, base["background"], text_minimum)
        if contrast_ratio(on_corner, fixed) < text_minimum:
            fixed = base["accent"]
        if fixed != colour and not high_contrast:
            message = (
                f"corner {corner_id}'s colour {colour} is too light or dark for its text "
                f"(needs {text_minimum:g}:1); the kiosk shows {fixed} instead"
            )
            changes.append(ColourChange(None, corner_id, message))
        corners[corner_id] = fixed
    return Palette(base, corners, tuple(changes))
