"""The staff panel's export page: today's and all visitor numbers and the recent log onto
the first USB stick (``stats export --with-log``), written in the background: a stick can
be slow to write, or hang as it is pulled."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.background import BackgroundReader
from kiosk.bridge.staff.outcome import StaffOutcome
from kiosk.errors import KioskError
from kiosk.notices import Notice, notice
from kiosk.staff.export import export_for_staff

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ExportPage"]

log = logging.getLogger(__name__)

Kind = StaffOutcome.Kind


@dataclass(frozen=True)
class ExportDone:
    kind: StaffOutcome.Kind
    detail: str = ""
    written: tuple[Path, ...] = ()


def export_to_a_stick(data_dir: Path, sticks: list[Path], kiosk_name: str = "") -> ExportDone:
    """The export onto the first of ``sticks`` that can be written to (else the first,
    which then says why not)."""
    if not sticks:
        return ExportDone(Kind.NoStick)
    writable = [stick for stick in sticks if os.access(stick, os.W_OK)]
    stick = (writable or sticks)[0]
    try:
        written = export_for_staff(data_dir, stick, kiosk_name=kiosk_name)
    except KioskError as error:
        # Staff read which stick and what to do; the technical line is for the log.
        log.warning(
            "staff export to %s failed: %s",
            stick,
            error,
            extra=notice(Notice.EXPORT_FAILED, stick.name),
        )
        cause = error.__cause__
        number = cause.errno if isinstance(cause, OSError) else None
        if number == errno.ENOSPC:
            return ExportDone(Kind.ExportFull, stick.name)
        if number in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ExportDone(Kind.ExportLocked, stick.name)
        return ExportDone(Kind.ExportFailed, stick.name)
    log.info("staff exported %d files to %s", len(written), written[0].parent)
    return ExportDone(Kind.Exported, ", ".join(p.name for p in written), tuple(written))


@QmlElement
@QmlUncreatable("The export page is made by the application.")
class ExportPage(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """``sticks`` lists the removable volumes mounted now (asked in the worker thread)."""

    busyChanged = Signal()
    exported = Signal()  # done, whatever came of it (the outcome says what)

    def __init__(
        self,
        data_dir: Path,
        sticks: Callable[[], list[Path]],
        outcome: StaffOutcome,
        kiosk_name: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._outcome = outcome
        self._busy = False
        self._destination: Path | None = None
        self._last = ExportDone(Kind.Nothing)

        def export() -> ExportDone:
            destination = self._destination
            return export_to_a_stick(
                data_dir, [destination] if destination else sticks(), kiosk_name
            )

        self._reader: BackgroundReader[ExportDone] = BackgroundReader(
            export, self._done, "stats-export", self
        )

    @Property(bool, notify=busyChanged)
    def busy(self) -> bool:
        return self._busy

    @Slot()
    def exportStats(self) -> None:
        """Onto the first USB stick found."""
        self._start(None)

    def export_to(self, destination: Path) -> None:
        """Onto ``destination`` instead of a stick (a folder, in tests)."""
        self._start(destination)

    def last(self) -> ExportDone:
        return self._last

    def stop(self) -> None:
        self._reader.stop()

    def _start(self, destination: Path | None) -> None:
        if self._busy:
            return
        self._destination = destination
        self._busy = True
        self.busyChanged.emit()
        self._outcome.say(Kind.Exporting)
        self._reader.start()

    def _done(self, done: ExportDone) -> None:
        self._busy = False
        self._last = done
        self.busyChanged.emit()
        self._outcome.say(done.kind, done.detail)
        self.exported.emit()
