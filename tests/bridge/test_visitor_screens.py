"""The first visitor screens, in a real QML window (offscreen): home → corner → home."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from kiosk.bridge.scene import descendants
from kiosk.composition import KioskUi
from tests.bridge.ui import find, save_screenshot, settled, shown, tap

CORNERS = ("public-delivery-app", "northeast-relocation", "clean-valleys")


def test_home_shows_the_hall_and_three_tiles_in_korean(qtbot, kiosk: KioskUi) -> None:
    """Home: the hall title and theme from the package, the corners in package order."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    assert find(kiosk, "hallTitle").property("text") == "경기도관"
    assert find(kiosk, "hallSubtitle").property("text") == "더 공정한 경기"
    tiles = [find(kiosk, f"cornerTile_{corner}") for corner in CORNERS]
    assert tiles[0].property("title") == "경기도 공공배달앱"
    xs = [tile.mapToScene(QPointF(0, 0)).x() for tile in tiles]
    assert xs == sorted(xs)


def test_the_tiles_pictures_are_decoded_at_the_size_they_are_drawn(qtbot, kiosk: KioskUi) -> None:
    """Three of them stay on the home screen all day: each holds the pixels it covers, not
    the file's."""
    settled(qtbot, kiosk)
    pictures = [
        item
        for item in descendants(kiosk.window.contentItem())
        if item.objectName() == "tilePicture"
    ]
    assert len(pictures) == 3
    for picture in pictures:
        # The decoded picture's size (settled: each has finished loading).
        decoded_w, decoded_h = picture.property("implicitWidth"), picture.property("implicitHeight")
        assert decoded_w > 0 and decoded_h > 0
        # Cropped to cover: one side as drawn, the other at least as drawn.
        assert decoded_w >= picture.width() - 1 and decoded_h >= picture.height() - 1
        assert min(decoded_w - picture.width(), decoded_h - picture.height()) <= 1


@pytest.mark.parametrize("corner_id", CORNERS)
def test_tapping_a_tile_opens_its_corner_and_home_returns(
    qtbot, kiosk: KioskUi, corner_id: str
) -> None:
    """Each tile opens its corner page with its sections; the home button goes back."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    with qtbot.waitSignal(kiosk.exhibit.cornerOpened) as opened:
        tap(kiosk, find(kiosk, f"cornerTile_{corner_id}"))
    assert opened.args == [corner_id]
    qtbot.waitUntil(lambda: shown(kiosk, "cornerView"))
    assert kiosk.exhibit.property("currentCornerId") == corner_id
    title = find(kiosk, "cornerTitle").property("text")
    assert title == kiosk.exhibit.property("currentCornerTitle") and title
    assert [find(kiosk, f"sectionTab_{i}").property("visible") for i in range(3)] == [True] * 3

    with qtbot.waitSignal(kiosk.exhibit.wentHome):
        tap(kiosk, find(kiosk, "homeButton"))
    qtbot.waitUntil(lambda: not shown(kiosk, "cornerView"))
    assert kiosk.exhibit.property("currentCornerId") == ""


def test_language_switch_changes_the_texts(qtbot, kiosk: KioskUi) -> None:
    """English is one tap away, and back."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    tap(kiosk, find(kiosk, "languageButton_en"))
    assert kiosk.exhibit.property("language") == "en"
    assert find(kiosk, "hallSubtitle").property("text") == "More Just and Fair Gyeonggi"
    assert find(kiosk, "cornerTile_clean-valleys").property("title").startswith("Clean Valleys")
    tap(kiosk, find(kiosk, "languageButton_ko"))
    assert find(kiosk, "hallSubtitle").property("text") == "더 공정한 경기"


def test_home_shows_the_venue_qr_code(qtbot, kiosk: KioskUi) -> None:
    """The online venue is a QR code big enough to scan, with a label in the visitor's language."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    qr = find(kiosk, "venueQr")
    assert qr.property("paintedWidth") > 0  # the SVG rendered
    assert qr.width() >= 110
    assert kiosk.exhibit.property("venueUrl") == "https://www.regionsweek.kr"
    assert kiosk.exhibit.property("venueLabel") == "온라인 전시관 바로가기"
    kiosk.exhibit.set_language("en")
    assert kiosk.exhibit.property("venueLabel") == "Visit the online expo"


def test_only_one_corner_opens_at_a_time(kiosk: KioskUi) -> None:
    """Two fingers on two tiles open one corner, not two."""
    assert kiosk.exhibit.openCorner("clean-valleys") is True
    assert kiosk.exhibit.openCorner("public-delivery-app") is False
    assert kiosk.exhibit.property("currentCornerId") == "clean-valleys"
    assert kiosk.exhibit.openCorner("no-such-corner") is False


def test_tiles_are_at_least_the_touch_minimum(qtbot, kiosk: KioskUi) -> None:
    """Every control on the home screen is at least 64 px at 1080p."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    for name in (
        "languageButton_ko",
        "languageButton_en",
        *(f"cornerTile_{corner}" for corner in CORNERS),
    ):
        item = find(kiosk, name)
        assert item.width() >= 64 and item.height() >= 64, name


@pytest.mark.screenshots
@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1080, 1920)])
def test_screenshots_of_home_and_a_corner(
    qtbot, kiosk: KioskUi, artifacts: Path, width: int, height: int, language: str
) -> None:
    """Home and a corner render in both orientations and languages (saved for people)."""
    kiosk.exhibit.set_language(language)
    kiosk.window.resize(width, height)
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    settled(qtbot, kiosk)
    assert (kiosk.window.width(), kiosk.window.height()) == (width, height)
    save_screenshot(kiosk, artifacts / f"home-{language}-{width}x{height}.png")
    kiosk.exhibit.openCorner("clean-valleys")
    qtbot.waitUntil(lambda: shown(kiosk, "cornerView"))
    settled(qtbot, kiosk)  # past the transition
    save_screenshot(kiosk, artifacts / f"corner-{language}-{width}x{height}.png")


def test_transitions_never_hold_input(qtbot, kiosk: KioskUi) -> None:
    """A tap during the corner view's fade-in is answered: the visitor is home at once."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    tap(kiosk, find(kiosk, "cornerTile_public-delivery-app"))
    qtbot.waitUntil(lambda: shown(kiosk, "cornerView"))
    assert find(kiosk, "cornerView").opacity() < 1  # still fading in
    tap(kiosk, find(kiosk, "homeButton"))
    assert kiosk.exhibit.property("currentCornerId") == ""
