"""The reach band for low-position mode, and the modes a visitor switches on."""

from __future__ import annotations

import pytest

from kiosk.session.accessibility import AccessibilityModes, reach_band


def test_the_band_reaches_120_cm_above_the_floor() -> None:
    """A screen whose picture starts 70 cm up and is 100 cm tall: the lower half."""
    assert reach_band(70, 100) == pytest.approx(0.5)
    assert reach_band(90, 60) == pytest.approx(0.5)


def test_the_band_has_limits_and_a_default() -> None:
    assert reach_band(None, None) == pytest.approx(0.45)
    assert reach_band(40, 60) == 1.0  # the whole screen is within reach
    assert reach_band(115, 60) == pytest.approx(0.3)  # never too thin to use


def test_modes_reset_together() -> None:
    modes = AccessibilityModes(large_text=True)
    assert modes.any_on
    modes.reset()
    assert not modes.any_on
