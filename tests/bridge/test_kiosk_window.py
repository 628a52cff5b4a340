"""The kiosk window: rotation from the config, multi-touch that opens one corner."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from kiosk.composition import KioskUi
from kiosk.config import DisplayConfig, KioskConfig
from tests.bridge.ui import centre_of, find, settled, shown


def test_two_fingers_on_two_tiles_open_one_corner(qtbot, kiosk: KioskUi) -> None:
    """Two simultaneous touches on two tiles: one corner opens, and it stays open."""
    qtbot.waitUntil(lambda: kiosk.window.property("homeReady") is True)
    device = QTest.createTouchDevice()
    first = centre_of(find(kiosk, "cornerTile_public-delivery-app")).toPoint()
    second = centre_of(find(kiosk, "cornerTile_clean-valleys")).toPoint()
    opened: list[str] = []
    kiosk.exhibit.cornerOpened.connect(opened.append)
    QTest.touchEvent(kiosk.window, device).press(0, first, kiosk.window).press(
        1, second, kiosk.window
    ).commit()
    QTest.touchEvent(kiosk.window, device).release(0, first, kiosk.window).release(
        1, second, kiosk.window
    ).commit()
    qtbot.waitUntil(lambda: shown(kiosk, "cornerView"))
    settled(qtbot, kiosk)  # both touches answered, to the frame
    assert len(opened) == 1
    assert kiosk.exhibit.property("currentCornerId") == opened[0]


def test_a_rotated_screen_lays_out_sideways(qtbot, make_kiosk) -> None:
    """rotation: 90 turns the picture for a screen mounted on its side."""
    ui = make_kiosk(KioskConfig(display=DisplayConfig(rotation=90)), size=(1080, 1920))
    qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
    content = find(ui, "content")
    # The content is laid out landscape (1920 wide) and turned a quarter.
    assert (content.width(), content.height()) == (1920, 1080)
    assert find(ui, "homeView").width() == 1920
    tiles = [
        find(ui, f"cornerTile_{c}")
        for c in ("public-delivery-app", "northeast-relocation", "clean-valleys")
    ]
    ys = [tile.mapToScene(QPointF(0, 0)).y() for tile in tiles]
    assert ys == sorted(ys) and ys[0] < ys[2]  # left-to-right became top-to-bottom


def test_kiosk_mode_is_fullscreen_without_a_cursor(qtbot, make_kiosk) -> None:
    """Not windowed: the window fills the screen and the mouse cursor is hidden."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QWindow

    try:
        ui = make_kiosk(windowed=False)
        qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
        screen = ui.window.screen().geometry()
        assert (ui.window.width(), ui.window.height()) == (screen.width(), screen.height())
        assert ui.window.visibility() == QWindow.Visibility.FullScreen
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    finally:
        while QGuiApplication.overrideCursor() is not None:
            QGuiApplication.restoreOverrideCursor()
