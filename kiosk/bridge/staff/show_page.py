"""The staff panel's show controls: the attract loop now, the content read again, a
restart, and quitting to the desktop. Each asks the application, which alone can."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.staff.outcome import StaffOutcome

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ShowPage"]

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("The show page is made by the application.")
class ShowPage(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Past-tense signals for the application: what staff asked for."""

    attractRequested = Signal()
    reloadRequested = Signal()
    restartRequested = Signal()
    quitRequested = Signal()

    def __init__(self, outcome: StaffOutcome, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outcome = outcome

    @Slot()
    def startAttract(self) -> None:
        self.attractRequested.emit()

    @Slot()
    def reloadContent(self) -> None:
        self.reloadRequested.emit()
        self._outcome.say(StaffOutcome.Kind.Reloaded)

    @Slot()
    def restartApp(self) -> None:
        log.info("staff restarted the kiosk")
        self.restartRequested.emit()

    @Slot()
    def quitToDesktop(self) -> None:
        log.info("staff quit the kiosk to the desktop")
        self.quitRequested.emit()
