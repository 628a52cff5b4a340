"""Touch targets and the reach band over the live preview (Ctrl+T): every control a
visitor can press, outlined, the ones smaller than the kiosk's touch minimum marked, and
the band a seated visitor reaches in low-position mode. An editor sees at once what a
caption or a long title has squeezed."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Property, QObject, QRectF, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "TouchTargets"]

# Looked at again this often while shown: views change under the editor's keys.
REFRESH_MS = 400
# A press area this large is a layer's catch-all (the attract loop, a scrim), no control.
LAYER_SHARE = 0.5


@QmlElement
@QmlUncreatable("The touch targets are found by the preview.")
class TouchTargets(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """``targets``: each control's rectangle in the window; ``shown`` toggles the overlay."""

    changed = Signal()

    def __init__(self, window: QQuickWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._shown = False
        self._targets: list[QRectF] = []
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    def _get_shown(self) -> bool:
        return self._shown

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown:
            self.refresh()
            self._timer.start()
        else:
            self._timer.stop()
        self.changed.emit()

    shown = Property(bool, _get_shown, set_shown, notify=changed)

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # a Qt type name
    def targets(self) -> list[QRectF]:
        return self._targets

    @Slot()
    def refresh(self) -> None:
        found = [item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
                 for item in self._controls()]  # fmt: skip
        if found != self._targets:
            self._targets = found
            self.changed.emit()

    def _controls(self) -> Iterator[QQuickItem]:
        area = self._window.width() * self._window.height()
        for item in _visible(self._window.contentItem()):
            if item.width() * item.height() >= LAYER_SHARE * area or not item.isEnabled():
                continue
            pressable = item.inherits("QQuickMouseArea") or any(
                child.inherits("QQuickTapHandler") for child in item.children()
            )
            if pressable and item.width() > 0 and item.height() > 0:
                yield item


def _visible(root: QQuickItem) -> Iterator[QQuickItem]:
    waiting = [root]
    while waiting:
        item = waiting.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        yield item
        waiting.extend(item.childItems())
