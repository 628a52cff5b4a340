"""The live preview's keys: every view a visitor can get, at a keystroke, on the editor's
keyboard. The window's title lists them (outside the kiosk's picture), and they reach
this filter before the kiosk's own lock-down, which would drop them.

  Ctrl+L  next language            Ctrl+O  landscape / portrait
  Ctrl+S  next screen shape: the booth panel's (display.panel), 16:9, 16:10, 4:3, 21:9
  Ctrl+1  low position             Ctrl+2  high contrast        Ctrl+3  large text
  Ctrl+Left / Ctrl+Right  previous / next corner (home between the last and the first)
  Ctrl+Up / Ctrl+Down     previous / next section page
  Ctrl+G  the next gallery picture, enlarged (of every corner in turn, then home)
  Ctrl+A  the attract loop now     Ctrl+W  the idle warning now
  Ctrl+T  touch targets and the reach band, shown or hidden

The kiosk scales its picture by the screen's short side, so a shape looks at the editor's
desk as it does at the booth, whatever the panel's resolution: each is shown as large as
the desk's screen allows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge.accessibility import Accessibility
from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.preview_targets import TouchTargets
from kiosk.bridge.scene import call
from kiosk.bridge.visitor_session import VisitorSession

KEYS_TITLE = (
    "Ctrl+L language · Ctrl+O orientation · Ctrl+S screen shape · Ctrl+1/2/3 low position, "
    "high contrast, large text · Ctrl+←/→ corners · Ctrl+↑/↓ pages · Ctrl+G pictures · "
    "Ctrl+A attract · Ctrl+W idle warning · Ctrl+T touch targets"
)
# Screen shapes booths are built with, after the booth's own panel.
SHAPES = {"16:9": (1920, 1080), "16:10": (1920, 1200), "4:3": (1600, 1200), "21:9": (2560, 1080)}
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
        panel: tuple[int, int] | None = None,
        title: str = "",
    ) -> None:
        """``panel``: the booth panel's picture size, the first shape of Ctrl+S; ``title``:
        what the window's title says before its shape and these keys."""
        super().__init__(window)
        self._window = window
        self._shapes = {**({"the booth's panel": panel} if panel else {}), **SHAPES}
        self._title = title
        self._exhibit = exhibit
        self._session = session
        self._accessibility = accessibility
        self._find = find
        self._targets = targets
        # Installed after the kiosk's own filter, so it hears keys first.
        window.installEventFilter(self)
        window.widthChanged.connect(self._retitle)
        window.heightChanged.connect(self._retitle)
        self._retitle()

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
            Qt.Key.Key_S: self._next_shape,
            Qt.Key.Key_G: self._next_picture,
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

    def shape(self) -> str:
        """The screen shape the window has now: its name, or its width:height."""
        width, height = self._window.width(), self._window.height()
        wide, tall = max(width, height), min(width, height)
        for name, (w, h) in self._shapes.items():
            if abs(wide / tall - w / h) < 0.01:
                return name
        return f"{wide}:{tall}"

    def _next_shape(self) -> None:
        names = list(self._shapes)
        now = self.shape()
        name = names[(names.index(now) + 1) % len(names)] if now in names else names[0]
        width, height = self._shapes[name]
        if self._window.height() > self._window.width():
            width, height = height, width  # the orientation stays
        size = QSize(width, height)
        screen = self._window.screen()
        if screen is not None:  # as large as the desk's screen allows, in the same shape
            size = size.scaled(size.boundedTo(screen.availableSize()),
                               Qt.AspectRatioMode.KeepAspectRatio)  # fmt: skip
        self._window.resize(size)

    def _retitle(self) -> None:
        width, height = self._window.width(), self._window.height()
        shape = f"{self.shape()}, {width}x{height}"
        self._window.setTitle(" — ".join(part for part in (self._title, shape, KEYS_TITLE) if part))

    def _next_picture(self) -> None:
        """The next picture of the galleries, enlarged: of the corner open, then of the
        corners after it; after the last, home."""
        pictures = [
            (corner.corner_id, index)
            for corner in self._exhibit.content.corners
            for index in range(len(corner.gallery))
        ]
        if not pictures:
            return
        viewer = self._find("viewerLoader")
        corner = self._exhibit.open_corner_id
        if viewer is not None and corner and viewer.property("showing"):
            shown = viewer.property("item")
            index = int(shown.property("currentIndex")) if shown is not None else 0
            place = pictures.index((corner, index)) + 1
            if place == len(pictures):
                self._exhibit.goHome()
                return
        else:
            order = ["", *(corner.corner_id for corner in self._exhibit.content.corners)]
            here = order.index(corner)
            place = next(
                (n for n, (c, _i) in enumerate(pictures) if order.index(c) >= max(here, 1)), 0
            )
        target, index = pictures[place]
        if target != corner:
            self._exhibit.goHome()
            self._exhibit.openCorner(target)
        viewer = self._find("viewerLoader")
        if viewer is not None:
            call(viewer, "shut()")
            call(viewer, f"open({index})")

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
