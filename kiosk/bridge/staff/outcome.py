"""What the last thing staff did came to, for the line under the panel's page: a kind
(QML words it in the panel's language) and a detail (a file name, a folder, a reason)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Property, QEnum, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "StaffOutcome"]


@QmlElement
@QmlUncreatable("The staff panel's outcome line is made by the application.")
class StaffOutcome(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """The last staff action's outcome; ``Nothing`` when the panel has just opened."""

    @QEnum
    class Kind(Enum):
        Nothing = 0
        Exported = 1
        NoStick = 2
        ExportFailed = 3
        RolledBack = 4
        RollbackFailed = 5
        Installing = 6
        InstallBusy = 7
        InstallFailed = 8
        Reloaded = 9
        Exporting = 10
        # The stick could not be written: read-only or locked, or full (detail: its name).
        ExportLocked = 11
        ExportFull = 12

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind = self.Kind.Nothing
        self._detail = ""

    @Property(int, notify=changed)
    def kind(self) -> int:
        """A ``Kind``."""
        return self._kind.value

    @Property(str, notify=changed)
    def detail(self) -> str:
        return self._detail

    def say(self, kind: Kind, detail: str = "") -> None:
        if (kind, detail) != (self._kind, self._detail):
            self._kind, self._detail = kind, detail
            self.changed.emit()

    def clear(self) -> None:
        self.say(self.Kind.Nothing)
