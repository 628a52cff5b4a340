"""Readable colours: contrast ratios, and a package's colours made readable."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kiosk.content.contrast import contrast_ratio, palette, readable_on


def test_known_contrast_ratios() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)


def test_a_colour_is_moved_just_far_enough() -> None:
    fixed = readable_on("#ff8800", "#ffffff", 4.5)
    assert contrast_ratio(fixed, "#ffffff") >= 4.5
    assert contrast_ratio(readable_on("#ff8800", "#ffffff", 3.0), "#ffffff") < 4.5
    assert readable_on("#14213d", "#ffffff", 4.5) == "#14213d"  # already fine


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_pale_theme_is_made_readable(high_contrast: bool) -> None:
    """Pale text, a yellow accent and a light corner colour all end up readable; the normal
    palette reports each change (for `package build` to warn about)."""
    theme = {
        "background": "#ffffff",
        "text": "#bbbbbb",
        "muted_text": "#dddddd",
        "accent": "#ffee00",
    }
    result = palette(theme, {"a": "#ffe0e0"}, high_contrast=high_contrast)
    minimum = 7 if high_contrast else 4.5
    t = result.theme
    for ink, ground in [
        ("text", "background"),
        ("text", "surface"),
        ("muted_text", "background"),
        ("muted_text", "surface"),
        ("accent", "background"),
        ("on_accent", "accent"),
    ]:
        assert contrast_ratio(t[ink], t[ground]) >= minimum, (ink, ground)
    for ground in ("background", "surface"):
        assert contrast_ratio(t["focus"], t[ground]) >= 3
    corner = result.corners["a"]
    assert contrast_ratio(t["on_corner"], corner) >= minimum
    assert contrast_ratio(corner, t["background"]) >= minimum
    if high_contrast:
        assert result.changes == ()
    else:
        assert len(result.changes) == 4  # text, muted text, accent, the corner
        assert "text #bbbbbb on the" in result.changes[0].message
        assert result.changes[0].theme_role == "text"
        assert result.changes[-1].corner_id == "a"


def test_the_demo_needs_no_change() -> None:
    """The demo's own colours already meet 4.5:1: its build prints no contrast warning."""
    manifest = yaml.safe_load((Path(__file__).parents[2] / "seeds" / "manifest.yaml").read_text())
    corners = {c["id"]: c["colour"] for c in manifest["corners"]}
    assert palette(manifest["theme"], corners).changes == ()
