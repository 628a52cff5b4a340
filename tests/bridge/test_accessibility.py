"""Accessibility over the real QML item tree: touch targets, the reach band, contrast, large
text, the keypad, the voice, and the extra time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.bridge.visitor_session import VisitorSession
from kiosk.composition import KioskUi
from kiosk.config import AccessibilityConfig, KioskConfig
from kiosk.content.contrast import contrast_ratio
from tests.bridge.ui import descendants, find, save_screenshot, scene_rect, settled, shown, tap
from tests.conftest import ARTIFACTS

CORNERS = ("public-delivery-app", "northeast-relocation", "clean-valleys")
MODES = ("standard", "lowPosition", "highContrast", "largeText")
MINIMUM_TARGET = 64
MINIMUM_GAP = 8


# -- looking at the item tree


def on_screen_rect(item: QQuickItem) -> QRectF:
    """The part of ``item`` that can be seen (and touched): cut by every clipping ancestor."""
    rect = scene_rect(item)
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            rect = rect.intersected(scene_rect(parent))
        parent = parent.parentItem()
    return rect


def items(ui: KioskUi) -> Iterator[QQuickItem]:
    return descendants(ui.window.contentItem())


def interactive_items(ui: KioskUi) -> list[QQuickItem]:
    """Everything a visitor can press or drag now: visible, enabled, reachable by Tab (every
    control of the kiosk is), not entirely scrolled or clipped away."""
    found = []
    for item in items(ui):
        if not (item.isVisible() and item.isEnabled() and item.activeFocusOnTab()):
            continue
        if item.objectName() in ("pageScroller",):
            continue
        if on_screen_rect(item).isEmpty():
            continue
        found.append(item)
    return found


def label(item: QQuickItem) -> str:
    return item.objectName() or type(item).__name__


def switch_on(qtbot, ui: KioskUi, mode: str) -> None:
    if mode != "standard":
        ui.accessibility.setProperty(mode, True)
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True or shown(ui, "cornerView"))
    settled(qtbot, ui)  # reflowed, pictures in


def open_corner(qtbot, ui: KioskUi, corner_id: str) -> None:
    ui.exhibit.goHome()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    ui.exhibit.openCorner(corner_id)
    qtbot.waitUntil(lambda: shown(ui, "cornerView"))
    settled(qtbot, ui)


def screens(qtbot, ui: KioskUi) -> Iterator[str]:
    """Home, each corner, a picture enlarged, the video full screen, and the accessibility
    panel open over a corner, in turn."""
    yield "home"
    for corner in CORNERS:
        open_corner(qtbot, ui, corner)
        yield corner
    find(ui, "galleryStrip").opened.emit(1)
    qtbot.waitUntil(lambda: shown(ui, "imageViewer"))
    settled(qtbot, ui)
    yield "picture"
    find(ui, "viewerCloseButton").activated.emit()
    qtbot.waitUntil(lambda: not shown(ui, "imageViewer"))
    find(ui, "expandButton").activated.emit()
    qtbot.waitUntil(lambda: find(ui, "cornerView").property("videoExpanded") is True)
    settled(qtbot, ui)
    yield "full-screen video"
    find(ui, "expandButton").activated.emit()
    ui.accessibility.set_panel_open(True)
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    settled(qtbot, ui)  # the panel's rows laid out
    yield "panel"
    ui.accessibility.set_panel_open(False)
    ui.exhibit.goHome()


# -- touch targets and the reach band


@pytest.mark.parametrize("mode", MODES)
def test_every_control_is_large_and_apart(qtbot, make_kiosk, mode: str) -> None:
    """Every control is at least 64 px both ways, with at least 8 px to the next one, on
    every screen in every mode."""
    ui = make_kiosk()
    switch_on(qtbot, ui, mode)
    for screen in screens(qtbot, ui):
        controls = interactive_items(ui)
        assert len(controls) >= 4, screen
        for item in controls:
            assert item.width() >= MINIMUM_TARGET and item.height() >= MINIMUM_TARGET, (
                screen,
                label(item),
                item.width(),
                item.height(),
            )
        for a, b in itertools.combinations(controls, 2):
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            grown = on_screen_rect(a).adjusted(
                -MINIMUM_GAP + 0.5, -MINIMUM_GAP + 0.5, MINIMUM_GAP - 0.5, MINIMUM_GAP - 0.5
            )
            assert not grown.intersects(on_screen_rect(b)), (screen, label(a), label(b))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_low_position_keeps_every_control_in_the_reach_band(qtbot, make_kiosk, size) -> None:
    """In low-position mode nothing a visitor can touch lies above the configured band."""
    config = KioskConfig(
        accessibility=AccessibilityConfig(screen_bottom_cm=70, screen_height_cm=100)
    )
    ui = make_kiosk(config, size)
    band = ui.accessibility.property("reachBand")
    assert band == pytest.approx(0.5)  # (120 - 70) / 100
    switch_on(qtbot, ui, "lowPosition")
    top = size[1] * (1 - band)
    for screen in screens(qtbot, ui):
        for item in interactive_items(ui):
            rect = on_screen_rect(item)
            assert rect.top() >= top - 0.5, (screen, label(item), rect.top(), top)
        assert texts_that_do_not_fit(ui) == [], screen
        if screen == "home":
            for corner in CORNERS:
                assert find(ui, f"cornerTile_{corner}").property("textFits"), corner


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_low_position_shows_every_control_without_a_scroll(
    qtbot, make_kiosk, size, language
) -> None:
    """The band holds everything a visitor touches at once, the video's controls included:
    nothing under the bottom bar, nothing cut at the band's edge, nothing to scroll to; the
    page's text reads above the band."""
    ui = make_kiosk(size=size)
    ui.exhibit.set_language(language)
    switch_on(qtbot, ui, "lowPosition")
    stage = scene_rect(find(ui, "stage"))
    for screen in ("home", *CORNERS):
        if screen != "home":
            open_corner(qtbot, ui, screen)
        assert not find(ui, "pageScroller").property("interactive"), screen
        controls = interactive_items(ui)
        names = {label(item) for item in controls}
        if screen != "home":
            assert {"playPauseButton", "scrubBar", "muteButton", "expandButton"} <= names
            assert {"homeButton", "sectionTab_0", "galleryThumb_0"} <= names, names
        for item in controls:
            whole, seen = scene_rect(item), on_screen_rect(item)
            cut = (whole.width() - seen.width(), whole.height() - seen.height())
            assert max(cut) < 1.5, (screen, label(item), "cut by", cut)  # rounding aside
            assert stage.contains(whole), (screen, label(item))
        assert texts_that_do_not_fit(ui) == [], screen
        if screen != "home":
            reading = scene_rect(find(ui, "bannerReading"))
            assert reading.bottom() <= stage.top() and reading.height() > 0, screen


def first_picture_in_low_position(qtbot, make_kiosk, size) -> tuple[KioskUi, QQuickItem]:
    """A kiosk of ``size`` in low position with a corner's first picture enlarged, and the
    picture in the band, once both copies are drawn."""
    ui = make_kiosk(size=size)
    switch_on(qtbot, ui, "lowPosition")
    open_corner(qtbot, ui, CORNERS[2])
    find(ui, "galleryStrip").opened.emit(0)
    qtbot.waitUntil(lambda: shown(ui, "imageViewer"))
    in_band = find(ui, "viewerImage_0")
    banner = find(ui, "bannerPicture")
    qtbot.waitUntil(
        lambda: in_band.property("paintedWidth") > 0 and banner.property("paintedWidth") > 0
    )
    settled(qtbot, ui)
    return ui, in_band


def test_low_position_shows_an_enlarged_picture_large_above_the_band(qtbot, make_kiosk) -> None:
    """On a wide screen the band can show an enlarged picture only small: it shows large
    above the band too, where it can be seen; its controls stay in the band and it follows
    them."""
    ui, in_band = first_picture_in_low_position(qtbot, make_kiosk, (1920, 1080))
    banner = find(ui, "bannerPicture")
    assert banner.isVisible()
    assert scene_rect(banner).bottom() <= scene_rect(find(ui, "stage")).top() + 1
    assert banner.property("source") == in_band.property("source")
    assert banner.property("paintedWidth") > 1.3 * in_band.property("paintedWidth")
    find(ui, "viewerNextButton").activated.emit()
    qtbot.waitUntil(
        lambda: banner.property("source") == find(ui, "viewerImage_1").property("source")
    )
    find(ui, "viewerCloseButton").activated.emit()
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert shown(ui, "cornerView")


def test_low_position_on_a_tall_screen_shows_an_enlarged_picture_once(qtbot, make_kiosk) -> None:
    """On a tall screen the band's own copy is large: the corner's words stay above it."""
    ui, in_band = first_picture_in_low_position(qtbot, make_kiosk, (1080, 1920))
    assert in_band.property("paintedWidth") >= 0.6 * ui.window.width()
    assert not find(ui, "bannerPicture").isVisible()


@pytest.mark.parametrize("large_text", [False, True])
def test_the_idle_warning_fits_in_the_band(qtbot, make_kiosk, large_text: bool) -> None:
    """The "still there?" card and its button stay in the band, with large text too."""
    now = [0.0]
    ui = make_kiosk(clock=lambda: now[0])
    switch_on(qtbot, ui, "lowPosition")
    if large_text:
        ui.accessibility.setProperty("largeText", True)
    now[0] += 1000
    ui.session.tick()
    qtbot.waitUntil(lambda: shown(ui, "idleWarning"))
    settled(qtbot, ui)
    top = 1080 * (1 - ui.accessibility.property("reachBand"))
    button = find(ui, "continueButton")
    assert on_screen_rect(button).top() >= top
    assert scene_rect(button).bottom() <= 1080
    assert texts_that_do_not_fit(ui) == []
    ui.window.grabWindow().save(str(ARTIFACTS / f"a11y-lowPosition-warning-{large_text}.png"))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_low_position_with_large_text_in_english_cuts_no_text(qtbot, make_kiosk, size) -> None:
    """Both modes at once, in the longer language: every text whole, on every screen."""
    ui = make_kiosk(size=size)
    ui.exhibit.set_language("en")
    switch_on(qtbot, ui, "lowPosition")
    ui.accessibility.setProperty("largeText", True)
    for screen in screens(qtbot, ui):
        settled(qtbot, ui)
        assert texts_that_do_not_fit(ui) == [], screen
        if screen == "home":  # tiles wide enough to keep words whole
            for corner in CORNERS:
                assert find(ui, f"cornerTile_{corner}").width() >= 480, corner


def test_the_band_defaults_to_the_lower_45_percent(qtbot, make_kiosk) -> None:
    ui = make_kiosk()
    assert ui.accessibility.property("reachBand") == pytest.approx(0.45)
    switch_on(qtbot, ui, "lowPosition")
    stage = find(ui, "stage")
    assert scene_rect(stage).top() == pytest.approx(1080 * 0.55, abs=1)


# -- colours


def theme_colours(ui: KioskUi) -> dict[str, str]:
    theme = ui.engine.singletonInstance("theme", "Theme")
    assert isinstance(theme, QObject)
    names = (
        "background",
        "surface",
        "text",
        "mutedText",
        "accent",
        "accentInk",
        "onCorner",
        "focus",
    )
    return {name: theme.property(name).name() for name in names}


@pytest.mark.parametrize(("mode", "text_ratio"), [("standard", 4.5), ("highContrast", 7.0)])
def test_every_colour_pair_has_enough_contrast(qtbot, make_kiosk, mode, text_ratio) -> None:
    """Text against every ground it sits on: 4.5:1 normally, 7:1 in high contrast; focus
    rings 3:1 against both grounds."""
    ui = make_kiosk()
    switch_on(qtbot, ui, mode)
    colours = theme_colours(ui)
    pairs = [
        ("text", "background"),
        ("text", "surface"),
        ("mutedText", "background"),
        ("mutedText", "surface"),
        ("accent", "background"),
        ("accentInk", "accent"),
    ]
    for ink, ground in pairs:
        ratio = contrast_ratio(colours[ink], colours[ground])
        assert ratio >= text_ratio, (ink, ground, ratio)
    for ground in ("background", "surface"):
        assert contrast_ratio(colours["focus"], colours[ground]) >= 3.0
    corners = ui.exhibit.property("corners")
    role = corners.Roles.COLOUR
    for row in range(corners.rowCount()):
        colour = corners.data(corners.index(row), role)
        assert contrast_ratio(colours["onCorner"], colour) >= text_ratio, colour
        assert contrast_ratio(colour, colours["background"]) >= text_ratio, colour
    if mode == "highContrast":
        assert colours["background"] == "#000000"


# -- large text


def texts_that_do_not_fit(ui: KioskUi) -> list[str]:
    """Visible texts that are cut short, or run past the window with nothing to scroll."""
    width, height = ui.window.width(), ui.window.height()
    window = QRectF(0, 0, width, height)
    problems = []
    for item in items(ui):
        if not (item.inherits("QQuickText") and item.isVisible() and item.property("text")):
            continue
        text = str(item.property("text"))[:30]
        if item.property("truncated"):
            problems.append(f"truncated: {text}")
        if item.property("contentWidth") > item.width() + 1:
            problems.append(f"wider than its box: {text}")
        scrolls = False
        parent = item.parentItem()
        while parent is not None:
            scrolls = scrolls or parent.inherits("QQuickFlickable")
            parent = parent.parentItem()
        if not scrolls and not window.contains(scene_rect(item).adjusted(1, 1, -1, -1)):
            problems.append(f"off screen: {text}")
    return problems


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("language", ["ko", "en"])
def test_large_text_doubles_and_nothing_is_cut(qtbot, make_kiosk, size, language) -> None:
    """Reading text at 200 %; no text is cut or runs off screen on any screen."""
    ui = make_kiosk(size=size)
    theme = ui.engine.singletonInstance("theme", "Theme")
    body = theme.property("bodySize")
    switch_on(qtbot, ui, "largeText")
    assert theme.property("bodySize") == 2 * body
    ui.exhibit.set_language(language)
    for screen in screens(qtbot, ui):
        settled(qtbot, ui)
        assert texts_that_do_not_fit(ui) == [], screen
        if screen == "home":
            for corner in CORNERS:
                assert find(ui, f"cornerTile_{corner}").property("textFits"), corner


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("mode", ["standard", "lowPosition", "largeText"])
def test_the_content_notice_covers_nothing(qtbot, make_kiosk, tmp_path, size, mode) -> None:
    """The notice about new content sits in the bottom bar, within reach: over no text and
    no control, at home and in a corner, in Korean and English."""
    drop = tmp_path / "drop"
    drop.mkdir()
    ui = make_kiosk(KioskConfig(drop_folders=[drop]), size=size, installs=True)
    switch_on(qtbot, ui, mode)
    bar_height = find(ui, "bottomBar").height()
    (drop / "broken.kpkg").write_bytes(b"not a package\n" * 100)
    ui.watcher.scan()
    failed = ui.watcher.Notice.Failed.value
    qtbot.waitUntil(lambda: ui.watcher.property("notice") == failed, timeout=20_000)
    notice = find(ui, "contentNotice")
    if size[0] > size[1]:  # one line fits beside the button: nothing on the page moves
        settled(qtbot, ui)
        assert find(ui, "bottomBar").height() == bar_height
    own = set(descendants(notice))
    for language, screen in itertools.product(("ko", "en"), ("home", CORNERS[1])):
        ui.exhibit.set_language(language)
        if screen == "home":
            ui.exhibit.goHome()
            qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
        else:
            open_corner(qtbot, ui, screen)
        settled(qtbot, ui)
        assert notice.isVisible(), (language, screen)
        area = scene_rect(notice)
        assert scene_rect(find(ui, "stage")).contains(area), (language, screen)
        under = [
            label(item) + ": " + str(item.property("text") or "")[:20]
            for item in items(ui)
            if item not in own
            and item.isVisible()
            and (item in interactive_items(ui) or item.inherits("QQuickText"))
            and item.property("text") != ""
            and on_screen_rect(item).intersects(area)
        ]
        assert under == [], (language, screen)


# -- screenshots


@pytest.mark.screenshots
@pytest.mark.parametrize("mode", ["lowPosition", "highContrast", "largeText"])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_mode_screenshots(qtbot, make_kiosk, artifacts: Path, mode: str, size) -> None:
    """Home and a corner in each mode, saved for people to look at."""
    ui = make_kiosk(size=size)
    switch_on(qtbot, ui, mode)
    shape = f"{size[0]}x{size[1]}"
    save_screenshot(ui, artifacts / f"a11y-{mode}-home-{shape}.png")
    open_corner(qtbot, ui, "public-delivery-app")
    save_screenshot(ui, artifacts / f"a11y-{mode}-corner-{shape}.png")
    ui.accessibility.set_panel_open(True)
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / f"a11y-{mode}-panel-{shape}.png")


# -- modes and time


def test_modes_double_the_time_and_end_with_the_session(qtbot, make_kiosk) -> None:
    """Any mode doubles the idle time and the warning; the session's end resets them."""
    ui = make_kiosk()
    session = ui.session
    normal_idle, normal_warning = (
        session.property("idleSeconds"),
        session.property("warningSeconds"),
    )
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    tap(ui, find(ui, "accessibilityButton"))
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    tap(ui, find(ui, "mode_largeText"))
    assert ui.accessibility.property("largeText")
    assert session.property("idleSeconds") == 2 * normal_idle
    assert session.property("warningSeconds") == 2 * normal_warning >= 40
    session.startAttract()
    assert not ui.accessibility.property("anyOn")
    assert session.property("idleSeconds") == normal_idle
    assert not shown(ui, "accessibilityPanel")


def test_high_contrast_changes_the_colours_on_screen(qtbot, make_kiosk) -> None:
    ui = make_kiosk()
    switch_on(qtbot, ui, "standard")
    before = ui.window.grabWindow().pixelColor(5, 5).name()
    ui.accessibility.setProperty("highContrast", True)
    settled(qtbot, ui)
    assert ui.window.grabWindow().pixelColor(5, 5).name() == "#000000" != before


# -- the keypad


def focused(ui: KioskUi) -> QQuickItem:
    item = ui.window.activeFocusItem()
    assert item is not None
    return item


def press(ui: KioskUi, key: Qt.Key) -> None:
    QTest.keyClick(ui.window, key)


def move_focus_to(qtbot, ui: KioskUi, name: str, key: Qt.Key = Qt.Key.Key_Down) -> None:
    """Press ``key`` until ``name`` has the focus; each item focused on the way is on screen."""
    window = QRectF(0, 0, ui.window.width(), ui.window.height())
    for _ in range(60):
        press(ui, key)
        item = focused(ui)
        rect = on_screen_rect(item)
        assert item.isVisible() and not rect.isEmpty() and window.contains(rect), label(item)
        if item.objectName() == name:
            return
    raise AssertionError(f"the keypad never reached {name}")


def test_a_keypad_alone_reaches_everything(qtbot, make_kiosk) -> None:
    """With arrows, Enter and Escape only: every corner, a video played, captions off,
    English, and back home; the focus always visible."""
    ui = make_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    for corner in CORNERS:
        move_focus_to(qtbot, ui, f"cornerTile_{corner}")
        press(ui, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shown(ui, "cornerView"))
        assert ui.exhibit.property("currentCornerId") == corner
        move_focus_to(qtbot, ui, "playPauseButton")
        press(ui, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: find(ui, "videoPanel").property("playing") is True)
        move_focus_to(qtbot, ui, "captionsButton")
        press(ui, Qt.Key.Key_Return)
        assert find(ui, "videoPanel").property("captionsOn") is False
        move_focus_to(qtbot, ui, "languageButton_en", Qt.Key.Key_Up)
        press(ui, Qt.Key.Key_Return)
        assert ui.exhibit.property("language") == "en"
        press(ui, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not shown(ui, "cornerView"))
        ui.exhibit.set_language("ko")
    # Tab walks the same way, and the accessibility panel opens and closes by key too.
    move_focus_to(qtbot, ui, "accessibilityButton", Qt.Key.Key_Tab)
    press(ui, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    move_focus_to(qtbot, ui, "mode_highContrast")
    press(ui, Qt.Key.Key_Space)
    assert ui.accessibility.property("highContrast")
    press(ui, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown(ui, "accessibilityPanel"))


def test_the_focus_ring_shows_for_keys_not_for_touch(qtbot, make_kiosk) -> None:
    ui = make_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    move_focus_to(qtbot, ui, f"cornerTile_{CORNERS[0]}")
    tile = focused(ui)
    rings = [child for child in tile.childItems() if child.property("cornerRadius") is not None]
    assert rings and rings[0].isVisible()
    tap(ui, find(ui, "languageButton_en"))
    assert not rings[0].isVisible()


# -- the voice


def test_focus_moves_and_screens_are_announced(qtbot, make_kiosk) -> None:
    """What the keypad lands on, and each new screen, is said (to a screen reader, and
    aloud when voice guidance is on and there is a voice)."""
    ui = make_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    said: list[str] = []
    ui.accessibility.announced.connect(said.append)
    move_focus_to(qtbot, ui, f"cornerTile_{CORNERS[0]}")
    assert said[-1].startswith("경기도 공공배달앱")
    press(ui, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(ui, "cornerView"))
    assert any(text.startswith("경기도 공공배달앱. 플랫폼") for text in said)


def test_voice_guidance_speaks_with_an_engine(qtbot, make_kiosk) -> None:
    """With an engine (Qt's test engine stands in for a real voice here), voice guidance
    reads announcements aloud at the chosen rate; without one the option is not offered."""
    silent = make_kiosk()
    assert silent.accessibility.property("speechAvailable") is False
    silent.accessibility.set_panel_open(True)
    qtbot.waitUntil(lambda: shown(silent, "accessibilityPanel"))
    assert not shown(silent, "mode_voiceGuidance")

    ui = make_kiosk(KioskConfig(accessibility=AccessibilityConfig(speech_engine="mock")))
    access = ui.accessibility
    assert access.property("speechAvailable") is True
    speech = access.speech
    assert speech is not None
    access.announce("경기도관")  # voice guidance off: nothing said aloud
    assert speech.state() == speech.State.Ready
    access.setProperty("voiceGuidance", True)
    access.set_speech_rate(0.5)
    assert speech.rate() == pytest.approx(0.5)
    with qtbot.waitSignal(speech.stateChanged, timeout=5000):
        access.announce("경기도관")
    assert speech.state() == speech.State.Speaking
    ui.accessibility.set_panel_open(True)
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    assert shown(ui, "mode_voiceGuidance")


# -- narration


def test_a_page_is_read_aloud_and_stops(qtbot, make_kiosk) -> None:
    """A page with a recorded narration shows Listen at its foot; it plays, stops on a
    second tap, and stops when the visitor turns the page or plays the video."""
    ui = make_kiosk()
    open_corner(qtbot, ui, "public-delivery-app")
    button = find(ui, "pageNarrationButton")
    assert button.isVisible()
    player = ui.window.findChild(QObject, "narrationPlayer")
    tap(ui, button)
    qtbot.waitUntil(lambda: player.property("position") > 300, timeout=10_000)
    assert button.property("selected")
    # The reading of this page in the language on screen.
    sections = ui.exhibit.property("sections")
    expected = sections.data(sections.index(0), sections.Roles.NARRATION_URL)
    assert player.property("source") == expected and expected.toString().endswith(".m4a")
    tap(ui, button)
    qtbot.waitUntil(lambda: not button.property("selected"))
    assert player.property("source").isEmpty()
    # Turning the page stops it too.
    tap(ui, button)
    qtbot.waitUntil(lambda: button.property("selected"))
    tap(ui, find(ui, "sectionTab_1"))
    qtbot.waitUntil(lambda: player.property("source").isEmpty())
    # The next page has no recording: no button.
    qtbot.waitUntil(lambda: not button.isVisible())


def test_a_flowing_page_offers_its_reading_above_its_text(qtbot, make_kiosk) -> None:
    ui = make_kiosk()
    switch_on(qtbot, ui, "largeText")
    open_corner(qtbot, ui, "public-delivery-app")
    assert not shown(ui, "pageNarrationButton")
    button = find(ui, "narrationButton_0")
    assert button.isVisible() and not find(ui, "narrationButton_1").isVisible()
    assert scene_rect(button).bottom() < scene_rect(find(ui, "sectionBody_0")).top()


def test_the_panel_says_what_its_volume_is_of(qtbot, make_kiosk) -> None:
    ui = make_kiosk()
    ui.accessibility.set_panel_open(True)
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    assert find(ui, "guideVolumeText").property("text") == "음성 안내 음량 80%"


def test_the_mouse_wheel_does_not_scroll_the_page_behind_the_idle_warning(
    qtbot, make_kiosk
) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QGuiApplication, QWheelEvent

    now = [0.0]
    ui = make_kiosk(clock=lambda: now[0])
    switch_on(qtbot, ui, "largeText")  # the home page is taller than the screen now
    scroller = find(ui, "pageScroller")
    assert scroller.property("interactive")
    now[0] += 1000
    ui.session.tick()
    qtbot.waitUntil(lambda: shown(ui, "idleWarning"))
    where = QPointF(ui.window.width() / 2, ui.window.height() / 2)
    wheel = QWheelEvent(
        where,
        where,
        QPoint(0, 0),
        QPoint(0, -360),  # four notches down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QGuiApplication.sendEvent(ui.window, wheel)
    settled(qtbot, ui)
    # A page that took the wheel would be moving now, and scrolled when it stops.
    assert not scroller.property("moving")
    qtbot.waitUntil(lambda: not scroller.property("moving"))
    assert scroller.property("contentY") == 0


# -- binding loops


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_modes_switch_on_and_off_on_every_screen_without_a_binding_loop(
    qtbot, make_kiosk, size
) -> None:
    """Low position and large text, on and off, alone and together, at home, in a corner,
    over a picture and over the full-screen video. A binding loop is a Qt warning, and
    every Qt warning fails the test (tests/qt_warnings.py): this test's only assertion is
    that none is heard."""
    ui = make_kiosk(size=size)
    for screen in ("home", "corner", "picture", "video"):
        if screen == "home":
            ui.exhibit.goHome()
        elif screen == "corner":
            open_corner(qtbot, ui, CORNERS[0])
        elif screen == "picture":
            tap(ui, find(ui, "galleryThumb_0"))
            qtbot.waitUntil(lambda: find(ui, "cornerView").property("overlayOpen") is True)
        else:
            find(ui, "cornerView").closeOverlay()
            find(ui, "expandButton").activated.emit()
        for modes in (["lowPosition"], ["largeText"], ["lowPosition", "largeText"]):
            for on in (True, False):
                for mode in modes:
                    ui.accessibility.setProperty(mode, on)
                settled(qtbot, ui)


def focus_order(qtbot, ui: KioskUi, names: list[str]) -> list[str]:
    """The order in which the keypad (Down) first reaches each of ``names``."""
    reached: list[str] = []
    for _ in range(80):
        press(ui, Qt.Key.Key_Down)
        name = focused(ui).objectName()
        if name in names and name not in reached:
            reached.append(name)
        if len(reached) == len(names):
            break
    return reached


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        # Landscape: the top bar, the left column (video, pictures), the right (pages).
        ((1920, 1080), ["homeButton", "playPauseButton", "galleryThumb_0", "sectionTab_0"]),
        # Portrait, top to bottom: the video, the pages, the pictures at the foot.
        ((1080, 1920), ["homeButton", "playPauseButton", "sectionTab_0", "galleryThumb_0"]),
    ],
    ids=["landscape", "portrait"],
)
def test_the_keypad_follows_the_reading_order(qtbot, make_kiosk, size, expected) -> None:
    ui = make_kiosk(size=size)
    open_corner(qtbot, ui, CORNERS[0])
    content = find(ui, "content")
    content.forceActiveFocus()
    assert focus_order(qtbot, ui, expected) == expected


def test_a_focused_slider_takes_left_and_right(qtbot, make_kiosk) -> None:
    """The scrub bar and the volume move by key; up and down still move the focus on."""
    ui = make_kiosk()
    open_corner(qtbot, ui, CORNERS[0])
    panel = find(ui, "videoPanel")
    move_focus_to(qtbot, ui, "volumeSlider")
    before = panel.property("visitorVolume")
    press(ui, Qt.Key.Key_Left)
    assert focused(ui).objectName() == "volumeSlider"
    assert panel.property("visitorVolume") < before
    press(ui, Qt.Key.Key_Right)
    assert panel.property("visitorVolume") == pytest.approx(before)
    move_focus_to(qtbot, ui, "playPauseButton", Qt.Key.Key_Up)
    press(ui, Qt.Key.Key_Return)  # play, then pause: the position holds still
    qtbot.waitUntil(lambda: panel.property("position") > 0, timeout=10_000)
    press(ui, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.property("playing"))
    move_focus_to(qtbot, ui, "scrubBar")
    before = panel.property("position")
    press(ui, Qt.Key.Key_Right)
    assert focused(ui).objectName() == "scrubBar"
    qtbot.waitUntil(lambda: panel.property("position") >= before + 900)
    press(ui, Qt.Key.Key_Down)
    assert focused(ui).objectName() != "scrubBar"


# -- volumes and the repeat key


def test_every_volume_returns_to_the_default_at_the_sessions_end(qtbot, make_kiosk) -> None:
    """The voice, and a corner's video: no higher than the configured maximum, and back to
    the default (not muted) for the next visitor."""
    config = KioskConfig(accessibility=AccessibilityConfig(default_volume=0.6, max_volume=0.9))
    ui = make_kiosk(config)
    access = ui.accessibility
    assert access.property("guideVolume") == pytest.approx(0.6)
    for _ in range(6):  # as the panel's "+" does
        access.setProperty("guideVolume", access.property("guideVolume") + 0.1)
    assert access.property("guideVolume") == pytest.approx(0.9)  # the cap
    open_corner(qtbot, ui, CORNERS[0])
    panel = find(ui, "videoPanel")
    assert panel.property("visitorVolume") == pytest.approx(0.6)
    assert find(ui, "volumeSlider").property("to") == pytest.approx(0.9)
    panel.setProperty("visitorVolume", 0.2)
    tap(ui, find(ui, "muteButton"))
    assert panel.property("volume") == 0
    ui.session.startAttract()  # the visitor has gone
    assert access.property("guideVolume") == pytest.approx(0.6)
    assert panel.property("visitorVolume") == pytest.approx(0.6)
    assert panel.property("volume") == pytest.approx(0.6)  # not muted


def test_the_repeat_key_says_the_last_announcement_again(qtbot, make_kiosk) -> None:
    ui = make_kiosk(KioskConfig(accessibility=AccessibilityConfig(speech_engine="mock")))
    access = ui.accessibility
    access.setProperty("voiceGuidance", True)
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    said: list[str] = []
    access.announced.connect(said.append)
    move_focus_to(qtbot, ui, f"cornerTile_{CORNERS[0]}")
    last = said[-1]
    press(ui, Qt.Key.Key_R)
    assert said[-1] == last and len(said) >= 2 and said[-2] == last
    ui.session.startAttract()
    count = len(said)
    press(ui, Qt.Key.Key_R)  # a new visitor: nothing of the last one's is said again
    assert len(said) == count


def test_a_keypad_that_wakes_the_kiosk_turns_voice_guidance_on(qtbot, make_kiosk) -> None:
    """Who reaches for the keypad is most often who cannot see the screen; a touch that
    wakes the kiosk leaves the voice off."""
    config = KioskConfig(accessibility=AccessibilityConfig(speech_engine="mock"))
    ui = make_kiosk(config, visitor=False)
    qtbot.waitUntil(lambda: shown(ui, "attractView"))
    tap(ui, find(ui, "attractView"))
    assert ui.session.property("state") != VisitorSession.State.Attract.value
    assert not ui.accessibility.property("voiceGuidance")
    ui.session.startAttract()
    press(ui, Qt.Key.Key_Down)
    assert ui.session.property("state") != VisitorSession.State.Attract.value
    assert ui.accessibility.property("voiceGuidance")
