"""Helpers to drive the real QML window in tests: find items by objectName, tap them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.app import KioskUi


def descendants(root: QQuickItem) -> Iterator[QQuickItem]:
    """``root`` and every item in the visual tree below it (Repeater and ListView delegates
    are not QObject children, so ``findChild`` does not see them)."""
    pending = [root]
    while pending:
        item = pending.pop()
        yield item
        pending.extend(item.childItems())


def find_item(ui: KioskUi, name: str) -> QQuickItem | None:
    """The visual-tree item called ``name``."""
    return next((i for i in descendants(ui.window.contentItem()) if i.objectName() == name), None)


def scene_rect(item: QQuickItem) -> QRectF:
    """The item's rectangle in window coordinates."""
    top_left = item.mapToScene(QPointF(0, 0))
    return QRectF(top_left.x(), top_left.y(), item.width(), item.height())


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
