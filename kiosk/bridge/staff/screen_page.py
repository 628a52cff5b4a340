"""The staff panel's screen controls: a test pattern over everything, and the brightness
where the display lets software set it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.notices import Notice, notice
from kiosk.staff.backlight import Backlight

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ScreenPage"]

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("The screen page is made by the application.")
class ScreenPage(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """``brightness`` is -1 when this display's brightness cannot be set by software."""

    testPatternChanged = Signal()
    brightnessChanged = Signal()

    def __init__(self, backlight: Backlight | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backlight = backlight
        self._test_pattern = False
        self._brightness = self._read_brightness()

    def _get_test_pattern(self) -> bool:
        return self._test_pattern

    def set_test_pattern(self, shown: bool) -> None:
        if shown != self._test_pattern:
            self._test_pattern = shown
            self.testPatternChanged.emit()

    testPattern = Property(bool, _get_test_pattern, set_test_pattern, notify=testPatternChanged)

    def _get_brightness(self) -> float:
        return self._brightness

    def set_brightness(self, level: float) -> None:
        if self._backlight is None:
            return
        try:
            self._backlight.set_level(level)
        except OSError as error:
            log.warning(
                "could not set the brightness: %s",
                error.strerror,
                extra=notice(Notice.BRIGHTNESS_UNAVAILABLE),
            )
        level = self._read_brightness()
        if level != self._brightness:
            self._brightness = level
            self.brightnessChanged.emit()

    brightness = Property(float, _get_brightness, set_brightness, notify=brightnessChanged)

    def _read_brightness(self) -> float:
        if self._backlight is None:
            return -1.0
        try:
            return self._backlight.level()
        except (OSError, ValueError):
            return -1.0
