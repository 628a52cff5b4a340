"""The open corner's caption cues in the current language, for the video panel: it asks
for the text at the playing position, and the lookup stays in Python."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.content.captions import Cue

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "CaptionTrack"]


@QmlElement
@QmlUncreatable("Caption tracks are made by the exhibit.")
class CaptionTrack(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Cues in time order. ``cueCount`` changes notify when the cues do (another corner,
    another language): a binding that reads it reads ``textAt`` again."""

    cuesChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cues: tuple[Cue, ...] = ()
        self._starts: list[int] = []

    def show(self, cues: Sequence[Cue]) -> None:
        cues = tuple(sorted(cues, key=lambda cue: cue.start_ms))
        if cues != self._cues:
            self._cues = cues
            self._starts = [cue.start_ms for cue in cues]
            self.cuesChanged.emit()

    @Property(int, notify=cuesChanged)
    def cueCount(self) -> int:
        return len(self._cues)

    @Slot(int, result=str)
    def textAt(self, position_ms: int) -> str:
        """The cue shown at ``position_ms`` ("" between cues); of overlapping cues, the
        one begun first."""
        begun = bisect.bisect_right(self._starts, position_ms)
        for cue in self._cues[:begun]:
            if position_ms < cue.end_ms:
                return cue.text
        return ""
