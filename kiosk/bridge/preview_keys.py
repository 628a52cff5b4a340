"""The live preview's keys: every view a visitor can get, at a keystroke, on the editor's
keyboard. The window's title lists them (outside the kiosk's picture), and they reach
this filter before the kiosk's own lock-down, which would drop them.

  Ctrl+L  next language            Ctrl+O  landscape / portrait
  Ctrl+1  low position             Ctrl+2  high contrast        Ctrl+3  large text
  Ctrl+Left / Ctrl+Right  previous / next corner (home between the last and the first)
  Ctrl+Up / Ctrl+Down     previous / next section page
  Ctrl+A  the attract loop now     Ctrl+W  the idle warning now
  Ctrl+T  touch targets and the reach band, shown or hidden
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge.accessibility import Accessibility
from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.preview_targets import TouchTargets
from kiosk.bridge.visitor_session import VisitorSession

KEYS_TITLE = (
    "Ctrl+L language · Ctrl+O orientation · Ctrl+1/2/3 low position, high contrast, "
    "large text · Ctrl+←/→ corners · Ctrl+↑/↓ pages · Ctrl+A attract · Ctrl+W idle warning · "
    "Ctrl+T touch targets"
)
_MODES = {Qt.Key.Key_1: "low_position", Qt.Key.Key_2: "high_contrast", Qt.Key.Key_3: "large_text"}


class PreviewKeys(QObject):
    """The preview window's event filter for the keys above."""

    def __init__(
        self,
        window: QQuickWindow,
        exhibit: Exhibit,
        session: VisitorSession,
        accessibility: Accessibility,
        find: Callable[[str], QQuickItem | None],
        targets: TouchTargets,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._exhibit = exhibit
        self._session = session
        self._accessibility = accessibility
        self._find = find
        self._targets = targets
        # Installed after the kiosk's own filter, so it hears keys first.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
            return False
        action = self._actions().get(Qt.Key(event.key()))
        if action is None:
            return False
        if not self._session.visitor_present:
            self._session.touched()  # a view of the exhibit, not the attract loop
        action()
        return True

    def _actions(self) -> dict[Qt.Key, Callable[[], None]]:
        actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_L: self._next_language,
            Qt.Key.Key_O: self._turn,
            Qt.Key.Key_Right: lambda: self._corner(+1),
            Qt.Key.Key_Left: lambda: self._corner(-1),
            Qt.Key.Key_Down: lambda: self._page(+1),
            Qt.Key.Key_Up: lambda: self._page(-1),
            Qt.Key.Key_A: self._session.startAttract,
            Qt.Key.Key_W: self._session.warn_now,
            Qt.Key.Key_T: lambda: self._targets.set_shown(not self._targets.property("shown")),
        }
        for key, mode in _MODES.items():
            actions[key] = lambda mode=mode: self._toggle(mode)  # type: ignore[misc]
        return actions

    def _next_language(self) -> None:
        languages = list(self._exhibit.content.languages)
        now = languages.index(self._exhibit.current_language)
        self._exhibit.set_language(languages[(now + 1) % len(languages)])

    def _turn(self) -> None:
        self._window.resize(self._window.height(), self._window.width())

    def _toggle(self, mode: str) -> None:
        self._accessibility.set_mode(mode, not getattr(self._accessibility.modes, mode))

    def _corner(self, step: int) -> None:
        ids = ["", *(corner.corner_id for corner in self._exhibit.content.corners)]
        now = ids.index(self._exhibit.open_corner_id)
        target = ids[(now + step) % len(ids)]
        self._exhibit.goHome()
        if target:
            self._exhibit.openCorner(target)

    def _page(self, step: int) -> None:
        pager = self._find("sectionPager")
        if pager is None or not self._exhibit.open_corner_id:
            return
        corner = next(
            c for c in self._exhibit.content.corners if c.corner_id == self._exhibit.open_corner_id
        )
        pages = max(1, len(corner.sections))
        pager.setProperty("currentIndex", (int(pager.property("currentIndex")) + step) % pages)
