"""Keeps the keyboard focus on screen and says where it is.

When the focus moves (Tab, the arrows of a keypad), every scrolling area around the
focused item scrolls just enough to show it, and the item's accessible name is announced
(to a screen reader, and aloud with voice guidance). QML has no way to find the scrolling
ancestors of an item, which is why this lives here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge.accessibility import Accessibility


def accessible_name(item: QQuickItem) -> str:
    """What a screen reader says for ``item`` (its Accessible.name)."""
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def reveal(item: QQuickItem) -> None:
    """Scroll each Flickable around ``item`` so that ``item`` is inside its view."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            _reveal_in(parent, item)
        parent = parent.parentItem()


def _reveal_in(flickable: QQuickItem, item: QQuickItem) -> None:
    content = flickable.property("contentItem")
    if not isinstance(content, QQuickItem):
        return
    rect = item.mapRectToItem(content, QRectF(0, 0, item.width(), item.height()))
    # Room around the item for its focus ring.
    margin = 24.0
    for axis, start, size, view in (
        ("contentY", rect.top(), rect.height(), flickable.height()),
        ("contentX", rect.left(), rect.width(), flickable.width()),
    ):
        extent = float(
            flickable.property("contentHeight" if axis == "contentY" else "contentWidth")
        )
        if extent <= view:
            continue
        now = float(flickable.property(axis))
        target = now
        if start - margin < now:
            target = start - margin
        elif start + size + margin > now + view:
            target = start + size + margin - view
        target = max(0.0, min(target, extent - view))
        if target != now:
            flickable.setProperty(axis, target)


class FocusKeeper(QObject):
    """Follows the window's focus: reveals and announces the focused item."""

    def __init__(self, window: QQuickWindow, accessibility: Accessibility) -> None:
        super().__init__(window)
        self._window = window
        self._accessibility = accessibility
        window.activeFocusItemChanged.connect(self._focus_moved)

    def _focus_moved(self) -> None:
        item = self._window.activeFocusItem()
        if item is None or not self._accessibility.keyboard_in_use:
            return
        reveal(item)
        name = accessible_name(item)
        if name:
            self._accessibility.announce(name)
