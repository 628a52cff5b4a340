"""Landscape and portrait, Korean and English: nothing overlaps, nothing is cut off."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.composition import KioskUi
from tests.bridge.ui import find, scene_rect, settled, shown

CORNERS = ("public-delivery-app", "northeast-relocation", "clean-valleys")
SIZES = [(1920, 1080), (1080, 1920), (1440, 1080), (1280, 1024)]


def assert_apart(items: dict[str, QQuickItem]) -> None:
    for (name_a, a), (name_b, b) in itertools.combinations(items.items(), 2):
        overlap = scene_rect(a).intersected(scene_rect(b))
        assert overlap.isEmpty() or overlap.width() * overlap.height() < 1, (name_a, name_b)


def assert_inside(item: QQuickItem, width: int, height: int, name: str) -> None:
    rect = scene_rect(item)
    assert rect.left() >= 0 and rect.top() >= 0, name
    assert rect.right() <= width + 0.5 and rect.bottom() <= height + 0.5, name


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_home_lays_out_cleanly(
    qtbot, kiosk: KioskUi, artifacts: Path, width: int, height: int, language: str
) -> None:
    """Header, language switch, QR code and tiles: apart, on screen, text whole."""
    kiosk.exhibit.set_language(language)
    kiosk.window.resize(width, height)
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    qtbot.waitUntil(lambda: find(kiosk, "homeView").width() == width)
    settled(qtbot, kiosk)  # wrapped text and bindings settled
    items = {
        "hallSubtitle": find(kiosk, "hallSubtitle"),
        "languageSwitch": find(kiosk, "languageSwitch"),
        "venueQr": find(kiosk, "venueQr"),
        **{corner: find(kiosk, f"cornerTile_{corner}") for corner in CORNERS},
    }
    assert_apart(items)
    for name, item in items.items():
        assert_inside(item, width, height, name)
    kiosk.window.grabWindow().save(str(artifacts / f"layout-home-{language}-{width}x{height}.png"))
    for corner in CORNERS:
        assert find(kiosk, f"cornerTile_{corner}").property("textFits"), corner


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_corner_lays_out_cleanly(
    qtbot, kiosk: KioskUi, artifacts: Path, width: int, height: int, language: str
) -> None:
    """Title, summary, video, pages and pictures: apart and on screen."""
    kiosk.exhibit.set_language(language)
    kiosk.window.resize(width, height)
    kiosk.exhibit.openCorner("public-delivery-app")
    qtbot.waitUntil(lambda: shown(kiosk, "cornerView"))
    qtbot.waitUntil(lambda: find(kiosk, "cornerView").width() == width)
    settled(qtbot, kiosk)  # past the fade-in; wrapped text and bindings settled
    items = {
        name: find(kiosk, name)
        for name in (
            "homeButton",
            "cornerTitle",
            "cornerSummary",
            "videoPanel",
            "sectionPager",
            "galleryStrip",
        )
    }
    kiosk.window.grabWindow().save(
        str(artifacts / f"layout-corner-{language}-{width}x{height}.png")
    )
    assert_apart(items)
    for name, item in items.items():
        assert_inside(item, width, height, name)
    assert find(kiosk, "sectionPager").height() > 200  # room to read
    assert find(kiosk, "scrubBar").width() >= 200  # room to scrub
