"""The staff panel's status page: what ``gyeonggi-kiosk status`` says, read in the
background each time the page is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.background import BackgroundReader
from kiosk.content.signing import TrustedKey
from kiosk.safe_text import printable
from kiosk.staff.status import KioskStatus, PackageFacts, kiosk_status, size_words

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "PackageCard", "StatusPage"]


@QmlElement
@QmlUncreatable("Package cards are made by the status page.")
class PackageCard(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """One installed package as staff see it; ``present`` is false when there is none."""

    @QEnum
    class Signature(Enum):
        Unsigned = 0
        Signed = 1
        NotValid = 2
        Untrusted = 3

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._facts: PackageFacts | None = None

    def show(self, facts: PackageFacts | None) -> None:
        if facts != self._facts:
            self._facts = facts
            self.changed.emit()

    def _fact(self, read: Callable[[PackageFacts], str]) -> str:
        # Control characters escaped: staff read what the package says, not what it hides.
        return printable(read(self._facts)) if self._facts is not None else ""

    @Property(bool, notify=changed)
    def present(self) -> bool:
        return self._facts is not None

    @Property(str, notify=changed)
    def title(self) -> str:
        return self._fact(lambda facts: facts.title)

    @Property(str, notify=changed)
    def packageId(self) -> str:
        return self._fact(lambda facts: facts.package_id)

    @Property(str, notify=changed)
    def version(self) -> str:
        return self._fact(lambda facts: facts.version)

    @Property(str, notify=changed)
    def built(self) -> str:
        return self._fact(lambda facts: facts.built_at)

    @Property(str, notify=changed)
    def signer(self) -> str:
        """The trusted key's id; "" unless the signature verifies against it."""
        return self._fact(lambda facts: facts.signer)

    @Property(str, notify=changed)
    def fileName(self) -> str:
        return self._fact(lambda facts: facts.file_name)

    @Property(int, notify=changed)
    def signature(self) -> int:
        """A ``Signature``."""
        standing = self._facts.signature if self._facts is not None else "unsigned"
        names = {"signed": "Signed", "not_valid": "NotValid", "untrusted": "Untrusted"}
        return self.Signature[names.get(standing, "Unsigned")].value


@QmlElement
@QmlUncreatable("The status page is made by the application.")
class StatusPage(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """The content shown and before it, free disk space, uptime, version, recent problems."""

    changed = Signal()
    refreshed = Signal()

    def __init__(
        self,
        data_dir: Path,
        trusted_keys: Sequence[TrustedKey],
        kiosk_name: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._status: KioskStatus | None = None
        self._active = PackageCard(self)
        self._previous = PackageCard(self)
        keys = list(trusted_keys)
        self._reader: BackgroundReader[KioskStatus] = BackgroundReader(
            lambda: kiosk_status(data_dir, trusted_keys=keys, kiosk_name=kiosk_name),
            self._show,
            "status-read",
            self,
        )

    @Slot()
    def refresh(self) -> None:
        """Read the status again, off the GUI thread; ``refreshed`` when it is in."""
        self._reader.start()

    def stop(self) -> None:
        self._reader.stop()

    def _show(self, status: KioskStatus) -> None:
        self._active.show(status.active)
        self._previous.show(status.previous)
        if status != self._status:
            self._status = status
            self.changed.emit()
        self.refreshed.emit()

    @Property(PackageCard, constant=True)
    def active(self) -> PackageCard:
        """The content shown (not ``present``: the built-in demo shows)."""
        return self._active

    @Property(PackageCard, constant=True)
    def previous(self) -> PackageCard:
        """The content a rollback would show again."""
        return self._previous

    @Property(bool, notify=changed)
    def loaded(self) -> bool:
        """False until the first read is in."""
        return self._status is not None

    @Property(str, notify=changed)
    def kioskName(self) -> str:
        """This kiosk's name in the hall."""
        return printable(self._status.kiosk_name) if self._status else ""

    @Property(str, notify=changed)
    def freeSpace(self) -> str:
        free = self._status.free_bytes if self._status else None
        return size_words(free) if free is not None else ""

    @Property(float, notify=changed)
    def uptimeSeconds(self) -> float:
        """0 when the kiosk's start is not known (the panel words it in its language)."""
        seconds = self._status.uptime_seconds if self._status else None
        return float(seconds or 0)

    @Property(str, notify=changed)
    def appVersion(self) -> str:
        return self._status.app_version if self._status else ""

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # a Qt type name
    def problems(self) -> list[dict[str, object]]:
        """The recent problems, newest first: ``at`` (local time), ``kind`` (a Notice's
        value, which the panel words), ``subject`` (the thing's name by language) and
        ``times`` (in a row). The log's technical line is not for the panel."""
        problems = self._status.problems if self._status else []
        return [
            {"at": p.at, "kind": p.kind.value, "subject": dict(p.subject), "times": p.times}
            for p in problems
        ]
