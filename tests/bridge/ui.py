"""Helpers to drive the real QML window in tests: find items by objectName, tap them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.app import KioskUi


def find_item(ui: KioskUi, name: str) -> QQuickItem | None:
    """The visible-tree item called ``name`` (Repeater and ListView delegates are not QObject
    children, so ``findChild`` does not see them)."""
    pending = [ui.window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == name:
            return item
        pending.extend(item.childItems())
    return None


def find(ui: KioskUi, name: str) -> QQuickItem:
    """Like :func:`find_item`, failing the test when there is no such item."""
    item = find_item(ui, name)
    assert item is not None, f"no item named {name}"
    return item


def centre_of(item: QQuickItem) -> QPointF:
    """The item's centre in window coordinates."""
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))


def tap(ui: KioskUi, item: QQuickItem) -> None:
    """A mouse click at the item's centre (TapHandlers treat it as a tap)."""
    QTest.mouseClick(
        ui.window,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        centre_of(item).toPoint(),
    )


def swipe(window: QQuickWindow, start: QPointF, end: QPointF, steps: int = 20) -> None:
    """A finger-like drag from ``start`` to ``end``."""
    QTest.mousePress(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint()
    )
    for step in range(1, steps + 1):
        point = start + (end - start) * (step / steps)
        QTest.mouseMove(window, point.toPoint(), 16)
    QTest.mouseRelease(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint(), 16
    )


def shown(ui: KioskUi, name: str) -> bool:
    """True when the item called ``name`` exists and is visible."""
    item = find_item(ui, name)
    return item is not None and item.isVisible()


def attract_looks_blank(ui: KioskUi) -> bool:
    """True when the upper part of the window (the call to touch sits below it) shows no
    picture: at most two colours on a dense grid (the hall's still screen is thin text on
    a dark ground, so a sparse grid would miss it)."""
    view = find(ui, "attractView")
    image = ui.window.grabWindow().copy(0, 0, int(view.width()), int(view.height() * 0.6))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 7)
    }
    return len(colours) <= 2
