"""The composition root: ``compose()`` builds every object of a running kiosk from the
config and one ``DataPaths``, wires them, and hands them to QML before it loads.

Nothing else builds or connects these objects, and nothing here reads, deletes or starts
anything: ``KioskUi.start()`` does that once the window shows. Qt is imported here, in
``kiosk.app`` and in ``kiosk.bridge`` only.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6 import QtMultimedia, QtQuick  # noqa: F401  (types must be known before QML loads)
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine, QQmlEngine
from PySide6.QtQuick import QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle

from kiosk import trace
from kiosk.analytics.log import InteractionLog
from kiosk.bridge.accessibility import Accessibility, open_speech
from kiosk.bridge.attract_announcer import AttractAnnouncer
from kiosk.bridge.chrome_translations import ChromeTranslations
from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.focus_keeper import FocusKeeper
from kiosk.bridge.fonts import load_fonts
from kiosk.bridge.headphones import Headphones
from kiosk.bridge.input_guard import InputGuard
from kiosk.bridge.models import MediaUrls
from kiosk.bridge.opening_hours import OpeningHoursWatch
from kiosk.bridge.package_watcher import POLL_MS, PackageWatcher
from kiosk.bridge.session_lifecycle import SessionLifecycle
from kiosk.bridge.shown_content import ShownContent
from kiosk.bridge.sound import Sound
from kiosk.bridge.staff.access import StaffAccess
from kiosk.bridge.staff.content_page import ContentPage
from kiosk.bridge.staff.export_page import ExportPage
from kiosk.bridge.staff.outcome import StaffOutcome
from kiosk.bridge.staff.room import StaffPages, StaffRoom
from kiosk.bridge.staff.screen_page import ScreenPage
from kiosk.bridge.staff.show_page import ShowPage
from kiosk.bridge.staff.status_page import StatusPage
from kiosk.bridge.staff.today_page import TodayPage
from kiosk.bridge.video_backdrop import VideoBackdrop  # noqa: F401  (registers the QML type)
from kiosk.bridge.video_frame_item import VideoFrameItem  # noqa: F401  (registers the QML type)
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.config import KioskConfig
from kiosk.content.package import PackageContent
from kiosk.errors import KioskError
from kiosk.install.content_switcher import ContentSwitcher
from kiosk.install.crash_guard import CrashGuard
from kiosk.install.installer import Installer
from kiosk.notices import Notice, notice
from kiosk.paths import DataPaths
from kiosk.resources import ui_dir
from kiosk.session.accessibility import EXTENDED_TIME_FACTOR, reach_band
from kiosk.session.idle import IdleTimes
from kiosk.session.opening_hours import OverrideFile
from kiosk.staff.backlight import Backlight
from kiosk.staff.display_power import DisplayPower
from kiosk.staff.pin import PinGate

log = logging.getLogger(__name__)

# How long a screenshot waits for pictures to load before it takes what is there.
SCREENSHOT_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class WindowOptions:
    """How the window shows: full screen at the booth, or a window of ``size``."""

    windowed: bool = False
    size: tuple[int, int] | None = None


@dataclass
class KioskUi:
    """A composed kiosk: its objects (each built by ``compose``), and what the running
    application does with them: show, start, take a screenshot, close."""

    config: KioskConfig
    paths: DataPaths
    engine: QQmlApplicationEngine
    window: QQuickWindow
    exhibit: Exhibit
    session: VisitorSession
    accessibility: Accessibility
    sound: Sound
    staff: StaffRoom
    watcher: PackageWatcher
    installer: Installer
    switcher: ContentSwitcher
    shown: ShownContent
    lifecycle: SessionLifecycle
    chrome: ChromeTranslations
    watching: bool
    # Kept so they live as long as the window: nothing asks for them after composing.
    keepers: tuple[QObject, ...] = ()
    restart_requested: bool = False
    exits: list[int] = field(default_factory=list)

    def show(self, options: WindowOptions) -> None:
        """Fullscreen on the configured screen, or a window for development and screenshots."""
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        screens = app.screens()
        index = self.config.display.screen
        screen = screens[index] if index < len(screens) else app.primaryScreen()
        if index >= len(screens):
            log.warning(
                "screen %d not found (%d screens); using the primary",
                index,
                len(screens),
                extra=notice(Notice.SCREEN_NOT_FOUND, str(index)),
            )
        self.window.setScreen(screen)
        if options.windowed:
            width, height = options.size or self.config.display.windowed_size
            self.window.resize(width, height)
            self.window.show()
            return
        # Geometry first: without a window manager showFullScreen() alone keeps 640x480.
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def let_the_window_close(self) -> None:
        """A window on a desk (the preview) closes like any other; the booth's never does."""
        for keeper in self.keepers:
            if isinstance(keeper, InputGuard):
                keeper.close_allowed = True

    def start(self) -> None:
        """The show is on: watch for new content, check the installed package in the
        background, tidy unused media, and start the content's trial."""
        if not self.watching:
            return
        self.installer.remove_unused_media(set(self.exhibit.content.media))
        shown, _previous = self.installer.installed()
        if shown is not None:
            self.watcher.verify_in_background(shown)
        self.watcher.start()
        self.staff.pages.hours.start()
        self.shown.start_trial()
        self.accessibility.get_headphones().watch()

    def save_screenshot(self, path: Path) -> int:
        """Wait until the home screen's pictures are in, then save the window as ``path``."""
        # A local loop, not the application's: QGuiApplication.quit() would close the
        # window while it is still delivering its frame.
        loop = QEventLoop()
        timeout = QTimer()
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

    def close(self) -> None:
        """Tear down in the safe order: the worker threads, the window and engine, then
        the objects QML used."""
        self.watcher.stop()
        for keeper in self.keepers:
            if isinstance(keeper, AttractAnnouncer):
                keeper.stop()  # before the voice it speaks with goes
        pages = self.staff.pages
        for page in (pages.status, pages.today, pages.export, pages.hours):
            page.stop()
        self.window.hide()
        self.chrome.stop()
        shiboken6.delete(self.engine)
        for shared in (self.staff, self.session, self.exhibit, self.accessibility, self.sound):
            shiboken6.delete(shared)
        self.shown.close()


def compose(
    config: KioskConfig,
    paths: DataPaths,
    content: PackageContent,
    media: Mapping[str, Path],
    *,
    installer: Installer,
    watching: bool = True,
    interaction_log: InteractionLog | None = None,
    crash_guard: CrashGuard | None = None,
    kiosk_mode: bool = False,
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], dt.datetime] = dt.datetime.now,
    exit_app: Callable[[int], None] = QGuiApplication.exit,
    poll_ms: int = POLL_MS,
) -> KioskUi:
    """Every object of a kiosk showing ``content`` (its media extracted to ``media``),
    wired and handed to QML. ``watching``: look for new content once started (not for a
    screenshot). ``clock`` (seconds), ``wall_clock`` (the local time of day, for the
    opening hours), ``exit_app`` and ``poll_ms`` are for tests."""
    QQuickStyle.setStyle("Basic")  # the same look in tests and at the booth
    family = load_fonts(content, media)

    # -- the visitor's side
    urls = MediaUrls(media)
    exhibit = Exhibit(content, urls, family)
    times = IdleTimes(config.session.idle_seconds, config.session.warning_seconds)
    session = VisitorSession(exhibit, content, urls, times, interaction_log, clock=clock)
    band = reach_band(config.accessibility.screen_bottom_cm, config.accessibility.screen_height_cm)
    headphones = Headphones(config.accessibility.default_volume, config.accessibility.max_volume)
    accessibility = Accessibility(
        band,
        open_speech(config.accessibility.speech_engine),
        default_volume=config.accessibility.default_volume,
        max_volume=config.accessibility.max_volume,
        repeat_key=config.accessibility.repeat_key,
        headphones=headphones,
    )
    sound = Sound()
    shown = ShownContent(exhibit, session, installer, crash_guard)

    # -- the staff's side
    gate = PinGate(config.staff_pin_hash, clock, paths.pin_lock)
    watcher = PackageWatcher(
        installer, list(config.drop_folders), poll_ms,
        report_folder=config.report_folder, kiosk_name=config.name(),
    )  # fmt: skip
    access = StaffAccess(
        gate, config.staff.panel_idle_seconds, watcher, config.staff.pad_idle_seconds
    )
    outcome = StaffOutcome()
    status = StatusPage(paths.root, installer.trusted_keys, config.name())
    screen = ScreenPage(Backlight.find())
    show = ShowPage(outcome)

    def corner_titles() -> dict[str, str]:
        return {corner.corner_id: corner.title.get("ko") for corner in exhibit.content.corners}

    content_page = ContentPage(watcher, installer, outcome, lambda: exhibit.content)
    today = TodayPage(paths.root, corner_titles)
    export = ExportPage(paths.root, lambda: watcher.sticks(), outcome, config.name())
    # Only a kiosk at its booth switches the display; a window on a desk leaves it be.
    hours = OpeningHoursWatch(
        config.schedule.opening_hours(),
        OverrideFile(paths.hours_override),
        DisplayPower() if kiosk_mode else None,
        now=wall_clock,
    )
    pages = StaffPages(
        access, outcome, status, content_page, today, export, sound, screen, show, hours
    )
    staff = StaffRoom(pages)

    # -- new content: installed → waiting → shown when quiet
    switcher = ContentSwitcher(
        lambda path: shown.show(path),
        lambda: session.visitor_present,
        content_page.set_waiting,
    )
    watcher.packageInstalled.connect(lambda path: switcher.installed(Path(path)))
    watcher.packageApproved.connect(lambda path: switcher.show_now(Path(path)))
    content_page.rolledBack.connect(lambda path: switcher.show_now(Path(path)))
    content_page.rolledBack.connect(status.refresh)  # what shows now, and before it

    # -- what a session's end resets, in order
    lifecycle = SessionLifecycle(session)
    lifecycle.at_session_end("home, in the first language", exhibit.reset_for_next_visitor)
    lifecycle.at_session_end("accessibility modes off", accessibility.end_session)
    lifecycle.at_session_end("headphones at the default volume", headphones.end_session)
    lifecycle.at_session_end("the staff PIN pad closed", access.close_pad)
    lifecycle.at_session_end("waiting content shown", switcher.quiet)

    # Where is the kiosk? In the attract loop, now and then, it says so.
    said = config.accessibility
    announcer = AttractAnnouncer(
        session,
        accessibility,
        sound,
        every_seconds=said.announce_every_seconds,
        volume=said.announce_volume,
        hours=said.announce_hours,
        texts=said.announcement,
    )

    # Modes reach the colours and the idle time.
    def modes_changed() -> None:
        exhibit.set_high_contrast(accessibility.modes.high_contrast)
        session.extend_time(EXTENDED_TIME_FACTOR if accessibility.modes.any_on else 1.0)

    accessibility.modesChanged.connect(modes_changed)
    accessibility.set_language(exhibit.content.default_language)
    exhibit.languageChanged.connect(lambda: accessibility.set_language(exhibit.current_language))

    # Staff pages read again as they open; the test pattern goes with the panel.
    def panel_opened() -> None:
        outcome.clear()
        for page in (status, today, content_page):
            page.refresh()

    access.panelOpened.connect(panel_opened)

    # Outside opening hours no session runs; staff at the panel get the picture back.
    session.set_closed(not hours.state.on)
    hours.screenOnChanged.connect(lambda: session.set_closed(not hours.state.on))

    def staff_present() -> None:
        hours.set_staff_present(bool(access.property("panelOpen") or access.property("pinPadOpen")))

    access.panelOpenChanged.connect(staff_present)
    access.padChanged.connect(staff_present)
    access.before_close(lambda: screen.set_test_pattern(False))
    show.attractRequested.connect(access.close)
    show.attractRequested.connect(session.startAttract)

    # -- QML
    engine = QQmlApplicationEngine()
    handed = {
        "exhibit": exhibit,
        "session": session,
        "accessibility": accessibility,
        "sound": sound,
        "staff": staff,
        "packageWatcher": watcher,
    }
    # Parentless objects handed to QML would be QML's to collect: they are ours.
    for shared in (*handed.values(), *pages.all()):
        QQmlEngine.setObjectOwnership(shared, QQmlEngine.ObjectOwnership.CppOwnership)
    engine.addImportPath(str(ui_dir()))
    engine.setInitialProperties({**handed, "rotation": config.display.rotation})
    chrome = ChromeTranslations(engine, ui_dir() / "i18n", paths.cache)
    chrome.use(exhibit.current_language)
    exhibit.languageChanged.connect(lambda: chrome.use(exhibit.current_language))
    engine.load(str(ui_dir() / "Main.qml"))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the kiosk's QML did not load (see the log above)")
    window: QQuickWindow = roots[0]
    trace.mark("qml_loaded")
    accessibility.set_announcement_target(window)

    ui = KioskUi(
        config=config,
        paths=paths,
        engine=engine,
        window=window,
        exhibit=exhibit,
        session=session,
        accessibility=accessibility,
        sound=sound,
        staff=staff,
        watcher=watcher,
        installer=installer,
        switcher=switcher,
        shown=shown,
        lifecycle=lifecycle,
        chrome=chrome,
        watching=watching,
    )

    # -- what only the application can do
    def reload() -> None:
        """Staff asked to read the content again (the installed package, else the demo)."""
        path = installer.package_to_show()
        if path is not None:
            switcher.show_now(path)

    def leave(code: int, restart: bool) -> None:
        ui.restart_requested = restart
        guard.close_allowed = True
        exit_app(code)

    show.reloadRequested.connect(reload)
    show.restartRequested.connect(lambda: leave(0, restart=True))
    show.quitRequested.connect(lambda: leave(0, restart=False))
    guard = InputGuard(window, session, accessibility, access, config.staff, kiosk_mode, clock)
    ui.keepers = (guard, FocusKeeper(window, accessibility), announcer)
    if trace.enabled():
        _trace_frames(window, exhibit)
    return ui


def _trace_frames(window: QQuickWindow, exhibit: Exhibit) -> None:
    """Marks for the first frame, every tap, and the first frame of each new view."""
    pending: list[str] = ["first_frame"]

    def frame_swapped() -> None:
        while pending:
            trace.mark(pending.pop(0))

    window.frameSwapped.connect(frame_swapped)
    exhibit.cornerOpened.connect(lambda corner: pending.append("view_shown"))
    exhibit.wentHome.connect(lambda: pending.append("view_shown"))
