"""One motion language: every change of screen moves, entering and leaving alike (a view
fades in, the picture grows out of its thumbnail and goes back into it, the idle warning
fades in and out), none of it holds a tap back, and with "reduce motion" nothing moves.

An animation sets its start value when it starts, so reading a property right after the
change tells whether it moves, on any machine, however slow its frames."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from kiosk.composition import KioskUi
from tests.bridge.ui import find, find_item, scene_rect, settled, shown, tap


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def opacity(ui: KioskUi, name: str) -> float:
    return float(find(ui, name).property("opacity"))


@pytest.mark.parametrize("reduced", [False, True], ids=["motion", "reduce motion"])
def test_every_change_of_screen_moves_unless_motion_is_reduced(
    qtbot, make_kiosk, reduced: bool
) -> None:
    clock = Clock()
    ui = make_kiosk(clock=clock)
    ui.accessibility.setProperty("reducedMotion", reduced)
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    start = 1.0 if reduced else 0.0  # where each change starts: its end, if nothing moves

    ui.exhibit.openCorner("clean-valleys")
    assert opacity(ui, "cornerView") == start
    settled(qtbot, ui)
    assert opacity(ui, "cornerView") == 1

    # The picture grows out of its thumbnail (as a tap on it does).
    find(ui, "galleryStrip").opened.emit(1)
    viewer = find(ui, "viewerLoader")
    assert viewer.property("grown") == start
    if not reduced:  # it starts exactly over the thumbnail
        thumb = scene_rect(find(ui, "galleryThumb_1"))
        top_left = viewer.mapToScene(QPointF(0, 0))
        bottom_right = viewer.mapToScene(QPointF(viewer.width(), viewer.height()))
        grows_from = QRectF(top_left, bottom_right)
        for ours, its in zip(grows_from.getCoords(), thumb.getCoords(), strict=True):
            assert ours == pytest.approx(its, abs=0.01)
    qtbot.waitUntil(lambda: viewer.property("grown") == 1)
    # Closing (as its cross does), it goes back into the thumbnail; the page takes taps at once.
    find(ui, "imageViewer").closed.emit()
    assert not find(ui, "cornerView").property("overlayOpen")
    assert viewer.property("active") is (not reduced)
    qtbot.waitUntil(lambda: viewer.property("active") is False)

    ui.exhibit.goHome()
    assert opacity(ui, "homeView") == start
    qtbot.waitUntil(lambda: opacity(ui, "homeView") == 1)

    # The idle warning fades in, and out again when the visitor stays.
    clock.now += ui.session.property("idleSeconds") + 1
    ui.session.tick()
    assert opacity(ui, "idleWarning") == start
    qtbot.waitUntil(lambda: opacity(ui, "idleWarning") == 1)
    ui.session.continueSession()
    assert shown(ui, "idleWarning") is (not reduced)
    assert not find(ui, "idleWarning").isEnabled()  # fading out, it takes no touch
    qtbot.waitUntil(lambda: not shown(ui, "idleWarning"))


def test_reduce_motion_is_in_the_panel_and_ends_with_the_session(qtbot, make_kiosk) -> None:
    ui = make_kiosk()
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    tap(ui, find(ui, "accessibilityButton"))
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    tap(ui, find(ui, "mode_reducedMotion"))
    assert ui.accessibility.property("reducedMotion")
    assert find_item(ui, "mode_reducedMotion").property("selected")
    ui.session.startAttract()
    assert not ui.accessibility.property("reducedMotion")
