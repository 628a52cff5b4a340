"""Every word of every section can be read, in Korean and English, landscape and portrait:
the text shows in a window of whole lines, and when it goes on, a button says so and
reads on to its last line; no line is ever sliced at the window's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.composition import KioskUi
from tests.bridge.ui import find, scene_rect, settled, shown, tap

CORNERS = ("public-delivery-app", "northeast-relocation", "clean-valleys")
SIZES = [(1920, 1080), (1080, 1920)]


def page_in_place(ui: KioskUi, index: int) -> bool:
    """True when page ``index`` has turned fully into view."""
    pages = find(ui, "sectionPages")
    page = find(ui, f"sectionReading_{index}")
    return abs(scene_rect(page).left() - scene_rect(pages).left()) < 0.5


def rest(qtbot, reading: QQuickItem) -> float:
    """The window's scroll position once the text has come to rest."""
    qtbot.waitUntil(lambda: not reading.property("scrolling"))
    return float(reading.property("contentY"))


def edge_rows_are_blank(ui: KioskUi, reading: QQuickItem) -> bool:
    """True when the window's first and last pixel rows show only the page's ground: a
    line cut by an edge would leave some of its glyphs on one of them."""
    image: QImage = ui.window.grabWindow()
    rect = scene_rect(reading).toAlignedRect()
    ground = QColor(image.pixel(rect.left() + 1, rect.top()))  # never inked: a margin
    for y in (rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right(), 2):
            if QColor(image.pixel(x, y)) != ground:
                return False
    return True


def assert_reads_whole(
    qtbot, ui: KioskUi, reading: QQuickItem, body: QQuickItem, where: str
) -> None:
    lines = int(body.property("lineCount"))
    pitch = body.height() / lines
    window = reading.height()
    assert window % pitch == 0, f"{where}: {window} px, {pitch} px lines"
    assert window >= min(body.height(), 4 * pitch), f"{where}: room for too few lines"
    assert scene_rect(reading).intersected(scene_rect(find(ui, "bottomBar"))).isEmpty(), where
    read_on = find(ui, "readOnButton")
    if body.height() <= window:
        assert not read_on.isVisible(), f"{where}: fits, yet says it goes on"
        return
    # The text goes on: a button says so, on screen and apart from the text.
    assert read_on.isVisible(), f"{where}: {lines} lines in a window of {window / pitch:.0f}"
    assert scene_rect(read_on).intersected(scene_rect(reading)).isEmpty(), where
    seen = {rest(qtbot, reading)}
    for _ in range(lines):
        if read_on.property("atEnd"):
            break
        assert edge_rows_are_blank(ui, reading), f"{where}: a line cut at an edge"
        tap(ui, read_on)
        position = rest(qtbot, reading)
        assert position % pitch == 0, f"{where}: came to rest mid-line at {position}"
        assert position not in seen, f"{where}: read on did not move"
        seen.add(position)
    assert reading.property("atEnd"), f"{where}: never reached the last line"
    assert max(seen) + window == body.height(), where
    assert edge_rows_are_blank(ui, reading), f"{where}: a line cut at the end"
    # From the end, the same button goes back to the start.
    tap(ui, read_on)
    assert rest(qtbot, reading) == 0, where


@pytest.mark.parametrize("low", [False, True], ids=["standard", "lowPosition"])
@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_every_section_reads_to_its_last_line(
    qtbot, make_kiosk, artifacts: Path, language: str, size: tuple[int, int], low: bool
) -> None:
    """On the page, or in low position above the band while its tabs and "read on" are in
    the band."""
    ui = make_kiosk(size=size)
    ui.exhibit.set_language(language)
    ui.accessibility.setProperty("lowPosition", low)
    for corner in CORNERS:
        ui.exhibit.openCorner(corner)
        qtbot.waitUntil(lambda: shown(ui, "cornerView"))
        settled(qtbot, ui)
        for index in range(find(ui, "sectionPages").property("count")):
            tap(ui, find(ui, f"sectionTab_{index}"))
            text = find(ui, f"sectionBody_{index}").property("text")
            if low:
                reading, body = find(ui, "bannerReading"), find(ui, "bannerBody")
                qtbot.waitUntil(lambda b=body, t=text: b.property("text") == t)
            else:
                reading = find(ui, f"sectionReading_{index}")
                body = find(ui, f"sectionBody_{index}")
                qtbot.waitUntil(lambda i=index: page_in_place(ui, i))
            settled(qtbot, ui)
            mode = "low" if low else "page"
            shape = f"{size[0]}x{size[1]}"
            ui.window.grabWindow().save(
                str(artifacts / f"reading-{mode}-{corner}-{index}-{language}-{shape}.png")
            )
            where = f"{mode} {corner} {index} {language} {size}"
            assert_reads_whole(qtbot, ui, reading, body, where)
        ui.exhibit.goHome()


def test_a_drag_comes_to_rest_on_a_whole_line(qtbot, make_kiosk) -> None:
    """A finger that lets go between two lines: the text settles on the nearer one."""
    ui = make_kiosk(size=(1280, 1024))
    ui.exhibit.set_language("en")
    ui.exhibit.openCorner("public-delivery-app")
    qtbot.waitUntil(lambda: shown(ui, "cornerView"))
    settled(qtbot, ui)
    tap(ui, find(ui, "sectionTab_1"))  # the longest English page
    qtbot.waitUntil(lambda: page_in_place(ui, 1))
    settled(qtbot, ui)
    reading = find(ui, "sectionReading_1")
    body = find(ui, "sectionBody_1")
    pitch = body.height() / body.property("lineCount")
    assert body.height() - reading.height() >= 3 * pitch  # room to stop between lines
    start = scene_rect(reading).center().toPoint()
    end = start - QPoint(0, round(1.6 * pitch))
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 21):
        QTest.mouseMove(ui.window, start + (end - start) * step / 20, 16)
    QTest.mouseMove(ui.window, end, 300)  # held still: no flick, only the drag
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    position = rest(qtbot, reading)
    assert position > 0 and position % pitch == 0, position
    assert edge_rows_are_blank(ui, reading)


def still(qtbot, item: QQuickItem, name: str) -> float:
    """The item's property ``name`` once it holds still over three frames."""
    values: list[float] = []

    def held() -> bool:
        values.append(float(item.property(name)))
        return len(values) >= 3 and values[-1] == values[-2] == values[-3]

    qtbot.waitUntil(held)
    return values[-1]


@pytest.mark.parametrize("modes", [["largeText"], ["largeText", "lowPosition"]], ids="+".join)
@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_a_flowing_page_shows_every_line_and_says_it_goes_on(
    qtbot, make_kiosk, modes: list[str], language: str, size: tuple[int, int]
) -> None:
    """Large text (in low position too): a section's text is laid out whole and the page
    scrolls; a button in the bottom bar says the page goes on and reads on through it."""
    ui = make_kiosk(size=size)
    for mode in modes:
        ui.accessibility.setProperty(mode, True)
    ui.exhibit.set_language(language)
    ui.exhibit.openCorner(CORNERS[0])
    qtbot.waitUntil(lambda: shown(ui, "cornerView"))
    settled(qtbot, ui)
    scroller = find(ui, "pageScroller")
    read_on = find(ui, "pageReadOnButton")
    for index in range(find(ui, "sectionPages").property("count")):
        where = f"{modes} {language} {size} section {index}"
        if scroller.property("contentY"):
            tap(ui, read_on)  # from the end of the last page, back to the top
            assert still(qtbot, scroller, "contentY") == 0, where
        find(ui, "sectionPages").setProperty("currentIndex", index)  # its tab may be below
        qtbot.waitUntil(lambda i=index: page_in_place(ui, i))
        settled(qtbot, ui)
        body = find(ui, f"sectionBody_{index}")
        assert find(ui, f"sectionReading_{index}").height() == body.height(), where
        # Read on to the end of the page; every line of the text is on screen at some point.
        seen = []
        for _ in range(20):
            view = scene_rect(scroller)
            text = scene_rect(body)
            seen.append((max(view.top(), text.top()) - text.top(), view.bottom() - text.top()))
            if read_on.property("atEnd"):
                break
            assert read_on.isVisible(), where
            tap(ui, read_on)
            still(qtbot, scroller, "contentY")
        assert read_on.property("atEnd") or not scroller.property("interactive"), where
        covered = 0.0
        for top, bottom in sorted(seen):
            assert top <= covered, f"{where}: lines {covered:.0f}–{top:.0f} px never shown"
            covered = max(covered, bottom)
        assert covered >= body.height(), where
