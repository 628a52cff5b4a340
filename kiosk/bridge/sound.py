"""The kiosk's overall sound: the master volume every sound is scaled by, and mute. Set by
staff in their panel, heard by visitors: so it lives on the visitor's side, and staff
change it through it."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Sound"]


@QmlElement
@QmlUncreatable("The kiosk's sound is made by the application.")
class Sound(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """``volume`` (0 to 1, in steps of 0.01) and ``muted`` are staff settings;
    ``masterVolume`` is what every sound is scaled by."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._volume = 1.0
        self._muted = False

    def _get_volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        volume = min(1.0, max(0.0, round(volume, 2)))
        if volume != self._volume:
            self._volume = volume
            self.changed.emit()

    volume = Property(float, _get_volume, set_volume, notify=changed)

    def _get_muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self.changed.emit()

    muted = Property(bool, _get_muted, set_muted, notify=changed)

    @Property(float, notify=changed)
    def masterVolume(self) -> float:
        """0 when muted, else the volume."""
        return 0.0 if self._muted else self._volume
