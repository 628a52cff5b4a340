"""The kiosk's side of the curtain (kiosk/curtain.py): keeping a copy of the show's first
frame for the next start, and taking over from a curtain at this one.

Each time the attract loop has its first picture on screen, the keeper checks the kept
copy. If it is not of this content, on this screen, at this size, within these opening
hours, the keeper grabs the window once and writes the copy in a thread. So a kiosk that
was never started, or that was given new content, has its curtain by the end of its first
attract item, and a new one on each day it opens.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

from kiosk import trace
from kiosk.bridge.opening_hours import OpeningHoursWatch
from kiosk.curtain import forget_curtain, kept_curtain, lift_curtain, pointer_text, save_curtain
from kiosk.paths import DataPaths

log = logging.getLogger(__name__)


class CurtainKeeper(QObject):
    """Saves the window's first attract frame when the kept one no longer fits, and
    forgets it when the screen goes dark. ``hours``: the opening hours the screen follows
    (None: always on). ``config``: the ``config_stamp`` of the config this run read."""

    def __init__(
        self,
        window: QQuickWindow,
        paths: DataPaths,
        hours: OpeningHoursWatch | None = None,
        config: str = "",
    ) -> None:
        super().__init__(window)
        self._window = window
        self._paths = paths
        self._hours = hours
        self._config = config
        if hours is not None:
            hours.screenOnChanged.connect(self._screen_on_changed)
        self._waiting_for_frame = False
        self._saving: threading.Thread | None = None
        # Main.qml's own property: its change signal is found on the window by name.
        window.firstPictureReadyChanged.connect(self._ready_changed)  # type: ignore[attr-defined]
        # And the attract loop back after a dark spell, with its picture already shown.
        window.attractShownChanged.connect(self._ready_changed)  # type: ignore[attr-defined]
        window.frameSwapped.connect(self._frame_swapped, Qt.ConnectionType.QueuedConnection)
        self._ready_changed()

    @Slot()
    def _screen_on_changed(self) -> None:
        # Dark (closing time, or staff): a start now must not show the attract loop's
        # frame first. The loop's next first frame keeps a new copy.
        if self._hours is not None and not self._hours.screen_on:
            forget_curtain(self._paths)

    def _shows_until(self) -> float | None:
        return self._hours.unchanged_until() if self._hours is not None else None

    @Slot()
    def _ready_changed(self) -> None:
        # The picture is ready; the frame after this one shows it.
        self._waiting_for_frame = bool(self._window.property("firstPictureReady")) and bool(
            self._window.property("attractShown")
        )

    @Slot()
    def _frame_swapped(self) -> None:
        if not self._waiting_for_frame:
            return
        self._waiting_for_frame = False
        if not self._window.property("attractShown") or self._fits():
            return
        if self._saving is not None and self._saving.is_alive():
            return
        image = self._window.grabWindow()
        screen = self._window.screen()
        if image.isNull() or screen is None:
            return
        geometry = screen.geometry()
        where = (geometry.x(), geometry.y(), geometry.width(), geometry.height())
        name = screen.name()
        until = self._shows_until()

        def save() -> None:
            try:
                save_curtain(self._paths, image, name, where, until, self._config)
            except OSError as error:  # a full or read-only disk: the next start is slower
                log.warning("could not keep the first frame for the next start: %s", error)
                return
            log.info("kept the show's first frame for the next start")
            trace.mark("curtain_kept")

        self._saving = threading.Thread(target=save, name="curtain-keeper", daemon=True)
        self._saving.start()

    def _fits(self) -> bool:
        """Whether the kept copy is of what shows now, where it shows."""
        kept = kept_curtain(self._paths)
        screen = self._window.screen()
        if kept is None or screen is None:
            return False
        geometry = screen.geometry()
        ratio = self._window.effectiveDevicePixelRatio()
        return (
            kept.pointer == pointer_text(self._paths)
            and kept.still_shown(time.time())
            and kept.shows_until == self._shows_until()
            and kept.config == self._config
            and kept.screen == screen.name()
            and kept.geometry == (geometry.x(), geometry.y(), geometry.width(), geometry.height())
            and (kept.width, kept.height)
            == (round(self._window.width() * ratio), round(self._window.height() * ratio))
        )

    def wait(self) -> None:
        """Let a copy being written finish (the kiosk is stopping)."""
        if self._saving is not None:
            self._saving.join(timeout=10)


class CurtainHandover(QObject):
    """Behind a curtain, the kiosk's window shows once its first picture is ready (or
    after ``LATEST_MS`` whatever it has), and the curtain goes after the window's first
    frame: from the curtain's picture to the same picture, drawn by the kiosk."""

    LATEST_MS = 3000

    def __init__(self, window: QQuickWindow, show: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._show = show
        self._shown = False
        self._lifted = False
        window.firstPictureReadyChanged.connect(self._ready_changed)  # type: ignore[attr-defined]
        QTimer.singleShot(self.LATEST_MS, self, self._show_window)
        self._ready_changed()

    @Slot()
    def _ready_changed(self) -> None:
        if self._window.property("firstPictureReady"):
            self._show_window()

    @Slot()
    def _show_window(self) -> None:
        if self._shown:
            return
        self._shown = True
        self._window.frameSwapped.connect(self._lift, Qt.ConnectionType.QueuedConnection)
        self._show()

    @Slot()
    def _lift(self) -> None:
        # Queued: a second frame's call can be on its way before the first disconnects.
        if not self._lifted:
            self._lifted = True
            self._window.frameSwapped.disconnect(self._lift)
            lift_curtain()
