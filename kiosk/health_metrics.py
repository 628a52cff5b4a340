"""The kiosk's health as Prometheus metrics, for the dashboard an exhibit team already runs:
served at ``/metrics`` on a configured local address, or written for node_exporter's
textfile collector (``metrics`` in the config; off by default). prometheus-client writes
the exposition format; this module only says what is measured.

Every metric carries the kiosk's name (``kiosk``), so a hall's screens tell apart on one
dashboard; ``config/prometheus/`` has the scrape config and the alert rules. The figures
come from a ``KioskHealth`` the running kiosk keeps current (``kiosk.bridge.health``) and,
at each scrape, from the interaction log and the data folder's disk.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from prometheus_client import CollectorRegistry, start_http_server, write_to_textfile
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    InfoMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from kiosk import __version__
from kiosk.config import parse_listen
from kiosk.errors import ConfigError

log = logging.getLogger(__name__)


@dataclass
class ShownPackage:
    """The content on screen, as metrics name it."""

    package_id: str
    version: str
    digest: str
    signer: str  # the trusted key's id when its signature verifies, else ""


@dataclass
class KioskHealth:
    """What the running kiosk knows about itself; the GUI thread writes it, a scrape
    reads it (each field is one value: a read sees the old or the new, never half)."""

    kiosk: str
    data_dir: Path
    started_at: float = field(default_factory=time.time)
    shown: ShownPackage | None = None
    last_install_at: float | None = None
    last_install_result: str = ""  # installed | failed | approval
    installs: dict[str, int] = field(default_factory=dict)
    video_errors: int = 0
    late_beats: int = 0
    last_frame_at: float | None = None
    screen_on: bool = True
    open_now: bool = True
    watchdog: bool = False
    last_watchdog_ping_at: float | None = None

    def installed(self, result: str) -> None:
        """An install ended: ``installed``, ``failed`` or ``approval`` (waits for staff)."""
        self.last_install_at = time.time()
        self.last_install_result = result
        self.installs = {**self.installs, result: self.installs.get(result, 0) + 1}


class HealthCollector(Collector):
    """The kiosk's metrics, gathered at each scrape."""

    def __init__(self, health: KioskHealth, log_file: Path) -> None:
        self._health = health
        self._log_file = log_file

    def _gauge(self, name: str, doc: str, value: float) -> GaugeMetricFamily:
        family = GaugeMetricFamily(name, doc, labels=["kiosk"])
        family.add_metric([self._health.kiosk], value)
        return family

    def collect(self) -> Iterator[Metric]:
        health = self._health
        kiosk = [health.kiosk]
        gauge = self._gauge
        software = InfoMetricFamily("kiosk_software", "The kiosk software.", labels=["kiosk"])
        software.add_metric(kiosk, {"version": __version__})
        yield software
        yield gauge("kiosk_up_since_seconds", "When the kiosk started (Unix time).",
                    health.started_at)  # fmt: skip
        content = InfoMetricFamily(
            "kiosk_content", "The content package on screen.", labels=["kiosk"]
        )
        shown = health.shown
        if shown is not None:
            content.add_metric(kiosk, {"package_id": shown.package_id, "version": shown.version,
                                       "digest": shown.digest, "signer": shown.signer})  # fmt: skip
        yield content
        if health.last_install_at is not None:
            yield gauge("kiosk_last_install_timestamp_seconds",
                        "When the last install of new content ended.",
                        health.last_install_at)  # fmt: skip
            yield gauge("kiosk_last_install_success",
                        "1 when the last install put new content in, else 0.",
                        1.0 if health.last_install_result == "installed" else 0.0)  # fmt: skip
        installs = CounterMetricFamily("kiosk_installs", "Installs of new content, by result.",
                                       labels=["kiosk", "result"])  # fmt: skip
        for result in ("installed", "failed", "approval"):
            installs.add_metric([health.kiosk, result], health.installs.get(result, 0))
        yield installs
        videos = CounterMetricFamily("kiosk_video_errors", "Videos that could not be played.",
                                     labels=["kiosk"])  # fmt: skip
        videos.add_metric(kiosk, health.video_errors)
        yield videos
        late = CounterMetricFamily(
            "kiosk_gui_late_beats",
            "Times the GUI thread answered its 100 ms beat more than a frame (17 ms) late.",
            labels=["kiosk"],
        )
        late.add_metric(kiosk, health.late_beats)
        yield late
        if health.last_frame_at is not None:
            yield gauge("kiosk_last_frame_timestamp_seconds",
                        "When the kiosk last drew a frame.", health.last_frame_at)  # fmt: skip
        yield gauge("kiosk_screen_on", "1 while the picture is on (opening hours, staff).",
                    1.0 if health.screen_on else 0.0)  # fmt: skip
        yield gauge("kiosk_open", "1 within the opening hours.", 1.0 if health.open_now else 0.0)
        yield gauge("kiosk_watchdog_enabled", "1 when systemd's watchdog watches the kiosk.",
                    1.0 if health.watchdog else 0.0)  # fmt: skip
        if health.last_watchdog_ping_at is not None:
            yield gauge("kiosk_watchdog_last_ping_timestamp_seconds",
                        "When the GUI thread last told the watchdog it turns.",
                        health.last_watchdog_ping_at)  # fmt: skip
        resident = _resident_bytes()
        if resident is not None:
            yield gauge("kiosk_resident_memory_bytes", "The kiosk process's resident memory.",
                        resident)  # fmt: skip
        yield from self._disk()
        yield from self._visitors(kiosk)

    def _disk(self) -> Iterator[Metric]:
        try:
            usage = shutil.disk_usage(self._health.data_dir)
        except OSError:
            return
        gauge = self._gauge
        yield gauge("kiosk_data_free_bytes", "Free space where the kiosk keeps its data.",
                    usage.free)  # fmt: skip
        yield gauge("kiosk_data_size_bytes", "The size of the disk the kiosk keeps its data on.",
                    usage.total)  # fmt: skip

    def _visitors(self, kiosk: list[str]) -> Iterator[Metric]:
        from kiosk.analytics.stats import summarize
        from kiosk.errors import KioskError

        try:
            today = summarize(self._log_file, date.today())
        except KioskError:
            return  # no visitor yet: no log
        except Exception:  # a scrape must answer with what it has
            log.exception("today's visitor numbers could not be read for the metrics")
            return
        sessions = GaugeMetricFamily("kiosk_sessions_today", "Visitor sessions today.",
                                     labels=["kiosk"])  # fmt: skip
        sessions.add_metric(kiosk, today.sessions)
        yield sessions
        visits = GaugeMetricFamily("kiosk_corner_visits_today", "Corner visits today.",
                                   labels=["kiosk", "corner"])  # fmt: skip
        for corner, count in sorted(today.corner_visits.items()):
            visits.add_metric([*kiosk, corner], count)
        yield visits


def _resident_bytes() -> float | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class MetricsExport:
    """The metrics served on ``listen`` and/or written to ``textfile`` every ``every``
    seconds, until ``stop()``."""

    def __init__(
        self,
        health: KioskHealth,
        log_file: Path,
        listen: str = "",
        textfile: Path | None = None,
        every: float = 30.0,
    ) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.registry.register(HealthCollector(health, log_file))
        self._server = None
        self._stopped = threading.Event()
        self._writer: threading.Thread | None = None
        if listen:
            host, port = parse_listen(listen)
            try:
                self._server, _thread = start_http_server(port, host, registry=self.registry)
            except OSError as error:
                raise ConfigError(
                    f"metrics.listen: cannot serve metrics on {listen}: {error.strerror}"
                ) from error
            log.info("metrics served at http://%s/metrics", listen)
        if textfile is not None:
            self._writer = threading.Thread(
                target=self._write_every, args=(textfile, every), daemon=True,
                name="metrics-textfile",
            )  # fmt: skip
            self._writer.start()

    def _write_every(self, path: Path, every: float) -> None:
        while True:
            try:
                # Written beside and renamed: node_exporter never reads half a file.
                write_to_textfile(str(path), self.registry)
            except OSError as error:
                log.warning("could not write the metrics to %s: %s", path, error.strerror)
            if self._stopped.wait(every):
                return

    def stop(self) -> None:
        self._stopped.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._writer is not None:
            self._writer.join(timeout=5)
