"""One run of the kiosk as a process: its log, which content to show (installed, else the
previous, else the built-in demo; a package that keeps crashing the kiosk set aside), the
Qt application, and the exit code. ``kiosk.composition`` builds what runs in it.

Nothing here runs on import. Qt is imported here, in ``kiosk.composition`` and in
``kiosk.bridge`` only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

from kiosk import trace
from kiosk.analytics.log import InteractionLog
from kiosk.bridge.curtain_keeper import CurtainHandover, CurtainKeeper
from kiosk.bridge.ffmpeg_log import quiet_ffmpeg
from kiosk.bridge.heap_trim import HeapTrimmer
from kiosk.bridge.qt_messages import QtMessagesThroughStderr
from kiosk.bridge.service_manager import ServiceManagerLink
from kiosk.bridge.termination import TerminationWatch
from kiosk.composition import KioskUi, WindowOptions, compose
from kiosk.config import KioskConfig
from kiosk.content.demo import ensure_demo_package
from kiosk.content.package import ContentPackage
from kiosk.content.signing import TrustedKey
from kiosk.curtain import curtain_is_up, lift_curtain
from kiosk.errors import KioskError
from kiosk.install.crash_guard import CrashGuard
from kiosk.install.installer import Installer
from kiosk.notices import Notice, attach_notices_file, notice
from kiosk.paths import DataPaths
from kiosk.staff.kiosk_log import (
    attach_log_file,
    log_in_background,
    mark_running,
    mark_stopped,
)

log = logging.getLogger(__name__)

# run_kiosk's exit code when staff asked for a restart: the command line starts it again.
EXIT_RESTART = 75


@dataclass(frozen=True)
class RunOptions:
    """How this run of the kiosk was asked for on the command line."""

    data_dir: Path
    package: Path | None = None
    windowed: bool = False
    screenshot: Path | None = None
    size: tuple[int, int] | None = None
    # The config file's version as read (kiosk.curtain.config_stamp), for the curtain.
    config_stamp: str = ""


def run_kiosk(config: KioskConfig, options: RunOptions) -> int:
    """Run the kiosk until it is closed (or the screenshot is saved); the exit code."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if options.screenshot:
        return _run(config, options)
    # A log line that cannot be written (a full disk) is dropped, not printed to stderr
    # with a traceback: the show goes on, and the disk is named by `status` and `doctor`.
    logging.raiseExceptions = False
    attach_log_file(options.data_dir)
    attach_notices_file(options.data_dir)
    background_log = log_in_background()
    mark_running(options.data_dir)
    try:
        return _run(config, options)
    finally:
        mark_stopped(options.data_dir)
        log.info("the kiosk stopped")
        background_log.stop()  # writes what is still queued


def _run(config: KioskConfig, options: RunOptions) -> int:
    """run_kiosk once its logging is in place."""
    if options.screenshot and not has_display():
        # A screenshot needs no screen: render offscreen when there is none.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Installed content is on trial while it is shown at a booth, not for a screenshot.
    guard = None if options.screenshot or options.package else CrashGuard(options.data_dir)
    installer = _installer_for(config, options.data_dir)
    package = ContentPackage.open(options.package or _installed_or_demo(installer, guard))
    trace.mark(
        "package_opened", package_id=package.content.package_id, version=package.content.version
    )
    qt_messages = QtMessagesThroughStderr()
    try:
        media = _extract_media(package, installer)
        qt_messages.start()
        choose_renderer(config)
        app = QGuiApplication.instance() or QGuiApplication([])
        assert isinstance(app, QGuiApplication)
        # From here a SIGTERM ends the kiosk cleanly, even one that comes while it starts.
        termination = TerminationWatch(app)
        try:
            return _show(config, options, app, package, media, installer, guard, termination)
        finally:
            termination.stop()
    finally:
        package.close()
        qt_messages.stop()


def _show(
    config: KioskConfig,
    options: RunOptions,
    app: QGuiApplication,
    package: ContentPackage,
    media: Mapping[str, Path],
    installer: Installer,
    guard: CrashGuard | None,
    termination: TerminationWatch,
) -> int:
    """Compose the kiosk on ``package`` and show it until it is asked to stop."""
    quiet_ffmpeg()  # before the window opens any media
    interaction_log = _open_interaction_log(installer.paths)
    kiosk = compose(
        config,
        installer.paths,
        package.content,
        media,
        installer=installer,
        # No watching for new content while only taking a screenshot.
        watching=not options.screenshot,
        interaction_log=interaction_log,
        crash_guard=guard,
        kiosk_mode=not (options.windowed or options.screenshot),
    )
    keeper: CurtainKeeper | None = None
    try:
        windowed = options.windowed or options.screenshot is not None
        window_options = WindowOptions(windowed=windowed, size=options.size)
        # Only a plain run raises a curtain (kiosk/curtain.py): never a window or a screenshot.
        if curtain_is_up():
            log.info("the show's kept first frame is on screen; the kiosk loads behind it")
            CurtainHandover(kiosk.window, lambda: kiosk.show(window_options))
        else:
            kiosk.show(window_options)
        # The booth's own content at the booth's screen: its first frame is the next
        # start's curtain.
        if not windowed and options.package is None:
            keeper = CurtainKeeper(
                kiosk.window, installer.paths, kiosk.staff.pages.hours, options.config_stamp
            )
        if options.screenshot:
            kiosk.session.touched()  # the home screen, not the attract loop
            return kiosk.save_screenshot(options.screenshot)
        showing = f"showing {package.content.package_id} {package.content.version}"
        log.info("%s", showing)
        kiosk.start()
        # What the start and each session freed goes back to the system once settled.
        trimmer = HeapTrimmer(kiosk.engine, kiosk.window)
        kiosk.session.sessionEnded.connect(trimmer.after_session)
        trimmer.after_start()
        service_manager = ServiceManagerLink(kiosk.window)
        service_manager.start(showing)
        metrics = _start_metrics(config, kiosk, service_manager)
        # Asked to stop before the event loop ran: Qt would ignore the request, so it is
        # not started at all.
        try:
            code = 0 if termination.requested else app.exec()
        finally:
            if metrics is not None:
                metrics.stop()
        service_manager.stopping()
        if guard is not None:
            guard.passed()  # a clean stop: whatever was shown did not bring the kiosk down
        return EXIT_RESTART if kiosk.restart_requested else code
    finally:
        lift_curtain()
        kiosk.close()
        if keeper is not None:
            keeper.wait()
        if interaction_log is not None:
            interaction_log.close()


def _start_metrics(
    config: KioskConfig, kiosk: KioskUi, service_manager: ServiceManagerLink
) -> _Stoppable | None:
    """The kiosk's health for Prometheus, if the config asks for it. A port already taken
    or a file that cannot be written is told in the log: the show goes on without."""
    settings = config.metrics
    if not settings.listen and settings.textfile is None:
        return None
    # Here, not at the top: a kiosk without metrics never pays for prometheus-client.
    from kiosk.bridge.health import HealthReporter
    from kiosk.health_metrics import KioskHealth, MetricsExport

    health = KioskHealth(config.name(), kiosk.paths.root)
    reporter = HealthReporter(
        health, kiosk.exhibit, kiosk.session, kiosk.watcher, kiosk.staff.pages.hours,
        kiosk.installer.trusted_keys, kiosk.window,
    )  # fmt: skip
    try:
        export = MetricsExport(
            health, kiosk.paths.interaction_log, settings.listen, settings.textfile,
            settings.textfile_seconds,
        )  # fmt: skip
    except KioskError as error:
        log.warning("%s; the kiosk goes on without its metrics", error)
        return None
    reporter.start(kiosk.window, service_manager)

    class Running:
        def stop(self) -> None:
            reporter.stop()
            export.stop()

    return Running()


class _Stoppable(Protocol):
    def stop(self) -> None: ...


def _installed_or_demo(installer: Installer, guard: CrashGuard | None) -> Path:
    """The installed package (falling back to the previous one), else the built-in demo.
    A package that brought the kiosk down soon after it was shown, time after time, is set
    aside first, and the one before it shown instead."""
    installer.recover()
    shown = installer.package_to_show()
    while shown is not None and guard is not None and guard.should_set_aside(shown.name):
        installer.set_aside(shown)
        fallback = installer.package_to_show()
        log.error(
            "%s stopped the kiosk %d times in a row soon after it was shown: it is set aside, "
            "and %s shows instead. Check the package, then install it again.",
            shown.name,
            guard.failures(shown.name),
            fallback.name if fallback else "the built-in demo",
            extra=notice(Notice.CONTENT_SET_ASIDE, shown.name),
        )
        shown = fallback
    if guard is not None:
        guard.begin(shown.name if shown else "")
    return shown or ensure_demo_package(installer.data_dir)


def _installer_for(config: KioskConfig, data_dir: Path) -> Installer:
    return Installer(data_dir, [TrustedKey.parse(line) for line in config.trusted_keys])


def _open_interaction_log(paths: DataPaths) -> InteractionLog | None:
    """The interaction log; without it (read-only disk, say) the show goes on unlogged."""
    try:
        return InteractionLog(paths.interaction_log)
    except Exception:  # a supervision boundary: the exhibit matters more than its numbers
        log.exception(
            "the interaction log could not be opened; visitors will not be counted",
            extra=notice(Notice.VISITORS_NOT_COUNTED),
        )
        return None


def has_display() -> bool:
    """A screen Qt can open a window on (or a platform chosen by hand)."""
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )


def _extract_media(package: ContentPackage, installer: Installer) -> Mapping[str, Path]:
    try:
        return installer.media.extract_all(package)
    except OSError as error:
        raise KioskError(
            f"cannot store the package's media in {installer.data_dir}: {error.strerror or error}"
        ) from error


def choose_renderer(config: KioskConfig) -> None:
    """Pick Qt Quick's scene graph backend before any window exists (the config decides,
    QT_QUICK_BACKEND in the environment overrides it for experiments)."""
    # Qt's threaded render loop would call the kiosk's Python items (the video's frames)
    # on its render thread; a grab of the window from Python (the curtain, screenshots)
    # holds the interpreter while it waits for that thread, and the two wait forever.
    # One window, synced on the GUI thread, loses nothing by it.
    os.environ.setdefault("QSG_RENDER_LOOP", "basic")
    if os.environ.get("QT_QUICK_BACKEND"):
        return
    if config.display.renderer == "software":
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
