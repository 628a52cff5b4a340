"""Notices new content packages on USB sticks and drop folders and installs them in the
background; the UI shows a small notice and switches at the next quiet moment."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Property, QEnum, QObject, QStorageInfo, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.errors import KioskError
from kiosk.install.child_process import install_in_child_process
from kiosk.install.discovery import (
    Candidate,
    find_packages,
    is_removable_device,
    is_removable_mount,
    write_report,
)
from kiosk.install.installer import ApprovalReason as WhyApproval
from kiosk.install.installer import (
    Installer,
    InstallResult,
    NeedsStaffApproval,
    PackageStillChangingError,
)
from kiosk.notices import Notice, notice

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "PackageWatcher"]

log = logging.getLogger(__name__)

POLL_MS = 2000
# A package is taken once it has not been written to for this long (its modification
# time) and two looks in a row found it the same: a writer that pauses for less is still
# writing. Syncthing gives a file its source's time and renames it into place whole.
SETTLE_SECONDS = 3.0
# A modification time further ahead than this is a clock's mistake (a stick written on a
# PC whose clock was wrong), not a write under way: then the two looks decide alone.
CLOCK_SLACK_SECONDS = 60.0


@QmlElement
@QmlUncreatable("The package watcher is made by the application.")
class PackageWatcher(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Polls mounted volumes and drop folders (cheap: a directory listing every
    ``poll_ms``) once ``start()`` is called; a kiosk taking a screenshot never does.

    A package found by polling is installed once two polls in a row found it the same
    (size and modification time) and nothing has written to it for ``SETTLE_SECONDS``: a
    copy, Syncthing or a network share may still be writing it. One that changes while it
    is copied in is tried again once it settles.
    What came of it is reported beside the package on a stick, and for a drop folder in
    ``report_folder`` if there is one (a Syncthing folder that carries it to the office),
    named by the kiosk."""

    @QEnum
    class Notice(Enum):
        """What staff and visitors may see about new content."""

        Quiet = 0
        Installing = 1
        Ready = 2
        Approval = 3
        Failed = 4
        Damaged = 5

    noticeChanged = Signal()
    foundChanged = Signal()
    packageInstalled = Signal(str)
    # An install ended: "installed", "failed", or "approval" (it waits for staff).
    installEnded = Signal(str)
    # From the install thread to the GUI thread (a queued connection, by Qt's rules).
    _installDone = Signal(object, object, object)
    _damaged = Signal(str)
    _progressed = Signal(float)
    _found = Signal(object)  # from the polling thread: list[Candidate]
    progressChanged = Signal()
    # A package staff approved with their PIN: they are at the screen and want it now.
    packageApproved = Signal(str)

    approvalChanged = Signal()

    def __init__(
        self,
        installer: Installer,
        drop_folders: list[Path],
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
        report_folder: Path | None = None,
        kiosk_name: str = "",
    ) -> None:
        super().__init__(parent)
        self._installer = installer
        self._report_folder = report_folder
        self._kiosk_name = kiosk_name
        # What the last poll found, by path: a package is installed once it stays so.
        self._last_poll: dict[str, tuple[int, float]] = {}
        self._awaiting: Candidate | None = None
        self._approval: NeedsStaffApproval | None = None
        self._drop_folders = drop_folders
        self._seen: set[tuple[str, int, float]] = set()
        self._busy = False
        self._notice = self.Notice.Quiet
        self._installDone.connect(self._finished)
        self._damaged.connect(self._report_damage)
        self._progressed.connect(self._set_progress)
        self._progress = 0.0
        self._approved_run = False
        self._last_result = ""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._look_in_background)
        self._last_found: list[Candidate] = []
        self._found.connect(self._consider)
        self._stopped = False
        self._poll: threading.Thread | None = None

    def start(self) -> None:
        """Begin watching sticks and drop folders."""
        if not self._stopped:
            self._timer.start()

    def stop(self) -> None:
        """The kiosk is closing: no more polls, and answers still on their way from the
        worker threads are dropped. Waits briefly for a poll in flight, so it never
        answers an object that is gone."""
        self._stopped = True
        self._timer.stop()
        if self._poll is not None:
            self._poll.join(timeout=2)

    def _answer(self, signal_name: str, *args: object) -> None:
        """Emit one of the private signals from a worker thread, unless the watcher has
        stopped. The kiosk may be closing meanwhile: then nobody waits for the answer."""
        if self._stopped:
            return
        with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
            getattr(self, signal_name).emit(*args)

    @QEnum
    class ApprovalReason(Enum):
        """Why the waiting package needs staff (the screen words it)."""

        Nothing = 0
        NotTrusted = 1
        NotNewer = 2

    @Property(int, notify=approvalChanged)
    def approvalReason(self) -> int:
        """An ``ApprovalReason``: why the package waiting for staff waits."""
        if self._approval is None:
            return self.ApprovalReason.Nothing.value
        if self._approval.reason is WhyApproval.NOT_NEWER:
            return self.ApprovalReason.NotNewer.value
        return self.ApprovalReason.NotTrusted.value

    @Property("QVariantMap", notify=approvalChanged)  # type: ignore[arg-type]  # a Qt type name
    def approvalTitle(self) -> dict[str, str]:
        """The waiting package's title by language (empty when nothing waits)."""
        return dict(self._approval.title) if self._approval else {}

    @Property(str, notify=approvalChanged)
    def approvalVersion(self) -> str:
        return self._approval.version if self._approval else ""

    def approve_waiting(self) -> bool:
        """Staff approved the waiting package (StaffAccess checked their PIN): it
        installs now. False when nothing waits any more."""
        if self._awaiting is None:
            return False
        candidate, self._awaiting = self._awaiting, None
        self._approval = None
        self.approvalChanged.emit()
        log.info("staff approved %s", candidate.path)
        self._start(candidate, approved=True)
        return True

    @Slot()
    def dismissApproval(self) -> None:
        """Staff decided not to install the waiting package."""
        if self._awaiting is not None:
            log.info("staff declined %s", self._awaiting.path)
        self._awaiting = None
        self._approval = None
        self.approvalChanged.emit()
        self._set_notice(self.Notice.Quiet)

    @Property(float, notify=progressChanged)
    def progress(self) -> float:
        """How far the copy of the package being installed is, 0 to 1."""
        return self._progress

    def _set_progress(self, value: float) -> None:
        self._progress = value
        self.progressChanged.emit()

    @Property(bool, notify=noticeChanged)
    def busy(self) -> bool:
        """True while a package is being installed."""
        return self._busy

    @Property(int, notify=noticeChanged)
    def notice(self) -> int:
        """A ``Notice``."""
        return int(self._notice.value)

    def _set_notice(self, notice: Notice) -> None:
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit()

    @Property(str, notify=noticeChanged)
    def lastResult(self) -> str:
        """What the last install did, in a sentence (for the staff panel)."""
        return self._last_result

    def found(self) -> list[Candidate]:
        """Package files on sticks and in drop folders as the last poll saw them (at most
        two seconds ago), newest first: the panel does not list mounts on the GUI thread."""
        return list(self._last_found)

    def install_now(self, path: Path) -> bool:
        """Staff chose this package in their panel (behind the PIN): install it as
        approved. False when another install is running."""
        if self._busy:
            return False
        try:
            stat = path.stat()
        except OSError as error:
            self._last_result = f"{path.name}: {error.strerror}"
            self._set_notice(self.Notice.Failed)
            self.noticeChanged.emit()
            return False
        candidate = Candidate(path, stat.st_size, stat.st_mtime)
        self._seen.add((str(path), candidate.size, candidate.modified))
        log.info("staff install %s from the panel", path)
        self._start(candidate, approved=True)
        return True

    def roots(self) -> list[Path]:
        """Drop folders and mounted removable volumes, as they are now."""
        return [*self._drop_folders, *self.sticks()]

    def sticks(self) -> list[Path]:
        """Mounted removable volumes, as they are now (not the drop folders): mounted where
        removable media are, and a stick or drive from outside by the kernel's account."""
        return [
            Path(volume.rootPath())
            for volume in QStorageInfo.mountedVolumes()
            if volume.isValid()
            and volume.isReady()
            and is_removable_mount(Path(volume.rootPath()))
            and is_removable_device(bytes(volume.device().data()).decode(errors="replace"))
        ]

    def verify_in_background(self, path: Path) -> threading.Thread:
        """Check every byte of the shown package without holding up the show."""

        def check() -> None:
            problems = self._installer.verify_installed(path)
            if problems:
                self._answer("_damaged", str(path))

        thread = threading.Thread(target=check, daemon=True, name="package-check")
        thread.start()
        return thread

    def _report_damage(self, path: str) -> None:
        log.error(
            "installed content %s is damaged; the content before it shows next",
            path,
            extra=notice(Notice.CONTENT_DAMAGED),
        )
        self._set_notice(self.Notice.Damaged)

    def _look_in_background(self) -> None:
        # Listing mounts asks every file system for its state (statfs), and a busy or
        # network one can take a while to answer: never on the GUI thread.
        if self._busy or (self._poll is not None and self._poll.is_alive()):
            return

        def look() -> None:
            try:
                found = find_packages(self.roots())
            except Exception:  # a supervision boundary: the next poll tries again
                log.exception("looking for packages failed")
                found = []
            self._answer("_found", found)

        self._poll = threading.Thread(target=look, daemon=True, name="package-poll")
        self._poll.start()

    def _consider(self, found: list[Candidate]) -> None:
        if found != self._last_found:
            self._last_found = found
            self.foundChanged.emit()
        now = time.time()
        settled = [
            candidate
            for candidate in found
            if self._last_poll.get(str(candidate.path)) == (candidate.size, candidate.modified)
            and (
                now - candidate.modified >= SETTLE_SECONDS
                or candidate.modified - now > CLOCK_SLACK_SECONDS
            )
        ]
        self._last_poll = {str(c.path): (c.size, c.modified) for c in found}
        self._install_first_new(settled)

    @Slot()
    def scan(self) -> None:
        """Look once, now; install the newest package not seen before (one at a time)."""
        self._install_first_new(find_packages(self.roots()))

    def _install_first_new(self, found: list[Candidate]) -> None:
        if self._busy:
            return
        for candidate in found:
            key = (str(candidate.path), candidate.size, candidate.modified)
            if key in self._seen:
                continue
            self._seen.add(key)
            self._start(candidate, approved=False)
            return

    def _start(self, candidate: Candidate, approved: bool) -> None:
        self._busy = True
        self._approved_run = approved
        self._set_progress(0.0)
        self._set_notice(self.Notice.Installing)
        threading.Thread(
            target=self._install, args=(candidate, approved), daemon=True, name="package-install"
        ).start()

    def _install(self, candidate: Candidate, approved: bool) -> None:
        # This thread only waits: the install runs in a child process, which neither takes
        # the GIL from the show nor can crash it (kiosk/install/child_process.py).
        result: InstallResult | None = None
        error: KioskError | None = None
        try:
            last = [0.0]

            def progress(done: int, total: int) -> None:
                part = done / total if total else 1.0
                if part - last[0] >= 0.02 or part >= 1.0:  # at most 50 updates
                    last[0] = part
                    self._answer("_progressed", part)

            result = install_in_child_process(
                self._installer, candidate.path, approved=approved, progress=progress
            )
        except KioskError as failure:
            error = failure
        except Exception as failure:  # a supervision boundary: report, never crash the show
            log.exception("installing %s failed", candidate.path)
            error = KioskError(f"unexpected error: {failure}")
        # Here, not on the GUI thread: a stick can take long to write, or hang as it is pulled.
        if not isinstance(error, PackageStillChangingError):  # nothing to say yet
            self._write_report(candidate, _report(candidate, result, error, self._kiosk_name))
        self._answer("_installDone", candidate, result, error)

    def _write_report(self, candidate: Candidate, lines: list[str]) -> None:
        folder = candidate.path.parent
        dropped = folder in self._drop_folders or folder.parent in self._drop_folders
        if dropped and self._report_folder is not None:
            # A synced folder the kiosk only receives: its report goes back another way.
            name = f"{self._kiosk_name or 'kiosk'}-report.txt"
            if write_report(self._report_folder, lines, name) is None:
                log.warning("could not write the install report to %s", self._report_folder)
            return
        write_report(folder, lines)

    def _finished(
        self, candidate: Candidate, result: InstallResult | None, error: KioskError | None
    ) -> None:
        self._busy = False
        if isinstance(error, PackageStillChangingError):
            # Not a failure: looked at again once two polls find it the same.
            log.info("%s is still being written; tried again once it stays the same",
                     candidate.path)  # fmt: skip
            self._seen.discard((str(candidate.path), candidate.size, candidate.modified))
            self._last_poll.pop(str(candidate.path), None)
            self._set_notice(self.Notice.Quiet)
            return
        if result is not None:
            self.installEnded.emit("installed")
            log.info("installed %s %s from %s", result.package_id, result.version, candidate.path)
            self._last_result = f"{result.package_id} {result.version} ({candidate.path.name})"
            self._set_notice(self.Notice.Ready)
            self.noticeChanged.emit()  # lastResult changed even if the notice did not
            self.packageInstalled.emit(str(result.path))
            if self._approved_run:
                self.packageApproved.emit(str(result.path))
            return
        approval = error if isinstance(error, NeedsStaffApproval) else None
        self.installEnded.emit("approval" if approval else "failed")
        if approval:  # not a problem: staff decide, on the screen
            log.info("waiting for staff: %s: %s", candidate.path, error)
        else:
            log.warning(
                "not installed: %s: %s",
                candidate.path,
                error,
                extra=notice(Notice.PACKAGE_NOT_INSTALLED, candidate.path.name),
            )
        self._last_result = f"{candidate.path.name}: {error}"
        if approval:
            self._awaiting = candidate
            self._approval = approval
            self.approvalChanged.emit()
        self._set_notice(self.Notice.Approval if approval else self.Notice.Failed)
        self.noticeChanged.emit()


def _report(
    candidate: Candidate,
    result: InstallResult | None,
    error: KioskError | None,
    kiosk_name: str = "",
) -> list[str]:
    """The lines of the report for staff (on the stick the package came from, or in the
    report folder), saying which kiosk and when."""
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    who = f"Kiosk {kiosk_name}, {when}:" if kiosk_name else f"{when}:"
    if result is not None:
        return [
            who,
            f"Installed {result.package_id} {result.version} ({candidate.path.name}).",
            "It shows when no visitor is using the screen.",
        ]
    return [
        who,
        f"Not installed: {candidate.path.name}",
        str(error),
        "The kiosk goes on showing the content it had.",
    ]
