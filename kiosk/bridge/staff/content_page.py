"""The staff panel's content page: packages on sticks and in drop folders to install,
the install under way, new content waiting for a quiet moment, and the rollback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.package_watcher import PackageWatcher
from kiosk.bridge.record_model import RecordListModel
from kiosk.bridge.staff.outcome import StaffOutcome
from kiosk.content.diff import diff_packages
from kiosk.content.package import ContentPackage, PackageContent
from kiosk.errors import KioskError, PackageError
from kiosk.install.installer import Installer
from kiosk.safe_text import printable
from kiosk.staff.status import size_words

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ContentPage"]

log = logging.getLogger(__name__)

Kind = StaffOutcome.Kind
# The Content page lists this many of a waiting package's changes (``package diff`` has all).
MAX_CHANGES_SHOWN = 8


@dataclass(frozen=True)
class FoundPackage:
    path: str
    name: str
    size: str  # in words: 12 MB


@QmlElement
@QmlUncreatable("The content page is made by the application.")
class ContentPage(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Install what staff pick (they are behind the PIN: no further approval), roll back."""

    waitingChanged = Signal()
    # Staff rolled back: the package to show at once.
    rolledBack = Signal(str)

    def __init__(
        self,
        watcher: PackageWatcher,
        installer: Installer | None,
        outcome: StaffOutcome,
        shown: Callable[[], PackageContent],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watcher = watcher
        self._installer = installer
        self._outcome = outcome
        self._waiting = ""
        self._shown = shown
        self._changes: list[dict[str, str]] = []
        self._found: RecordListModel[FoundPackage] = RecordListModel(FoundPackage, self)
        watcher.foundChanged.connect(self.refresh)

    @Property(PackageWatcher, constant=True)
    def watcher(self) -> PackageWatcher:
        """The install under way: busy, progress, lastResult."""
        return self._watcher

    @Property(RecordListModel, constant=True)
    def found(self) -> RecordListModel[FoundPackage]:
        """Rows: path, name, size; newest first, as the last poll saw them."""
        return self._found

    @Slot()
    def refresh(self) -> None:
        # The watcher's last poll, kept in memory: no mount is listed on the GUI thread.
        self._found.replace(
            [
                FoundPackage(str(c.path), c.path.name, size_words(c.size))
                for c in self._watcher.found()
            ]
        )

    @Property(str, notify=waitingChanged)
    def waitingPackage(self) -> str:
        """New content installed and waiting for the visitor to finish ("" when none)."""
        return self._waiting

    @Property("QVariantList", notify=waitingChanged)  # type: ignore[arg-type]  # a Qt type name
    def waitingChanges(self) -> list[dict[str, str]]:
        """What the waiting package changes on screen, as ``package diff`` says it: each
        {kind, place}, kind one of text, added, removed, replaced, setting, corner_added,
        corner_removed; at most ``MAX_CHANGES_SHOWN``."""
        return self._changes[:MAX_CHANGES_SHOWN]

    @Property(int, notify=waitingChanged)
    def waitingMoreChanges(self) -> int:
        """How many changes are left out of ``waitingChanges``."""
        return max(0, len(self._changes) - MAX_CHANGES_SHOWN)

    def set_waiting(self, path: Path | None) -> None:
        """The package waiting for a quiet moment (None: none), and what it changes."""
        name = path.name if path is not None else ""
        if name == self._waiting:
            return
        self._waiting = name
        self._changes = self._changes_of(path) if path is not None else []
        self.waitingChanged.emit()

    def _changes_of(self, path: Path) -> list[dict[str, str]]:
        try:
            with ContentPackage.open(path) as waiting:
                diff = diff_packages(self._shown(), waiting.content)
        except PackageError as error:
            log.warning("could not compare the waiting package with the shown one: %s", error)
            return []
        changes = [{"kind": "corner_added", "place": name} for name in diff.corners_added]
        changes += [{"kind": "corner_removed", "place": name} for name in diff.corners_removed]
        changes += [{"kind": "text", "place": where} for where in diff.text_places()]
        changes += [{"kind": change.change, "place": change.where} for change in diff.media]
        changes += [{"kind": "setting", "place": change.where} for change in diff.values]
        return [{key: printable(value) for key, value in change.items()} for change in changes]

    @Slot(str)
    def install(self, path: str) -> None:
        if self._installer is None:
            self._outcome.say(Kind.InstallFailed, "this kiosk does not install packages")
        elif not self._watcher.install_now(Path(path)):
            self._outcome.say(Kind.InstallBusy)
        else:
            self._outcome.say(Kind.Installing, Path(path).name)

    @Slot()
    def rollback(self) -> None:
        """Back to the previous package, shown at once (``package rollback``)."""
        if self._installer is None:
            self._outcome.say(Kind.RollbackFailed, "this kiosk does not install packages")
            return
        try:
            path = self._installer.rollback()
        except KioskError as error:
            self._outcome.say(Kind.RollbackFailed, str(error))
            return
        log.info("staff rolled back to %s", path.name)
        self.rolledBack.emit(str(path))
        self._outcome.say(Kind.RolledBack, path.name)
