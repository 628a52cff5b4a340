"""The composition root: config + package + media + bridge + QML engine, and the window.

Nothing else in the kiosk builds or wires these together, and nothing here runs on import.
Qt is imported here and in ``kiosk.bridge`` only.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6 import QtMultimedia, QtQuick  # noqa: F401  (types must be known before QML loads)
from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QCursor, QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine, QQmlEngine
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
from PySide6.QtQuickControls2 import QQuickStyle

from kiosk import trace
from kiosk.analytics.log import InteractionLog, log_path
from kiosk.bridge.accessibility import Accessibility, open_speech
from kiosk.bridge.chrome_translations import ChromeTranslations
from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.focus_keeper import FocusKeeper
from kiosk.bridge.input_guard import InputGuard
from kiosk.bridge.models import MediaUrls
from kiosk.bridge.package_watcher import PackageWatcher
from kiosk.bridge.staff_panel import StaffPanel
from kiosk.bridge.termination import TerminationWatch
from kiosk.bridge.video_frame_item import VideoFrameItem  # noqa: F401  (registers the QML type)
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.config import KioskConfig
from kiosk.content.demo import ensure_demo_package
from kiosk.content.package import ContentPackage, PackageContent
from kiosk.errors import KioskError
from kiosk.install.crash_guard import TRIAL_SECONDS, CrashGuard
from kiosk.install.installer import Installer
from kiosk.install.media_store import MediaStore
from kiosk.resources import demo_dir, ui_dir
from kiosk.session.accessibility import EXTENDED_TIME_FACTOR, reach_band
from kiosk.session.idle import IdleTimes
from kiosk.staff.kiosk_log import (
    attach_log_file,
    log_in_background,
    mark_running,
    mark_stopped,
)
from kiosk.staff.pin import PinGate, lock_file

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

# run_kiosk's exit code when staff asked for a restart: the command line starts it again.
EXIT_RESTART = 75

# How long --screenshot waits for pictures to load before it takes what is there.
SCREENSHOT_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class RunOptions:
    """How this run of the kiosk was asked for on the command line."""

    data_dir: Path
    package: Path | None = None
    windowed: bool = False
    screenshot: Path | None = None
    size: tuple[int, int] | None = None


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
    if options.screenshot and not _has_display():
        # A screenshot needs no screen: render offscreen when there is none.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Installed content is on trial while it is shown at a booth, not for a screenshot.
    guard = None if options.screenshot or options.package else CrashGuard(options.data_dir)
    installer = _installer_for(config, options.data_dir)
    package = ContentPackage.open(options.package or _installed_or_demo(installer, guard))
    trace.mark(
        "package_opened", package_id=package.content.package_id, version=package.content.version
    )
    try:
        media = _extract_media(package, options.data_dir)
        install_qt_log_handler()
        choose_renderer(config)
        app = QGuiApplication.instance() or QGuiApplication([])
        assert isinstance(app, QGuiApplication)
        interaction_log = _open_interaction_log(options.data_dir)
        kiosk = KioskUi(
            config,
            package.content,
            media,
            options.data_dir / "cache",
            interaction_log=interaction_log,
            # No watching for new content while only taking a screenshot.
            installer=None if options.screenshot else installer,
            kiosk_mode=not (options.windowed or options.screenshot),
            crash_guard=guard,
        )
        try:
            kiosk.show(options)
            if options.screenshot:
                kiosk.session.touched()  # the home screen, not the attract loop
                return kiosk.save_screenshot(options.screenshot)
            log.info("showing %s %s", package.content.package_id, package.content.version)
            kiosk.start_trial()
            termination = TerminationWatch(app)
            try:
                code = app.exec()
            finally:
                termination.stop()
            if guard is not None:
                guard.passed()  # a clean stop: whatever was shown did not bring the kiosk down
            return EXIT_RESTART if kiosk.restart_requested else code
        finally:
            kiosk.close()
            if interaction_log is not None:
                interaction_log.close()
    finally:
        package.close()


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
        )
        shown = fallback
    if guard is not None:
        guard.begin(shown.name if shown else "")
    return shown or ensure_demo_package(installer.data_dir)


def _installer_for(config: KioskConfig, data_dir: Path) -> Installer:
    from kiosk.content.signing import TrustedKey

    return Installer(data_dir, [TrustedKey.parse(line) for line in config.trusted_keys])


def _open_interaction_log(data_dir: Path) -> InteractionLog | None:
    """The interaction log; without it (read-only disk, say) the show goes on unlogged."""
    try:
        return InteractionLog(log_path(data_dir))
    except Exception:  # a supervision boundary: the exhibit matters more than its numbers
        log.exception("the interaction log could not be opened; visitors will not be counted")
        return None


def _has_display() -> bool:
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )


def _extract_media(package: ContentPackage, data_dir: Path) -> Mapping[str, Path]:
    try:
        return MediaStore(data_dir / "media").extract_all(package)
    except OSError as error:
        raise KioskError(
            f"cannot store the package's media in {data_dir}: {error.strerror or error}"
        ) from error


def choose_renderer(config: KioskConfig) -> None:
    """Pick Qt Quick's scene graph backend before any window exists (the config decides,
    QT_QUICK_BACKEND in the environment overrides it for experiments)."""
    if os.environ.get("QT_QUICK_BACKEND"):
        return
    if config.display.renderer == "software":
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)


# Qt warnings that are expected on a kiosk, kept at INFO so that the staff panel's "recent
# problems" (the log's warnings) shows the problems that are real.
_EXPECTED_QT_WARNINGS = (
    # Video frames are converted on the CPU on purpose (docs/decisions/0004).
    "No RHI backend. Using CPU conversion.",
    # A visitor left a corner before its video had opened.
    "FFmpeg error description: Immediate exit requested",
)
# Qt warnings staff can act on, in their words.
_QT_WARNINGS_IN_WORDS = {
    "pa_context_connect() failed": "no sound server is running: videos play without sound",
    "No audio device detected": "no audio output was found: videos play without sound",
}


def qt_message_for_log(level: int, message: str) -> tuple[int, str]:
    """The level and words with which a Qt message goes into the kiosk's log."""
    if level == logging.WARNING:
        if any(expected in message for expected in _EXPECTED_QT_WARNINGS):
            return logging.INFO, message
        for qt_words, words in _QT_WARNINGS_IN_WORDS.items():
            if qt_words in message:
                return logging.WARNING, f"{words} (Qt: {message})"
    return level, message


def install_qt_log_handler() -> None:
    """Send Qt's and QML's messages to Python logging, so a binding error is never silent."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        level, words = qt_message_for_log(levels.get(kind, logging.WARNING), message)
        qt_log.log(level, "%s%s", words, where)

    qInstallMessageHandler(handler)


def load_fonts(content: PackageContent, media: Mapping[str, Path]) -> str:
    """Load the package's fonts (else the demo's) and make the first the default; its family."""
    files = [media[item.sha256] for item in content.fonts if item.sha256 in media]
    if not files:
        files = sorted((demo_dir() / "media" / "fonts").glob("*.woff2"))
    family = ""
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the font %s", path.name)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        font = QFont(family)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        QGuiApplication.setFont(font)
    else:
        log.warning("no font with Korean glyphs could be loaded; Hangul may not show")
    return family


class KioskUi(QObject):
    """The QML engine and window showing one package."""

    def __init__(
        self,
        config: KioskConfig,
        content: PackageContent,
        media: Mapping[str, Path],
        cache_dir: Path,
        interaction_log: InteractionLog | None = None,
        clock: Callable[[], float] = time.monotonic,
        installer: Installer | None = None,
        kiosk_mode: bool = False,
        exit_app: Callable[[int], None] = QGuiApplication.exit,
        crash_guard: CrashGuard | None = None,
    ) -> None:
        super().__init__()
        self.restart_requested = False
        self._crash_guard = crash_guard
        # A package is on trial until it has been shown this long (kiosk/install/crash_guard.py).
        self._trial = QTimer(self, singleShot=True, interval=int(TRIAL_SECONDS * 1000))
        if crash_guard is not None:
            self._trial.timeout.connect(crash_guard.passed)
        self._exit_app = exit_app
        self._package: ContentPackage | None = None  # one switched in after an install
        self._waiting_package: str | None = None
        QQuickStyle.setStyle("Basic")  # the same look in tests and at the booth
        self.config = config
        family = load_fonts(content, media)
        # Neither is a child of this object: close() must destroy the engine (and the QML
        # bound to the exhibit) first, and the exhibit after it.
        urls = MediaUrls(media)
        self.exhibit = Exhibit(content, urls, family)
        times = IdleTimes(config.session.idle_seconds, config.session.warning_seconds)
        self.session = VisitorSession(
            self.exhibit, content, urls, times, interaction_log, clock=clock
        )
        band = reach_band(
            config.accessibility.screen_bottom_cm, config.accessibility.screen_height_cm
        )
        self.accessibility = Accessibility(band, open_speech(config.accessibility.speech_engine))
        self.engine = QQmlApplicationEngine()
        # A parentless object handed to QML would be QML's to collect.
        for shared in (self.exhibit, self.session, self.accessibility):
            QQmlEngine.setObjectOwnership(shared, QQmlEngine.ObjectOwnership.CppOwnership)
        self.engine.addImportPath(str(ui_dir()))
        self.engine.setInitialProperties(
            {
                "exhibit": self.exhibit,
                "session": self.session,
                "accessibility": self.accessibility,
                "rotation": config.display.rotation,
            }
        )
        self.chrome = ChromeTranslations(self.engine, ui_dir() / "i18n", cache_dir, self)
        self.chrome.use(self.exhibit.property("language"))
        self.exhibit.languageChanged.connect(
            lambda: self.chrome.use(self.exhibit.property("language"))
        )
        self.engine.load(str(ui_dir() / "Main.qml"))
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError("the kiosk's QML did not load (see the log above)")
        self.window: QQuickWindow = roots[0]
        trace.mark("qml_loaded")
        self._wire_accessibility()
        self.watcher = None
        self.installer = installer
        gate = PinGate(config.staff_pin_hash, clock, lock_file(cache_dir.parent))
        if installer is not None:
            installer.remove_unused_media(set(content.media))
            self.watcher = PackageWatcher(installer, list(config.drop_folders), gate, self)
            self.watcher.packageInstalled.connect(self._package_installed)
            self.watcher.packageApproved.connect(self._show_now)
            self.session.sessionEnded.connect(self._switch_if_waiting)
            self.window.setProperty("packageWatcher", self.watcher)
            shown, _previous = installer.installed()
            if shown is not None:
                self.watcher.verify_in_background(shown)
        self.staff = self._make_staff_panel(gate, cache_dir.parent, clock)
        self._input_guard = InputGuard(
            self.window,
            self.session,
            self.accessibility,
            self.staff,
            config.staff,
            kiosk_mode,
            clock,
        )
        if trace.enabled():
            self._trace_frames()

    def _make_staff_panel(
        self, gate: PinGate, data_dir: Path, clock: Callable[[], float]
    ) -> StaffPanel:
        """The staff panel, wired to what only the application can do."""
        exhibit = self.exhibit

        def corner_titles() -> dict[str, str]:
            corners = exhibit.content.corners
            return {corner.corner_id: corner.title.get("ko") for corner in corners}

        staff = StaffPanel(
            self.installer.data_dir if self.installer else data_dir,
            gate,
            self.config.staff.panel_idle_seconds,
            corner_titles,
            self.installer,
            self.watcher,
            clock,
            self,
        )
        QQmlEngine.setObjectOwnership(staff, QQmlEngine.ObjectOwnership.CppOwnership)
        staff.attractRequested.connect(self.session.startAttract)
        staff.rolledBack.connect(self._show_now)
        staff.reloadRequested.connect(self._reload)
        staff.restartRequested.connect(self._restart)
        staff.quitRequested.connect(self._quit)
        self.window.setProperty("staff", staff)
        return staff

    def _reload(self) -> None:
        """Staff asked to read the content again (the installed package, else the demo)."""
        if self.installer is None:
            return
        path = self.installer.package_to_show()
        if path is not None:
            self._show_now(str(path))

    def _restart(self) -> None:
        self.restart_requested = True
        self._quit()

    def _quit(self) -> None:
        self._input_guard.close_allowed = True
        self._exit_app(0)

    def _wire_accessibility(self) -> None:
        """Modes reach the colours and the idle time; they end with the session."""
        access, exhibit, session = self.accessibility, self.exhibit, self.session
        access.set_announcement_target(self.window)
        access.set_language(exhibit.property("language"))
        self._focus_keeper = FocusKeeper(self.window, access)

        def modes_changed() -> None:
            exhibit.setHighContrast(access.property("highContrast"))
            session.extend_time(EXTENDED_TIME_FACTOR if access.modes.any_on else 1.0)

        access.modesChanged.connect(modes_changed)
        session.sessionEnded.connect(access.resetModes)
        exhibit.languageChanged.connect(lambda: access.set_language(exhibit.property("language")))

    def start_trial(self) -> None:
        """The content shown now passes its trial once it has been on screen a while."""
        if self._crash_guard is not None:
            self._trial.start()

    def _trace_frames(self) -> None:
        """Marks for the first frame, every tap, and the first frame of each new view."""
        pending: list[str] = ["first_frame"]

        def frame_swapped() -> None:
            while pending:
                trace.mark(pending.pop(0))

        self.window.frameSwapped.connect(frame_swapped)
        self.exhibit.cornerOpened.connect(lambda corner: pending.append("view_shown"))
        self.exhibit.wentHome.connect(lambda: pending.append("view_shown"))

    def _package_installed(self, path: str) -> None:
        """New content waits while a visitor is here, and shows at once otherwise."""
        self._waiting_package = path
        self.staff.set_waiting(Path(path).name)
        if not self.session.property("visitorPresent"):
            self._switch_if_waiting()

    def _show_now(self, path: str) -> None:
        """Staff approved it at the screen: show it at once, visitor or not."""
        self._waiting_package = path
        self._switch_if_waiting()

    def _switch_if_waiting(self) -> None:
        path, self._waiting_package = self._waiting_package, None
        if path is None:
            return
        self.staff.set_waiting("")
        try:
            package = ContentPackage.open(Path(path))
            media = MediaStore(Path(path).parent.parent / "media").extract_all(package)
        except (KioskError, OSError) as error:
            log.error("the new content could not be shown, keeping the old: %s", error)
            return
        if self._crash_guard is not None:
            self._crash_guard.begin(Path(path).name)
            self.start_trial()
        family = load_fonts(package.content, media)
        self.exhibit.show_content(package.content, media, family)
        self.session.show_content(package.content)
        if self._package is not None:
            self._package.close()
        self._package = package
        if self.installer is not None:
            self.installer.remove_unused_media(set(package.content.media))
        log.info("now showing %s %s", package.content.package_id, package.content.version)

    def close(self) -> None:
        """Tear down in the safe order: the watcher's threads, the window and engine, then
        the objects QML used."""
        if self.watcher is not None:
            self.watcher.stop()
        self.window.hide()
        shiboken6.delete(self.engine)
        shiboken6.delete(self.session)
        shiboken6.delete(self.exhibit)
        shiboken6.delete(self.accessibility)
        if self._package is not None:
            self._package.close()

    def show(self, options: RunOptions) -> None:
        """Fullscreen on the configured screen, or a window for development and screenshots."""
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        screens = app.screens()
        index = self.config.display.screen
        screen = screens[index] if index < len(screens) else app.primaryScreen()
        if index >= len(screens):
            log.warning("screen %d not found (%d screens); using the primary", index, len(screens))
        self.window.setScreen(screen)
        if options.windowed or options.screenshot:
            width, height = options.size or self.config.display.windowed_size
            self.window.resize(width, height)
            self.window.show()
            return
        # Geometry first: without a window manager showFullScreen() alone keeps 640x480.
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def save_screenshot(self, path: Path) -> int:
        """Wait until the home screen's pictures are in, then save the window as ``path``."""
        # A local loop, not the application's: QGuiApplication.quit() would close the
        # window while it is still delivering its frame.
        loop = QEventLoop()
        timeout = QTimer(self)
        timeout.setSingleShot(True)
        timeout.timeout.connect(loop.quit)

        def check_ready() -> None:
            if self.window.property("homeReady"):
                # One more frame after ready, so what is ready is also drawn.
                self.window.frameSwapped.disconnect(check_ready)
                self.window.frameSwapped.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
            self.window.update()

        self.window.frameSwapped.connect(check_ready)
        timeout.start(SCREENSHOT_TIMEOUT_MS)
        self.window.update()
        loop.exec()
        if not timeout.isActive():
            log.warning(
                "the home screen was not ready after %d ms; saving it as it is",
                SCREENSHOT_TIMEOUT_MS,
            )
        timeout.stop()
        image = self.window.grabWindow()
        path.parent.mkdir(parents=True, exist_ok=True)
        if image.isNull() or not image.save(str(path)):
            raise KioskError(f"could not save the screenshot to {path}")
        log.info("screenshot saved to %s (%dx%d)", path, image.width(), image.height())
        return 0
