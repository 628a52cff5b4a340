"""The corner panel as a visitor uses it: video with captions, language, pages, gallery."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.bridge.video_frame_item import VideoFrameItem
from kiosk.composition import KioskUi
from tests.bridge.conftest import DemoShow
from tests.bridge.ui import (
    centre_of,
    descendants,
    find,
    find_item,
    scene_rect,
    settled,
    shown,
    swipe,
    tap,
)
from tests.clips import make_clip


def open_corner(qtbot, kiosk: KioskUi, corner_id: str) -> None:
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    tap(kiosk, find(kiosk, f"cornerTile_{corner_id}"))
    qtbot.waitUntil(lambda: shown(kiosk, "cornerView"))


def at(item: QQuickItem, fraction: float) -> QPointF:
    """A point across ``item`` at ``fraction`` of its width, half-way down."""
    return item.mapToScene(QPointF(item.width() * fraction, item.height() / 2))


def frames(kiosk: KioskUi) -> int:
    return int(find(kiosk, "videoFrame").property("framesShown"))


def test_a_visitor_walk(qtbot, kiosk: KioskUi, artifacts: Path) -> None:
    """Home → corner → play → captions → English mid-video → pages → gallery → back → next."""
    open_corner(qtbot, kiosk, "public-delivery-app")
    panel = find(kiosk, "videoPanel")
    assert find(kiosk, "videoPoster").property("visible")

    tap(kiosk, find(kiosk, "bigPlayButton"))
    qtbot.waitUntil(lambda: frames(kiosk) > 10, timeout=10_000)
    assert panel.property("playing")
    assert not find(kiosk, "videoPoster").property("visible")

    # Captions are on by default and follow the video in Korean.
    qtbot.waitUntil(lambda: find(kiosk, "captionText").property("text") != "", timeout=5_000)
    korean = find(kiosk, "captionText").property("text")
    kiosk.window.grabWindow().save(str(artifacts / "corner-playing-ko.png"))
    assert korean in {
        "디지털 플랫폼 독점 문제를 풀기 위해",
        "경기도는 공공 디지털 SOC의 기반을 세웠습니다",
    }

    # English mid-video: the same player goes on, the captions change language.
    before = panel.property("position")
    tap(kiosk, find(kiosk, "languageButton_en"))
    assert find(kiosk, "videoPanel") is panel
    after = panel.property("position")
    assert after >= before
    qtbot.waitUntil(lambda: find(kiosk, "captionText").property("text").isascii())
    assert find(kiosk, "cornerTitle").property("text") == "Gyeonggi Public Delivery App"
    kiosk.window.grabWindow().save(str(artifacts / "corner-playing-en.png"))

    # Captions off and on.
    tap(kiosk, find(kiosk, "captionsButton"))
    assert not find(kiosk, "captionBand").property("visible")
    tap(kiosk, find(kiosk, "captionsButton"))

    # Pause keeps the place.
    tap(kiosk, find(kiosk, "playPauseButton"))
    qtbot.waitUntil(lambda: not panel.property("playing"))

    # Pages: a tab jumps, a swipe turns.
    pages = find(kiosk, "sectionPages")
    tap(kiosk, find(kiosk, "sectionTab_2"))
    qtbot.waitUntil(lambda: pages.property("contentX") == 2 * pages.width())
    swipe(kiosk.window, at(pages, 0.15), at(pages, 0.85))
    qtbot.waitUntil(lambda: pages.property("currentIndex") == 1)

    # Gallery: tap a picture, swipe to the next, close.
    tap(kiosk, find(kiosk, "galleryThumb_0"))
    qtbot.waitUntil(lambda: find_item(kiosk, "imageViewer") is not None)
    settled(qtbot, kiosk)
    kiosk.window.grabWindow().save(str(artifacts / "gallery-viewer.png"))
    pictures = find(kiosk, "viewerPictures")
    swipe(kiosk.window, at(pictures, 0.85), at(pictures, 0.15))
    qtbot.waitUntil(lambda: pictures.property("currentIndex") == 1)
    tap(kiosk, find(kiosk, "viewerCloseButton"))
    qtbot.waitUntil(lambda: find_item(kiosk, "imageViewer") is None)

    # Back home, and into another corner, whose video starts from its poster.
    tap(kiosk, find(kiosk, "homeButton"))
    qtbot.waitUntil(lambda: not shown(kiosk, "cornerView"))
    open_corner(qtbot, kiosk, "clean-valleys")
    assert find(kiosk, "cornerTitle").property("text").startswith("Clean Valleys")
    assert frames(kiosk) == 0


def test_leaving_a_corner_stops_its_video(qtbot, kiosk: KioskUi) -> None:
    """Going home stops the player and lets go of the file: no frame arrives after."""
    open_corner(qtbot, kiosk, "northeast-relocation")
    tap(kiosk, find(kiosk, "bigPlayButton"))
    qtbot.waitUntil(lambda: frames(kiosk) > 3, timeout=10_000)
    panel = find(kiosk, "videoPanel")
    tap(kiosk, find(kiosk, "homeButton"))
    qtbot.waitUntil(lambda: not panel.property("playing"))
    assert panel.property("source").toString() == ""
    assert frames(kiosk) == 0
    # Real time: a player that was not stopped would deliver a frame within it.
    qtbot.wait(300)
    assert frames(kiosk) == 0


def test_expand_and_collapse(qtbot, kiosk: KioskUi) -> None:
    """Full screen is the whole screen: the bottom bar too; the video comes back to its
    place by its own button or the labelled way back."""
    open_corner(qtbot, kiosk, "clean-valleys")
    panel = find(kiosk, "videoPanel")
    small = (panel.width(), panel.height())
    tap(kiosk, find(kiosk, "expandButton"))
    assert scene_rect(panel) == scene_rect(kiosk.window.contentItem())
    assert not shown(kiosk, "bottomBar")
    tap(kiosk, find(kiosk, "expandButton"))
    assert (panel.width(), panel.height()) == small
    assert shown(kiosk, "bottomBar")
    tap(kiosk, find(kiosk, "expandButton"))
    tap(kiosk, find(kiosk, "leaveFullScreenButton"))
    assert (panel.width(), panel.height()) == small
    # Over the expanded video, home is still one tap away.
    tap(kiosk, find(kiosk, "expandButton"))
    assert shown(kiosk, "expandedHomeButton")
    tap(kiosk, find(kiosk, "expandedHomeButton"))
    qtbot.waitUntil(lambda: not shown(kiosk, "cornerView"))
    open_corner(qtbot, kiosk, "clean-valleys")
    assert (panel.width(), panel.height()) == small  # a corner opens as new


def caption_size(kiosk: KioskUi) -> int:
    return int(find(kiosk, "captionText").property("font").pixelSize())


def test_full_screen_controls_rest_and_a_touch_brings_them_back(qtbot, kiosk: KioskUi) -> None:
    """Playing full screen, the controls (and the way back above) step aside after a few
    seconds; a touch brings them back without pausing; captions are a step larger."""
    open_corner(qtbot, kiosk, "public-delivery-app")
    panel = find(kiosk, "videoPanel")
    in_place = caption_size(kiosk)
    tap(kiosk, find(kiosk, "expandButton"))
    assert caption_size(kiosk) > in_place
    panel.setProperty("controlsRestMs", 300)  # the few seconds, shortened
    tap(kiosk, find(kiosk, "bigPlayButton"))
    qtbot.waitUntil(lambda: panel.property("playing"), timeout=10_000)
    qtbot.waitUntil(lambda: not shown(kiosk, "videoControls"))
    assert not shown(kiosk, "leaveFullScreenButton")
    tap(kiosk, panel)  # the picture: the controls come back, the video plays on
    qtbot.waitUntil(lambda: shown(kiosk, "videoControls"))
    assert shown(kiosk, "leaveFullScreenButton")
    assert panel.property("playing")
    # Shown again, a tap on the picture pauses as before; paused, the controls stay.
    tap(kiosk, panel)
    qtbot.waitUntil(lambda: not panel.property("playing"))
    assert not panel.property("controlsResting") or shown(kiosk, "videoControls")


def test_a_finished_video_offers_to_play_again(
    qtbot, make_kiosk, demo_show: DemoShow, tmp_path: Path
) -> None:
    clip = make_clip(tmp_path / "short.mp4", seconds=0.6)
    first = demo_show.content.corners[0].video
    assert first is not None
    ui = make_kiosk(media={**demo_show.media, first.media.sha256: clip})
    open_corner(qtbot, ui, "public-delivery-app")
    play = find(ui, "bigPlayButton")
    assert play.property("icon") == "play"
    tap(ui, play)
    qtbot.waitUntil(lambda: find(ui, "videoPanel").property("ended"), timeout=10_000)
    assert play.isVisible() and play.property("icon") == "replay"
    assert find(ui, "playPauseButton").property("icon") == "replay"
    tap(ui, play)  # and it plays again, from the start
    qtbot.waitUntil(lambda: find(ui, "videoPanel").property("playing"), timeout=10_000)


def test_video_controls_are_touch_sized(qtbot, kiosk: KioskUi) -> None:
    """Every video control is at least 64 px at 1080p."""
    open_corner(qtbot, kiosk, "clean-valleys")
    for name in (
        "playPauseButton",
        "muteButton",
        "captionsButton",
        "expandButton",
        "scrubBar",
        "homeButton",
        "sectionTab_0",
        "galleryThumb_0",
    ):
        item = find(kiosk, name)
        assert item.height() >= 64, name
        assert item.width() >= 64, name


@pytest.mark.qt_log_ignore("Could not open media", "Could not open file")  # the point
@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_a_broken_video_shows_its_poster_and_a_notice(
    qtbot, make_kiosk, demo_show: DemoShow, tmp_path: Path, damage: str, caplog
) -> None:
    """A damaged or missing video file: the poster and a notice; the rest of the panel
    works; staff are told once which corner's video cannot play."""
    media = dict(demo_show.media)
    video = demo_show.content.corners[0].video
    assert video is not None
    broken = tmp_path / "broken.mp4"
    if damage == "corrupt":
        broken.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"garbage" * 1000)
    media[video.media.sha256] = broken
    ui = make_kiosk(media=media)
    open_corner(qtbot, ui, "public-delivery-app")
    qtbot.waitUntil(lambda: find(ui, "videoErrorNotice").property("visible"), timeout=5_000)
    assert find(ui, "videoPoster").property("visible")
    assert not find(ui, "bigPlayButton").property("visible")
    tap(ui, find(ui, "sectionTab_1"))
    qtbot.waitUntil(lambda: find(ui, "sectionPages").property("currentIndex") == 1)
    ui.exhibit.goHome()  # a second visitor, the same video
    open_corner(qtbot, ui, "public-delivery-app")
    qtbot.waitUntil(lambda: find(ui, "videoErrorNotice").property("visible"), timeout=5_000)
    told = [r for r in caplog.records if getattr(r, "notice", "") == "video_unplayable"]
    assert len(told) == 1
    assert told[0].subject["ko"] == demo_show.content.corners[0].title.get("ko")


def test_the_ui_words_follow_the_language(qtbot, kiosk: KioskUi) -> None:
    """Buttons' names and notices are translated with Qt's tools (Korean and English)."""
    open_corner(qtbot, kiosk, "clean-valleys")
    button = find(kiosk, "playPauseButton")
    assert button.property("accessibleName") == "영상 재생"
    tap(kiosk, find(kiosk, "languageButton_en"))
    qtbot.waitUntil(
        lambda: find(kiosk, "playPauseButton").property("accessibleName") == "Play video"
    )
    tap(kiosk, find(kiosk, "languageButton_ko"))
    qtbot.waitUntil(
        lambda: find(kiosk, "playPauseButton").property("accessibleName") == "영상 재생"
    )


def test_volume_and_mute(qtbot, kiosk: KioskUi) -> None:
    """Dragging the volume changes it; the speaker button mutes and unmutes."""
    open_corner(qtbot, kiosk, "clean-valleys")
    panel = find(kiosk, "videoPanel")
    slider = find(kiosk, "volumeSlider")
    swipe(kiosk.window, at(slider, 0.5), at(slider, 0.05), steps=10)
    qtbot.waitUntil(lambda: panel.property("volume") < 0.2)
    swipe(kiosk.window, at(slider, 0.1), at(slider, 0.95), steps=10)
    qtbot.waitUntil(lambda: panel.property("volume") > 0.8)
    tap(kiosk, find(kiosk, "muteButton"))
    assert panel.property("volume") == 0
    tap(kiosk, find(kiosk, "muteButton"))
    assert panel.property("volume") > 0.8


def test_video_pixels_move_while_playing(qtbot, kiosk: KioskUi) -> None:
    """Real decoding: the picture in the video's place changes from frame to frame."""
    open_corner(qtbot, kiosk, "public-delivery-app")
    panel = find(kiosk, "videoPanel")
    tap(kiosk, find(kiosk, "bigPlayButton"))
    qtbot.waitUntil(lambda: frames(kiosk) > 5, timeout=10_000)
    corner = panel.mapToScene(QPointF(0, 0)).toPoint()
    area = (corner.x() + 20, corner.y() + 20, int(panel.width()) - 40, int(panel.height()) - 120)
    first = kiosk.window.grabWindow().copy(*area)
    # Real time: the playing video moves on by several frames within it.
    qtbot.wait(700)
    second = kiosk.window.grabWindow().copy(*area)
    assert first != second
    colours = {
        first.pixel(x, y) for x in range(0, first.width(), 37) for y in range(0, first.height(), 29)
    }
    assert len(colours) > 20  # a picture, not a flat (black) fill


def test_a_tapped_video_plays_from_its_first_frame_at_the_size_it_is_shown(
    qtbot, kiosk: KioskUi
) -> None:
    """The tap is answered at once (the pause control), the clock starts at the first frame,
    and every frame comes converted to the size it takes on screen."""
    open_corner(qtbot, kiosk, "public-delivery-app")
    panel = find(kiosk, "videoPanel")
    tap(kiosk, find(kiosk, "bigPlayButton"))
    assert panel.property("playing") is True
    qtbot.waitUntil(lambda: frames(kiosk) > 10, timeout=10_000)
    item = find(kiosk, "videoFrame")
    assert isinstance(item, VideoFrameItem)
    image = item.latest_image()
    aspect = item.property("frameAspect")
    fitted_w = min(item.width(), item.height() * aspect)
    fitted_h = min(item.height(), item.width() / aspect)
    assert image.width() % 2 == 0
    assert abs(image.width() - fitted_w) <= 1.5 and abs(image.height() - fitted_h) <= 1


def test_a_video_that_decodes_to_nothing_shows_its_poster(
    qtbot, make_kiosk, demo_show: DemoShow, tmp_path: Path
) -> None:
    """AV1 plays without error and without frames here: after a few seconds, the notice."""
    clip = make_clip(
        tmp_path / "av1.mp4", codec="libsvtav1", width=320, height=180, seconds=4, rate=10
    )
    first = demo_show.content.corners[0].video
    assert first is not None
    ui = make_kiosk(media={**demo_show.media, first.media.sha256: clip})
    open_corner(qtbot, ui, "public-delivery-app")
    tap(ui, find(ui, "bigPlayButton"))
    qtbot.waitUntil(lambda: find(ui, "videoErrorNotice").property("visible"), timeout=8_000)
    assert find(ui, "videoPoster").property("visible")


def test_double_tap_zooms_a_picture(qtbot, kiosk: KioskUi) -> None:
    """In the enlarged view a double tap zooms in, and another zooms back out."""
    open_corner(qtbot, kiosk, "clean-valleys")
    tap(kiosk, find(kiosk, "galleryThumb_1"))
    qtbot.waitUntil(lambda: find_item(kiosk, "viewerImage_1") is not None)
    image = find(kiosk, "viewerImage_1")
    pictures = find(kiosk, "viewerPictures")
    # The viewer has turned to the picture: it sits where the viewer shows pictures.
    qtbot.waitUntil(
        lambda: abs(scene_rect(image).center().x() - scene_rect(pictures).center().x()) < 2
    )
    settled(qtbot, kiosk)
    point = centre_of(image).toPoint()
    QTest.mouseDClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    qtbot.waitUntil(lambda: image.scale() > 2)
    QTest.mouseDClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    qtbot.waitUntil(lambda: image.scale() == 1)


def test_the_enlarged_picture_says_which_of_how_many_it_is(qtbot, kiosk: KioskUi) -> None:
    open_corner(qtbot, kiosk, "clean-valleys")
    count = find(kiosk, "galleryStrip").property("count")
    assert count > 1
    tap(kiosk, find(kiosk, "galleryThumb_1"))
    qtbot.waitUntil(lambda: find_item(kiosk, "viewerCount") is not None)
    assert find(kiosk, "viewerCount").property("text") == f"2 / {count}"
    find(kiosk, "viewerNextButton").activated.emit()
    qtbot.waitUntil(lambda: find(kiosk, "viewerCount").property("text") == f"3 / {count}")


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high contrast"])
def test_the_chosen_language_reads_as_chosen_on_every_background(
    qtbot, kiosk: KioskUi, high_contrast: bool
) -> None:
    """On the page and over an enlarged picture, the chosen language stands out from its
    ground more than the others do: selected never looks unselected."""
    from kiosk.content.contrast import contrast_ratio

    kiosk.accessibility.setProperty("highContrast", high_contrast)
    theme = kiosk.engine.singletonInstance("theme", "Theme")

    def stands_out(root: QQuickItem, ground: str) -> bool:
        buttons = [
            item
            for item in descendants(root)
            if item.objectName().startswith("languageButton_") and item.isVisible()
        ]
        chosen = [b for b in buttons if b.property("selected")]
        others = [b for b in buttons if not b.property("selected")]
        assert len(chosen) == 1 and others

        def ratio(item: QQuickItem) -> float:
            # A translucent pill is seen as its colour over the ground.
            pill, under = item.property("color"), QColor(ground)
            alpha = pill.alphaF()
            seen = QColor.fromRgbF(
                *(
                    alpha * getattr(pill, part)() + (1 - alpha) * getattr(under, part)()
                    for part in ("redF", "greenF", "blueF")
                )
            )
            return contrast_ratio(seen.name(), ground)

        return all(ratio(chosen[0]) > ratio(other) for other in others)

    open_corner(qtbot, kiosk, "clean-valleys")
    assert stands_out(find(kiosk, "cornerView"), theme.property("background").name())
    tap(kiosk, find(kiosk, "galleryThumb_0"))
    qtbot.waitUntil(lambda: find_item(kiosk, "imageViewer") is not None)
    settled(qtbot, kiosk)
    assert stands_out(find(kiosk, "imageViewer"), theme.property("viewerBackground").name())
