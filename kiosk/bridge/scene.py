"""Walking a window's visual tree from Python: the live preview and the proof find the
kiosk's items (a corner's section pager, the attract view) by their objectName."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow


def descendants(root: QQuickItem) -> Iterator[QQuickItem]:
    """``root`` and every item under it, shown or not."""
    waiting = [root]
    while waiting:
        item = waiting.pop()
        yield item
        waiting.extend(item.childItems())


def shown_texts(window: QQuickWindow) -> Iterator[QQuickItem]:
    """Every Text item with words a visitor can see now: shown, not transparent, and at
    least partly inside the window and every clipping item above it (a page of a pager
    that is not the current one is outside its clip)."""
    frame = QRectF(0, 0, window.width(), window.height())
    waiting = [(window.contentItem(), frame)]
    while waiting:
        item, room = waiting.pop()
        if not item.isVisible() or item.opacity() <= 0:
            continue
        area = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if item.clip():
            room = room.intersected(area)
            if room.isEmpty():
                continue
        shown = not room.intersected(area).isEmpty()
        if shown and item.inherits("QQuickText") and item.property("text"):
            yield item
        waiting.extend((child, room) for child in item.childItems())


def find_item(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The window's item of that objectName, if there is one."""
    return next(
        (item for item in descendants(window.contentItem()) if item.objectName() == name), None
    )


def picture_loading(item: QQuickItem) -> bool:
    """True while ``item`` is an Image still loading its picture (asked in QML itself:
    PySide6 cannot convert Qt Quick's Status enum)."""
    if not item.inherits("QQuickImage"):
        return False
    context = QQmlEngine.contextForObject(item)
    if context is None:
        return False
    value, undefined = QQmlExpression(context, item, "status === Image.Loading").evaluate()
    return bool(value) and not undefined


def call(item: QQuickItem, expression: str) -> None:
    """Evaluate a QML ``expression`` (a call of one of its functions) on ``item``."""
    context = QQmlEngine.contextForObject(item)
    if context is not None:
        QQmlExpression(context, item, expression).evaluate()
