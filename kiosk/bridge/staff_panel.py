"""The staff panel as QML sees it: the way in (hidden gesture or key, then the PIN), and
everything staff do during the expo, each backed by the same service as its command.

| panel                    | command                                   |
|--------------------------|-------------------------------------------|
| Status                   | ``gyeonggi-kiosk status``                 |
| Content: install, roll back | ``package install`` / ``package rollback`` |
| Today                    | ``stats summary --day``                   |
| Export                   | ``stats export --out DIR``                |
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.analytics.log import log_path
from kiosk.analytics.stats import DaySummary, summarize
from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.package_watcher import PackageWatcher
from kiosk.errors import KioskError
from kiosk.install.discovery import is_removable_mount
from kiosk.install.installer import Installer
from kiosk.safe_text import printable
from kiosk.staff.backlight import Backlight
from kiosk.staff.export import export_for_staff
from kiosk.staff.pin import PinGate
from kiosk.staff.status import PackageFacts, duration_words, kiosk_status, size_words

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "StaffPanel"]

log = logging.getLogger(__name__)


def _package_map(facts: PackageFacts | None) -> dict[str, str]:
    if facts is None:
        return {}
    # Control characters escaped: staff read what the package says, not what it hides.
    return {
        "title": printable(facts.title),
        "id": facts.package_id,
        "version": facts.version,
        "built": facts.built_at,
        "signer": facts.signer,
        "signature": facts.signature,
        "file": facts.file_name,
    }


@QmlElement
@QmlUncreatable("The staff panel is made by the application.")
class StaffPanel(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """The PIN-protected panel. ``clock`` is injectable so tests can run out the lockout."""

    pinPadOpenChanged = Signal()
    panelOpenChanged = Signal()
    figuresChanged = Signal()
    resultChanged = Signal()
    soundChanged = Signal()
    screenChanged = Signal()
    # For the application: what only it can do.
    attractRequested = Signal()
    reloadRequested = Signal()
    restartRequested = Signal()
    quitRequested = Signal()
    rolledBack = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        pin_gate: PinGate,
        idle_seconds: float,
        corner_titles: Callable[[], dict[str, str]],
        installer: Installer | None = None,
        watcher: PackageWatcher | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._gate = pin_gate
        self._titles = corner_titles
        self._installer = installer
        self._watcher = watcher
        self._clock = clock
        self._pin_pad_open = False
        self._panel_open = False
        self._result: dict[str, Any] = {}
        self._status: dict[str, Any] = {}
        self._today: dict[str, Any] = {}
        self._found: list[dict[str, Any]] = []
        self._waiting = ""
        self._volume = 1.0
        self._muted = False
        self._test_pattern = False
        self._backlight = Backlight.find()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(round(idle_seconds * 1000))
        self._idle.timeout.connect(self._closed_by_idle)

    # -- the way in

    @Property(bool, notify=pinPadOpenChanged)
    def pinPadOpen(self) -> bool:
        return self._pin_pad_open

    @Property(bool, notify=panelOpenChanged)
    def panelOpen(self) -> bool:
        return self._panel_open

    @Slot()
    def requestEntry(self) -> None:
        """The hidden gesture or the staff key: show the PIN pad."""
        if not self._panel_open and not self._pin_pad_open:
            log.info("staff PIN pad opened")
            self._pin_pad_open = True
            self.pinPadOpenChanged.emit()

    @Slot()
    def cancelEntry(self) -> None:
        if self._pin_pad_open:
            self._pin_pad_open = False
            self.pinPadOpenChanged.emit()

    @Property(int, notify=pinPadOpenChanged)
    def pinLockedSeconds(self) -> int:
        return round(self._gate.locked_for())

    @Slot(str, result=str)
    def enterPin(self, pin: str) -> str:
        """ "" when the PIN opens the panel; else "no-pin", "locked" or "wrong". Attempts
        are logged, never the PIN."""
        if not self._gate.configured:
            log.warning("staff PIN pad used, but no staff PIN is set on this kiosk")
            return "no-pin"
        if self._gate.locked_for() > 0:
            log.warning("staff PIN refused: locked for %d s", round(self._gate.locked_for()))
            return "locked"
        if not self._gate.check(pin):
            locked = self._gate.locked_for() > 0
            log.warning(
                "wrong staff PIN%s",
                f"; locked for {round(self._gate.locked_for())} s" if locked else "",
            )
            self.pinPadOpenChanged.emit()
            return "locked" if locked else "wrong"
        log.info("staff PIN accepted: staff panel opened")
        self._pin_pad_open = False
        self._panel_open = True
        self.refresh()
        self._idle.start()
        self.pinPadOpenChanged.emit()
        self.panelOpenChanged.emit()
        return ""

    @Slot()
    def close(self) -> None:
        """Close the panel (staff are done, or nobody touched it for a while)."""
        self._idle.stop()
        self.showTestPattern(False)
        if self._panel_open:
            log.info("staff panel closed")
            self._panel_open = False
            self.panelOpenChanged.emit()

    def activity(self) -> None:
        """A touch or key while the panel is open: it stays open a while longer."""
        if self._panel_open:
            self._idle.start()

    def _closed_by_idle(self) -> None:
        log.info(
            "staff panel closed itself after %d s without a touch", self._idle.interval() // 1000
        )
        self.close()

    # -- status

    @Property("QVariantMap", notify=figuresChanged)  # type: ignore[arg-type]  # Qt type name
    def status(self) -> dict[str, Any]:
        """active, previous ({title, id, version, built, signer, file} or {}), free, uptime,
        version, problems."""
        return self._status

    @Slot()
    def refresh(self) -> None:
        """Read everything the pages show again."""
        trusted = self._installer.trusted_keys if self._installer else []
        status = kiosk_status(self._data_dir, trusted_keys=trusted)
        self._status = {
            "active": _package_map(status.active),
            "previous": _package_map(status.previous),
            "free": size_words(status.free_bytes) if status.free_bytes is not None else "",
            "uptime": duration_words(status.uptime_seconds) if status.uptime_seconds else "",
            "version": status.app_version,
            "problems": status.problems,
        }
        self._today = self._figures()
        self._found = [
            {"path": str(c.path), "name": c.path.name, "size": size_words(c.size)}
            for c in (self._watcher.found() if self._watcher else [])
        ]
        self.figuresChanged.emit()

    # -- today

    @Property("QVariantMap", notify=figuresChanged)  # type: ignore[arg-type]  # Qt type name
    def today(self) -> dict[str, Any]:
        """sessions, meanSeconds, hours (24 counts), busiestHour, corners [{id, title,
        visits, dwellSeconds, plays, completions}], languages [{language, share}]."""
        return self._today

    def _figures(self) -> dict[str, Any]:
        try:
            summary = summarize(log_path(self._data_dir), date.today())
        except KioskError:
            summary = None
        titles = self._titles()
        if summary is None:  # no visitor yet: every figure is zero
            summary = DaySummary(date.today().isoformat())
        hours = [summary.sessions_per_hour.get(hour, 0) for hour in range(24)]
        corners = [
            {
                "id": corner_id,
                "title": title,
                "visits": summary.corner_visits[corner_id],
                "dwellSeconds": round(summary.corner_dwell_seconds[corner_id]),
                "plays": summary.video_plays[corner_id],
                "completions": summary.video_completions[corner_id],
            }
            for corner_id, title in titles.items()
        ]
        return {
            "sessions": summary.sessions,
            "meanSeconds": round(summary.mean_session_seconds),
            "hours": hours,
            "busiestHour": max(hours),
            "corners": corners,
            # Korean first, then by share.
            "languages": [
                {"language": lang, "share": round(share, 3)}
                for lang, share in sorted(
                    summary.language_share().items(), key=lambda item: (item[0] != "ko", -item[1])
                )
            ],
        }

    # -- content

    @Property(list, notify=figuresChanged)
    def foundPackages(self) -> list[dict[str, Any]]:
        """Package files on sticks and in drop folders: {path, name, size}."""
        return self._found

    @Property(str, notify=figuresChanged)
    def waitingPackage(self) -> str:
        """New content installed and waiting for the visitor to finish ("" when none)."""
        return self._waiting

    def set_waiting(self, name: str) -> None:
        if name != self._waiting:
            self._waiting = name
            self.figuresChanged.emit()

    @Slot(str)
    def installPackage(self, path: str) -> None:
        """Install a package staff picked (they are behind the PIN: no further approval)."""
        if self._watcher is None:
            self._set_result("install-failed", "this kiosk does not install packages")
        elif not self._watcher.install_now(Path(path)):
            self._set_result("install-busy", "")
        else:
            self._set_result("installing", Path(path).name)

    @Slot()
    def rollback(self) -> None:
        """Back to the previous package, shown at once (``package rollback``)."""
        if self._installer is None:
            self._set_result("rollback-failed", "this kiosk does not install packages")
            return
        try:
            path = self._installer.rollback()
        except KioskError as error:
            self._set_result("rollback-failed", str(error))
            return
        log.info("staff rolled back to %s", path.name)
        self.rolledBack.emit(str(path))
        self._set_result("rolled-back", path.name)
        self.refresh()

    # -- export

    @Slot()
    def exportStats(self) -> None:
        """Write today's and all stats and the recent log to the first USB stick found."""
        sticks = [root for root in (self._watcher.roots() if self._watcher else [])
                  if is_removable_mount(root)]  # fmt: skip
        if not sticks:
            self._set_result("no-stick", "")
            return
        # A stick that can be written to, if any (a read-only one says so when tried).
        writable = [stick for stick in sticks if os.access(stick, os.W_OK)]
        self.export_to((writable or sticks)[0])

    def export_to(self, destination: Path) -> list[Path]:
        """The export, to ``destination`` (the first stick, or a folder in tests)."""
        try:
            written = export_for_staff(self._data_dir, destination)
        except KioskError as error:
            self._set_result("export-failed", str(error))
            return []
        log.info("staff exported %d files to %s", len(written), written[0].parent)
        self._set_result(
            "exported", ", ".join(p.name for p in written), folder=str(written[0].parent)
        )
        return written

    # -- sound and screen

    @Property(float, notify=soundChanged)
    def masterVolume(self) -> float:
        """The kiosk's overall volume, 0 to 1 (0 when muted): every sound is scaled by it."""
        return 0.0 if self._muted else self._volume

    @Property(float, notify=soundChanged)
    def volumeSetting(self) -> float:
        return self._volume

    @Property(bool, notify=soundChanged)
    def muted(self) -> bool:
        return self._muted

    @Slot(float)
    def setVolume(self, volume: float) -> None:
        volume = min(1.0, max(0.0, round(volume, 2)))
        if volume != self._volume:
            self._volume = volume
            self.soundChanged.emit()

    @Slot(bool)
    def setMuted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self.soundChanged.emit()

    @Property(bool, notify=screenChanged)
    def testPattern(self) -> bool:
        return self._test_pattern

    @Slot(bool)
    def showTestPattern(self, shown: bool) -> None:
        if shown != self._test_pattern:
            self._test_pattern = shown
            self.screenChanged.emit()

    @Property(float, notify=screenChanged)
    def brightness(self) -> float:
        """0 to 1, or -1 when this display's brightness cannot be set by software."""
        if self._backlight is None:
            return -1.0
        try:
            return self._backlight.level()
        except (OSError, ValueError):
            return -1.0

    @Slot(float)
    def setBrightness(self, level: float) -> None:
        if self._backlight is not None:
            try:
                self._backlight.set_level(level)
            except OSError as error:
                log.warning("could not set the brightness: %s", error.strerror)
        self.screenChanged.emit()

    # -- the show

    @Slot()
    def startAttract(self) -> None:
        self.close()
        self.attractRequested.emit()

    @Slot()
    def reloadContent(self) -> None:
        self.reloadRequested.emit()
        self._set_result("reloaded", "")

    @Slot()
    def restartApp(self) -> None:
        log.info("staff restarted the kiosk")
        self.restartRequested.emit()

    @Slot()
    def quitToDesktop(self) -> None:
        log.info("staff quit the kiosk to the desktop")
        self.quitRequested.emit()

    # -- results

    @Property("QVariantMap", notify=resultChanged)  # type: ignore[arg-type]  # Qt type name
    def result(self) -> dict[str, Any]:
        """The last action's outcome: {kind, detail, folder?} (QML words it)."""
        return self._result

    def _set_result(self, kind: str, detail: str, **more: str) -> None:
        self._result = {"kind": kind, "detail": detail, **more}
        self.resultChanged.emit()
