"""Keeps the kiosk's ``KioskHealth`` (``kiosk.health_metrics``) current from what the running
kiosk does: the content it shows, installs as they end, videos that cannot play, frames
drawn, the GUI thread's beat, the opening hours and the watchdog. Only a kiosk whose
config asks for metrics makes one (prometheus-client is not imported otherwise)."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtQuick import QQuickWindow

from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.opening_hours import OpeningHoursWatch
from kiosk.bridge.package_watcher import PackageWatcher
from kiosk.bridge.service_manager import ServiceManagerLink
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.content.signing import SignatureStanding, TrustedKey, signature_standing
from kiosk.health_metrics import KioskHealth, ShownPackage

# The GUI thread's beat: a timer this often, late by more than a frame is a frame missed.
BEAT_MS = 100
FRAME_MS = 17


class HealthReporter(QObject):
    """Writes what it hears into ``health``; lives as long as the window."""

    def __init__(
        self,
        health: KioskHealth,
        exhibit: Exhibit,
        session: VisitorSession,
        watcher: PackageWatcher,
        hours: OpeningHoursWatch,
        trusted_keys: Sequence[TrustedKey],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._health = health
        self._exhibit = exhibit
        self._hours = hours
        self._trusted = list(trusted_keys)
        self._service: ServiceManagerLink | None = None
        exhibit.contentChanged.connect(self._content)
        watcher.installEnded.connect(health.installed)
        session.videoErrored.connect(self._video_error)
        hours.screenOnChanged.connect(self._hours_changed)
        hours.changed.connect(self._hours_changed)
        self._content()
        self._hours_changed()
        self._clock = QElapsedTimer()
        self._beat = QTimer(self, interval=BEAT_MS, timerType=Qt.TimerType.PreciseTimer)
        self._beat.timeout.connect(self._beaten)

    def start(self, window: QQuickWindow, service: ServiceManagerLink) -> None:
        """Count frames of ``window`` and beats of the GUI thread from now on."""
        self._service = service
        self._health.watchdog = service.watchdog
        # Direct: one assignment per frame, on whichever thread draws it.
        window.frameSwapped.connect(self._frame, Qt.ConnectionType.DirectConnection)
        self._clock.start()
        self._beat.start()

    def stop(self) -> None:
        self._beat.stop()

    def _frame(self) -> None:
        self._health.last_frame_at = time.time()

    def _beaten(self) -> None:
        elapsed = self._clock.restart()
        if elapsed > BEAT_MS + FRAME_MS:
            self._health.late_beats += 1
        if self._service is not None:
            self._health.last_watchdog_ping_at = self._service.last_ping

    def _video_error(self, _corner_id: str) -> None:
        self._health.video_errors += 1

    def _hours_changed(self) -> None:
        self._health.screen_on = bool(self._hours.property("screenOn"))
        self._health.open_now = self._hours.open_now

    def _content(self) -> None:
        content = self._exhibit.content
        standing = signature_standing(
            self._trusted, content.key_id, content.signature, content.manifest_digest
        )
        signer = content.key_id or "" if standing is SignatureStanding.SIGNED else ""
        self._health.shown = ShownPackage(
            content.package_id, content.version, content.manifest_digest, signer
        )
