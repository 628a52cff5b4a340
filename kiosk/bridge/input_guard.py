"""Every touch, click and key reaches the window through here first.

- It tells the visitor session (a touch that only wakes the screen goes no further, so it
  cannot also press what lies under the finger) and the accessibility modes (keys or
  touch: focus rings are for keys).
- It locks the exhibit down: key combinations that would close, hide or leave the window
  (Alt+F4, Ctrl+Q, Ctrl+W, F11, Alt+Tab, Super...), right and middle clicks, and touches
  of three or more fingers are dropped; a request to close the window is refused unless
  staff chose to quit; a minimised window comes back full screen. What only the window
  system can stop (switching consoles, a compositor's gestures) is in config/lockdown.md.
- It opens the staff PIN pad: the configured number of taps in the configured corner
  within a few seconds, or the configured key on a staff keyboard.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtQuick import QQuickWindow

from kiosk import trace
from kiosk.bridge.accessibility import Accessibility
from kiosk.bridge.staff.access import StaffAccess
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.config import StaffConfig

# The corner area that counts for the hidden gesture, as a fraction of the short side.
CORNER_FRACTION = 0.1

_PRESSES = (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
_FOLLOW_UPS = (
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
)
_MOUSE = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseButtonRelease,
)
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)
# Keys a visitor's keypad uses; with no modifier (or Shift for Shift+Tab) they pass.
_VISITOR_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Space,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Back,
    *(getattr(Qt.Key, f"Key_{n}") for n in range(10)),
    Qt.Key.Key_Backspace,
}


class InputGuard(QObject):
    """The window's event filter; see the module's docstring."""

    def __init__(
        self,
        window: QQuickWindow,
        session: VisitorSession,
        accessibility: Accessibility,
        staff: StaffAccess,
        staff_config: StaffConfig,
        kiosk_mode: bool,
        clock: Callable[[], float],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._accessibility = accessibility
        self._staff = staff
        self._config = staff_config
        self._kiosk_mode = kiosk_mode
        self._clock = clock
        self._swallowing = False
        self._corner_taps: deque[float] = deque(maxlen=staff_config.entry_taps)
        self._staff_key = QKeySequence(staff_config.entry_key)
        self._repeat_key = QKeySequence(accessibility.property("repeatKey"))
        self.close_allowed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close:
            if self.close_allowed:
                return False
            event.ignore()
            return True
        if kind == QEvent.Type.WindowStateChange and self._kiosk_mode:
            if self._window.windowStates() & Qt.WindowState.WindowMinimized:
                QTimer.singleShot(0, self._window.showFullScreen)
            return False
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            assert isinstance(event, QKeyEvent)
            return self._key(event, pressed=kind == QEvent.Type.KeyPress)
        if kind in _MOUSE:
            assert isinstance(event, QMouseEvent)
            if event.button() != Qt.MouseButton.LeftButton:
                return True  # right and middle clicks open nothing here
        if kind in _TOUCH:
            assert isinstance(event, QTouchEvent)
            if len(event.points()) >= 3:
                return True  # three-finger gestures belong to no one here
        if kind in _PRESSES:
            return self._pressed(event)
        if kind in _FOLLOW_UPS and self._swallowing:
            if kind in (QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease):
                self._swallowing = False
            return True
        return False

    def _pressed(self, event: QEvent) -> bool:
        trace.mark("tap")
        self._accessibility.set_keyboard_in_use(False)
        self._staff.activity()
        point = self._press_point(event)
        if point is not None and self._in_entry_corner(point):
            self._corner_tapped()
        self._swallowing = self._session.touched()
        return self._swallowing

    def _key(self, event: QKeyEvent, pressed: bool) -> bool:
        combination = event.keyCombination()
        if pressed and self._is_staff_key(combination):
            # Someone is at the screen: the pad opens over the page, never over attract.
            self._session.touched()
            self._staff.requestEntry()
            return True
        if self._is(self._repeat_key, combination):
            if pressed and not self._session.property("closed") and not self._visitor_key():
                self._accessibility.repeatLast()
            return True
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        key = Qt.Key(event.key())
        if modifiers != Qt.KeyboardModifier.NoModifier or key not in _VISITOR_KEYS:
            return True  # Alt+F4, Ctrl+Q, F11, Super...: nothing for a visitor here
        if self._session.property("closed") and not self._staff_here():
            return True  # the hall is closed: no key reaches the page under the dark
        if not pressed:
            return False
        # A keypad is a visitor too: a key wakes the screen (and does only that) and keeps
        # the session going.
        return self._visitor_key()

    def _visitor_key(self) -> bool:
        """A visitor's key: True when it only woke the screen. A keypad that wakes the
        attract loop turns voice guidance on: who uses the keypad at a kiosk is most often
        who cannot see its screen (the attract loop's announcement says so)."""
        attract = self._session.property("state") == self._session.State.Attract.value
        self._accessibility.set_keyboard_in_use(True)
        self._staff.activity()
        woke = self._session.touched()
        if attract and self._accessibility.property("speechAvailable"):
            self._accessibility.set_mode("voice_guidance", True)
        return woke

    def _staff_here(self) -> bool:
        return bool(self._staff.property("panelOpen") or self._staff.property("pinPadOpen"))

    def _is_staff_key(self, combination: QKeyCombination) -> bool:
        return self._is(self._staff_key, combination)

    @staticmethod
    def _is(sequence: QKeySequence, combination: QKeyCombination) -> bool:
        return (
            not sequence.isEmpty() and sequence[0].toCombined() == combination.toCombined()  # type: ignore[index]
        )

    def _press_point(self, event: QEvent) -> QPointF | None:
        if isinstance(event, QMouseEvent):
            return event.scenePosition()
        if isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].scenePosition()
        return None

    def _in_entry_corner(self, point: QPointF) -> bool:
        width, height = self._window.width(), self._window.height()
        size = min(width, height) * CORNER_FRACTION
        corner = self._config.entry_corner
        near_x = point.x() >= width - size if corner.endswith("right") else point.x() <= size
        near_y = point.y() >= height - size if corner.startswith("bottom") else point.y() <= size
        return near_x and near_y

    def _corner_tapped(self) -> None:
        now = self._clock()
        self._corner_taps.append(now)
        taps = self._corner_taps
        if len(taps) == taps.maxlen and now - taps[0] <= self._config.entry_seconds:
            taps.clear()
            self._staff.requestEntry()
