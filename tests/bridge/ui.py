"""Helpers to drive the real QML window in tests: find items by objectName, tap them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.bridge import scene
from kiosk.bridge.scene import descendants, picture_loading
from kiosk.composition import KioskUi


def find_item(ui: KioskUi, name: str) -> QQuickItem | None:
    """The visual-tree item called ``name`` (Repeater and ListView delegates are not
    QObject children, so ``findChild`` does not see them)."""
    return scene.find_item(ui.window, name)


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


def laid_out(item: QQuickItem) -> QQuickItem:
    """``item`` with its pending layout done: a Row or Column that has just shown or
    changed places its children only when polished (before the next frame), so an item's
    place is asked for after polishing it and every item above it."""
    chain = []
    parent: QQuickItem | None = item
    while parent is not None:
        chain.append(parent)
        parent = parent.parentItem()
    for each in reversed(chain):
        each.ensurePolished()
    return item


def tap(ui: KioskUi, item: QQuickItem) -> None:
    """A mouse click at the item's centre (TapHandlers treat it as a tap)."""
    laid_out(item)
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


def pictures_loaded(ui: KioskUi) -> bool:
    """True when no Image in the window, shown or not, is still loading its picture."""
    return not any(picture_loading(item) for item in descendants(ui.window.contentItem()))


def settled(qtbot: QtBot, ui: KioskUi) -> None:
    """Wait until the window shows the scene as it now is: every visible picture loaded
    (or failed), the views' fade-in and an enlarged picture's growth done, and a frame
    drawn after that, so layouts are polished and bindings applied. A condition, not a
    delay: it returns as soon as that holds."""

    def still() -> bool:
        # Views fade in; an enlarged picture grows out of its thumbnail.
        for name in ("cornerView", "homeView"):
            view = find_item(ui, name)
            if view is not None and view.isVisible() and view.opacity() < 1:
                return False
        viewer = find_item(ui, "viewerLoader")
        if viewer is not None and viewer.property("showing") and viewer.property("grown") < 1:
            return False
        return not any(
            item.isVisible() and picture_loading(item)
            for item in descendants(ui.window.contentItem())
        )

    qtbot.waitUntil(still, timeout=10_000)
    with qtbot.waitSignal(ui.window.frameSwapped, timeout=5_000):
        ui.window.update()


def save_screenshot(ui: KioskUi, path: Path) -> None:
    """Save the window as ``path`` for people to look at, and fail unless it shows a
    screen: the size of the window, and more than a few colours (not blank, not one
    flat fill)."""
    image = ui.window.grabWindow()
    assert (image.width(), image.height()) == (ui.window.width(), ui.window.height()), path
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)
    }
    assert len(colours) > 16, f"{path.name} looks blank ({len(colours)} colours)"
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path)), path


@contextmanager
def qml_window(source: bytes) -> Iterator[QQuickWindow]:
    """A window made from QML ``source`` (a Window at its root), closed afterwards."""
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(QByteArray(source), "")
    window = component.create()
    assert isinstance(window, QQuickWindow), component.errorString()
    try:
        yield window
    finally:
        window.close()
        del window
        engine.deleteLater()
