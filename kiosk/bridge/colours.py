"""The colours the UI shows now, by role, as QML's Theme reads them: the package's made
readable (kiosk.content.contrast), or the high-contrast palette."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Colours"]


@QmlElement
@QmlUncreatable("The colours are made by the exhibit.")
class Colours(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """One colour per theme role of ``kiosk.content.contrast.Palette``, as ``#rrggbb``."""

    changed = Signal()

    def __init__(self, roles: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles = dict(roles)

    def show(self, roles: Mapping[str, str]) -> None:
        if dict(roles) != self._roles:
            self._roles = dict(roles)
            self.changed.emit()

    def _role(self, role: str) -> str:
        return self._roles[role]

    @Property(str, notify=changed)
    def background(self) -> str:
        return self._role("background")

    @Property(str, notify=changed)
    def surface(self) -> str:
        return self._role("surface")

    @Property(str, notify=changed)
    def text(self) -> str:
        return self._role("text")

    @Property(str, notify=changed)
    def mutedText(self) -> str:
        return self._role("muted_text")

    @Property(str, notify=changed)
    def accent(self) -> str:
        return self._role("accent")

    @Property(str, notify=changed)
    def onAccent(self) -> str:
        """Text on the accent (a button's ground)."""
        return self._role("on_accent")

    @Property(str, notify=changed)
    def onCorner(self) -> str:
        """Text on a corner's colour (its current tab, its arrow)."""
        return self._role("on_corner")

    @Property(str, notify=changed)
    def focus(self) -> str:
        """The keyboard focus ring: at least 3:1 against every ground."""
        return self._role("focus")
