"""Accessibility modes a visitor can switch on, and the reach band for low-position mode.

The modes last for one visitor session and reset when it ends. The reach band is the part
of the screen a seated visitor can touch: the national kiosk guideline puts operable parts
at most 120 cm above the floor, so a screen's mounting height and visible height say how
much of it is within reach.
"""

from __future__ import annotations

from dataclasses import dataclass

# The highest point (cm above the floor) an operable part may be for a wheelchair user.
REACH_LIMIT_CM = 120.0
# Without mounting facts: the lower 45 % of the screen.
DEFAULT_BAND = 0.45
# Never less than this: below it there is no room for a page and its controls.
SMALLEST_BAND = 0.3

# In any accessibility mode the visitor gets this much more time before the warning.
EXTENDED_TIME_FACTOR = 2.0


def reach_band(bottom_edge_cm: float | None, screen_height_cm: float | None) -> float:
    """The fraction of the screen's height (from the bottom) that lies within reach.

    ``bottom_edge_cm``: height of the visible picture's lower edge above the floor;
    ``screen_height_cm``: the visible picture's height. Without both, the default band.
    """
    if bottom_edge_cm is None or not screen_height_cm:
        return DEFAULT_BAND
    reachable = (REACH_LIMIT_CM - bottom_edge_cm) / screen_height_cm
    return min(1.0, max(SMALLEST_BAND, reachable))


@dataclass
class AccessibilityModes:
    """What the visitor switched on for this session."""

    low_position: bool = False
    high_contrast: bool = False
    large_text: bool = False
    voice_guidance: bool = False
    # No motion at all: views, pictures and the attract loop change without animation.
    reduced_motion: bool = False

    @property
    def any_on(self) -> bool:
        """True if any mode is on: the idle time is then extended."""
        return (
            self.low_position
            or self.high_contrast
            or self.large_text
            or self.voice_guidance
            or self.reduced_motion
        )

    def reset(self) -> None:
        """All off: a new visitor starts with the standard screen."""
        self.low_position = self.high_contrast = self.large_text = False
        self.voice_guidance = self.reduced_motion = False
