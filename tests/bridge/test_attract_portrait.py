"""The attract loop on a portrait screen: an item's portrait version where the package
has one; otherwise a picture fills the screen and a video sits on its own blurred colours,
never on an empty ground."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.composition import KioskUi
from kiosk.content.package import AttractContent, MediaItem
from tests.bridge.conftest import DemoShow
from tests.bridge.ui import descendants, find, save_screenshot
from tests.clips import make_clip

PORTRAIT, LANDSCAPE = (1080, 1920), (1920, 1080)


def showing(ui: KioskUi) -> QQuickItem | None:
    """The attract slot on top with its picture in, if any."""
    top = max((find(ui, "attractSlotA"), find(ui, "attractSlotB")), key=lambda slot: slot.z())
    return top if top.z() == 2 and top.property("hasPicture") else None


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_a_picture_shows_its_portrait_version_on_a_portrait_screen(
    qtbot, make_kiosk, demo_show: DemoShow, size
) -> None:
    item = next(item for item in demo_show.content.attract if item.portrait is not None)
    content = dataclasses.replace(demo_show.content, attract=(item,))
    ui = make_kiosk(content=content, size=size, visitor=False)
    qtbot.waitUntil(lambda: showing(ui) is not None, timeout=5_000)
    slot = showing(ui)
    assert slot is not None
    chosen = item.portrait if size == PORTRAIT else item.media
    assert chosen is not None
    assert slot.property("itemUrl").toLocalFile() == str(demo_show.media[chosen.sha256])


def backdrops(ui: KioskUi) -> list[QQuickItem]:
    """Both attract slots' backdrops."""
    return [
        item
        for item in descendants(ui.window.contentItem())
        if item.objectName() == "attractBackdrop"
    ]


def colours_in(ui: KioskUi, top: float, bottom: float) -> int:
    """How many colours a grid finds in a horizontal band of the window (fractions)."""
    image = ui.window.grabWindow()
    first, last = int(image.height() * top), int(image.height() * bottom)
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 11) for y in range(first, last, 9)}
    )


def letterboxed_clip(tmp_path: Path, demo_show: DemoShow) -> tuple[AttractContent, dict]:
    clip = make_clip(tmp_path / "wide.mp4", seconds=3.0)
    video = MediaItem(
        "2" * 64, "video", "video/mp4", clip.stat().st_size, "wide.mp4", 640, 360, 3000, None
    )
    return AttractContent(video, None), {**demo_show.media, video.sha256: clip}


def test_a_wide_video_on_a_portrait_screen_sits_on_its_own_colours(
    qtbot, make_kiosk, demo_show: DemoShow, tmp_path: Path, artifacts: Path
) -> None:
    """Above and below a 16:9 video on a 9:16 screen: the video's colours, blurred, not
    a flat ground (which a grid would find as one or two colours)."""
    item, media = letterboxed_clip(tmp_path, demo_show)
    content = dataclasses.replace(demo_show.content, attract=(item,))
    ui = make_kiosk(content=content, media=media, size=PORTRAIT, visitor=False)
    qtbot.waitUntil(
        lambda: any(b.isVisible() and b.property("hasSample") for b in backdrops(ui)),
        timeout=5_000,
    )
    qtbot.wait(200)  # a frame drawn with it
    save_screenshot(ui, artifacts / "attract-letterboxed-1080x1920.png")
    assert colours_in(ui, 0.05, 0.3) > 20  # above the video
    assert colours_in(ui, 0.7, 0.8) > 20  # below it, above the call to touch


def test_a_video_that_fills_the_screen_has_no_backdrop(
    qtbot, make_kiosk, demo_show: DemoShow, tmp_path: Path
) -> None:
    item, media = letterboxed_clip(tmp_path, demo_show)
    content = dataclasses.replace(demo_show.content, attract=(item,))
    ui = make_kiosk(content=content, media=media, size=LANDSCAPE, visitor=False)
    qtbot.waitUntil(lambda: showing(ui) is not None, timeout=5_000)
    qtbot.wait(200)  # frames in
    assert not any(backdrop.isVisible() for backdrop in backdrops(ui))
