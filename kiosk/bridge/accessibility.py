"""The visitor's accessibility modes as QML sees them, and the kiosk's voice.

Modes (low position, high contrast, large text, voice guidance) are switched from the
accessibility panel, last for the session and reset at its end. Announcements go to Qt's
accessibility layer (for a screen reader) and, when voice guidance is on and a speech
engine exists, are read aloud. Without an engine the kiosk works silently and says so in
its log once.
"""

from __future__ import annotations

import ctypes.util
import logging

from PySide6.QtCore import Property, QLocale, QObject, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtQml import QmlElement, QmlUncreatable
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.headphones import Headphones
from kiosk.session.accessibility import AccessibilityModes

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Accessibility", "open_speech"]

log = logging.getLogger(__name__)

# Qt ships a "mock" engine for its own tests: it speaks nothing, so it never counts as a
# voice for visitors (a test may still ask for it by name).
_NOT_A_VOICE = {"mock"}
# Engines that need a system library Qt's plug-in links to: without it, loading the
# plug-in only prints an error, so it is not tried.
_NEEDS_LIBRARY = {"speechd": "speechd"}
_LOCALES = {"ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)}


def speech_locale(language: str) -> QLocale:
    """The locale a speech engine speaks ``language`` in."""
    return _LOCALES.get(language, QLocale(language))


def open_speech(engine: str) -> QTextToSpeech | None:
    """A working text-to-speech engine: ``"auto"`` for the first real one Qt finds,
    ``"none"`` for none, or an engine's name. None when there is no working engine."""
    if engine == "none":
        return None
    available = QTextToSpeech.availableEngines()
    names = [e for e in available if e not in _NOT_A_VOICE] if engine == "auto" else [engine]
    for name in names:
        if name not in available:
            continue
        library = _NEEDS_LIBRARY.get(name)
        if library and ctypes.util.find_library(library) is None:
            log.info("the %s speech engine needs lib%s, which is not installed", name, library)
            continue
        speech = QTextToSpeech(name)
        if speech.state() != QTextToSpeech.State.Error:
            log.info("voice guidance uses the %s speech engine", name)
            return speech
        log.info("the %s speech engine did not start: %s", name, speech.errorString())
        speech.deleteLater()
    log.info("no speech engine: voice guidance is off, the kiosk works silently")
    return None


@QmlElement
@QmlUncreatable("Accessibility is made by the application.")
class Accessibility(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Modes for this visitor, the reach band, and the kiosk's voice."""

    modesChanged = Signal()
    guideVolumeChanged = Signal()
    keyboardInUseChanged = Signal()
    speechRateChanged = Signal()
    panelOpenChanged = Signal()
    # Something was said (to the accessibility layer, and aloud if voice guidance is on).
    announced = Signal(str)

    def __init__(
        self,
        reach_band: float,
        speech: QTextToSpeech | None,
        parent: QObject | None = None,
        *,
        default_volume: float = 0.8,
        max_volume: float = 1.0,
        repeat_key: str = "R",
        headphones: Headphones | None = None,
    ) -> None:
        super().__init__(parent)
        self._modes = AccessibilityModes()
        self._reach_band = reach_band
        self._speech = speech
        if speech is not None:
            speech.setParent(self)
        self._max_volume = max_volume
        self._default_volume = min(default_volume, max_volume)
        self._repeat_key = repeat_key
        self._headphones = headphones or Headphones(default_volume, max_volume)
        self._headphones.setParent(self)
        # Unplugged: what was said in the visitor's ears does not go on out loud. With
        # headphones in, the voice speaks at their volume.
        self._headphones.unplugged.connect(self._stop_speaking)
        self._headphones.changed.connect(self._apply_volume)
        self._headphones.volumeChanged.connect(self._apply_volume)
        self._volume = self._default_volume
        if speech is not None:
            speech.setVolume(self._volume)
        self._last_said = ""
        self._rate = 0.0
        self._language = "ko"
        self._target: QObject | None = None
        self._keyboard = False
        self._panel_open = False

    def set_announcement_target(self, target: QObject) -> None:
        """The object announcements come from (the window): a screen reader needs one."""
        self._target = target

    def set_language(self, language: str) -> None:
        """Speak in this language from now on (the visitor switched)."""
        self._language = language
        if self._speech is not None:
            self._speech.setLocale(speech_locale(language))

    @property
    def language(self) -> str:
        """The language the voice speaks."""
        return self._language

    @property
    def modes(self) -> AccessibilityModes:
        return self._modes

    @property
    def speech(self) -> QTextToSpeech | None:
        """The speech engine, if there is one."""
        return self._speech

    # -- modes (each writable from the accessibility panel)

    def set_mode(self, field: str, on: bool) -> None:
        """Switch the mode ``field`` of ``AccessibilityModes`` (``large_text``, …)."""
        if getattr(self._modes, field) != on:
            setattr(self._modes, field, on)
            self.modesChanged.emit()

    def _get_low_position(self) -> bool:
        return self._modes.low_position

    def _set_low_position(self, on: bool) -> None:
        self.set_mode("low_position", on)

    lowPosition = Property(bool, _get_low_position, _set_low_position, notify=modesChanged)

    def _get_high_contrast(self) -> bool:
        return self._modes.high_contrast

    def _set_high_contrast(self, on: bool) -> None:
        self.set_mode("high_contrast", on)

    highContrast = Property(bool, _get_high_contrast, _set_high_contrast, notify=modesChanged)

    def _get_large_text(self) -> bool:
        return self._modes.large_text

    def _set_large_text(self, on: bool) -> None:
        self.set_mode("large_text", on)

    largeText = Property(bool, _get_large_text, _set_large_text, notify=modesChanged)

    def _get_voice_guidance(self) -> bool:
        return self._modes.voice_guidance

    def _set_voice_guidance(self, on: bool) -> None:
        self.set_mode("voice_guidance", on)

    voiceGuidance = Property(bool, _get_voice_guidance, _set_voice_guidance, notify=modesChanged)

    def _get_reduced_motion(self) -> bool:
        return self._modes.reduced_motion

    def _set_reduced_motion(self, on: bool) -> None:
        self.set_mode("reduced_motion", on)

    reducedMotion = Property(bool, _get_reduced_motion, _set_reduced_motion, notify=modesChanged)

    @Property(bool, notify=modesChanged)
    def anyOn(self) -> bool:
        return self._modes.any_on

    @Slot()
    def resetModes(self) -> None:
        """All modes off (the visitor asked, from the panel)."""
        if self._modes.any_on:
            self._modes.reset()
            self.modesChanged.emit()
        if self._speech is not None:
            self._speech.stop()

    def end_session(self) -> None:
        """The next visitor starts with every mode off, the panel closed, the voice at
        its default volume and rate, and nothing left to repeat."""
        self.resetModes()
        self.set_panel_open(False)
        self.set_guide_volume(self._default_volume)
        self.set_speech_rate(0.0)
        self._last_said = ""

    # -- the panel

    def _get_panel_open(self) -> bool:
        return self._panel_open

    def set_panel_open(self, open_: bool) -> None:
        if open_ != self._panel_open:
            self._panel_open = open_
            self.panelOpenChanged.emit()

    panelOpen = Property(bool, _get_panel_open, set_panel_open, notify=panelOpenChanged)

    @Property(float, constant=True)
    def reachBand(self) -> float:
        """The lower fraction of the screen within reach of a seated visitor."""
        return self._reach_band

    @Property(bool, notify=keyboardInUseChanged)
    def keyboardInUse(self) -> bool:
        """True since the last key press, false since the last touch: focus rings and
        focus announcements are for keypad users."""
        return self._keyboard

    @property
    def keyboard_in_use(self) -> bool:
        """``keyboardInUse``, for Python."""
        return self._keyboard

    def set_keyboard_in_use(self, in_use: bool) -> None:
        if in_use != self._keyboard:
            self._keyboard = in_use
            self.keyboardInUseChanged.emit()

    # -- the voice

    @Property(bool, constant=True)
    def speechAvailable(self) -> bool:
        return self._speech is not None

    def _get_guide_volume(self) -> float:
        return self._volume

    def set_guide_volume(self, volume: float) -> None:
        volume = min(self._max_volume, max(0.0, round(volume, 2)))
        if volume != self._volume:
            self._volume = volume
            self._apply_volume()
            self.guideVolumeChanged.emit()

    # Volume of narration and speech, 0 to maxVolume (in steps of 0.01).
    guideVolume = Property(float, _get_guide_volume, set_guide_volume, notify=guideVolumeChanged)

    @Property(float, constant=True)
    def defaultVolume(self) -> float:
        """Where every volume a visitor can change starts, each session."""
        return self._default_volume

    @Property(float, constant=True)
    def maxVolume(self) -> float:
        """The most any visitor's volume goes to (the booth's neighbours hear it too)."""
        return self._max_volume

    def get_headphones(self) -> Headphones:
        """A visitor's headset, when one is plugged in, with its own volume."""
        return self._headphones

    headphones = Property(Headphones, get_headphones, constant=True)

    def _stop_speaking(self) -> None:
        if self._speech is not None:
            self._speech.stop()

    def voice_volume(self) -> float:
        """The volume the voice speaks at now: the headphones', or the guide's."""
        headphones = self._headphones
        return (
            float(headphones.property("volume"))
            if headphones.property("connected")
            else self._volume
        )

    def _apply_volume(self) -> None:
        if self._speech is not None:
            self._speech.setVolume(self.voice_volume())

    @Property(str, constant=True)
    def repeatKey(self) -> str:
        """The key that says the last announcement again."""
        return self._repeat_key

    def _get_speech_rate(self) -> float:
        return self._rate

    def set_speech_rate(self, rate: float) -> None:
        rate = min(1.0, max(-1.0, round(rate, 2)))
        if rate != self._rate:
            self._rate = rate
            if self._speech is not None:
                self._speech.setRate(rate)
            self.speechRateChanged.emit()

    # Speech rate from -1 (slowest) to 1 (fastest); 0 is the engine's normal.
    speechRate = Property(float, _get_speech_rate, set_speech_rate, notify=speechRateChanged)

    @Slot(str)
    def announce(self, text: str) -> None:
        """Tell the visitor ``text``: to a screen reader always, aloud with voice guidance."""
        text = " ".join(text.split())
        if not text:
            return
        self._last_said = text
        self._say(text)
        self.announced.emit(text)

    @Slot()
    def repeatLast(self) -> None:
        """Say the last announcement again, from its start (the repeat key)."""
        if self._last_said:
            self._say(self._last_said)
            self.announced.emit(self._last_said)

    def _say(self, text: str) -> None:
        if self._target is not None:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._target, text))
        if self._modes.voice_guidance and self._speech is not None:
            self._speech.stop()  # what is being said gives way: no two voices at once
            self._speech.say(text)
