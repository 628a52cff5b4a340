"""Where is the kiosk? While nobody uses it, it says now and then what it is and how to
hear it, for a visitor who cannot see the screen (Korea's 2026 kiosk rules, EN 301 549).

Every so often in the attract loop, within opening hours, the speech engine reads the
configured announcement in each of its languages in turn, at its own volume (scaled by the
kiosk's master volume). A visitor who arrives stops it: any touch or key starts a session,
and the voice then belongs to voice guidance again, at the guide's volume.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.bridge.accessibility import Accessibility, speech_locale
from kiosk.bridge.sound import Sound
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.config import opening_hours

log = logging.getLogger(__name__)


class AttractAnnouncer(QObject):
    """Speaks ``texts`` (language → words) every ``every_seconds`` in the attract loop."""

    # One language's words are being said (for tests and the log).
    spoke = Signal(str, str)

    def __init__(
        self,
        session: VisitorSession,
        accessibility: Accessibility,
        sound: Sound,
        *,
        every_seconds: float,
        volume: float,
        hours: str,
        texts: Mapping[str, str],
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._accessibility = accessibility
        self._sound = sound
        self._volume = volume
        self._hours = opening_hours(hours) if hours.strip() else None
        self._texts = [(lang, " ".join(words.split())) for lang, words in texts.items()]
        self._now = now
        self._waiting: list[tuple[str, str]] = []
        self._announcing = False
        self._timer = QTimer(self)
        self._timer.setInterval(round(every_seconds * 1000))
        self._timer.timeout.connect(self.announceNow)
        self._on = every_seconds > 0 and bool(self._texts)
        speech = accessibility.speech
        if speech is not None:
            speech.stateChanged.connect(self._speech_state)
        elif self._on:
            log.info("no speech engine: the attract loop makes no announcement")
        session.stateChanged.connect(self._session_state)
        session.closedChanged.connect(self._session_state)
        self._session_state()

    def stop(self) -> None:
        self._timer.stop()
        self._quiet()

    def in_hours(self) -> bool:
        """Within the announcement's hours now (always, when none are set)."""
        if self._hours is None:
            return True
        start, end = self._hours
        now = self._now().time()
        return start <= now < end if start <= end else now >= start or now < end

    @Slot()
    def announceNow(self) -> None:
        """Say the announcement now, if the kiosk is in its attract loop within hours."""
        speech = self._accessibility.speech
        if speech is None or not self._attract() or not self.in_hours():
            return
        self._waiting = list(self._texts)
        self._announcing = True
        speech.stop()
        speech.setVolume(min(1.0, self._volume * float(self._sound.property("masterVolume"))))
        self._next(speech)

    def _next(self, speech: QTextToSpeech) -> None:
        lang, words = self._waiting.pop(0)
        speech.setLocale(speech_locale(lang))
        speech.say(words)
        self.spoke.emit(lang, words)

    def _speech_state(self, state: QTextToSpeech.State) -> None:
        speech = self._accessibility.speech
        if not self._announcing or speech is None or state != QTextToSpeech.State.Ready:
            return
        if self._waiting:
            self._next(speech)
        else:
            self._quiet()  # all said

    def _attract(self) -> bool:
        """In the attract loop, with the hall open (closed, the kiosk keeps quiet)."""
        return bool(
            self._session.property("state") == VisitorSession.State.Attract.value
            and not self._session.property("closed")
        )

    def _session_state(self) -> None:
        if self._attract() and self._on:
            if not self._timer.isActive():
                self._timer.start()
            return
        self._timer.stop()
        if self._announcing:
            self._quiet()

    def _quiet(self) -> None:
        """Stop, and give the voice back to voice guidance as it was."""
        speech = self._accessibility.speech
        self._waiting = []
        if not self._announcing or speech is None:
            return
        self._announcing = False
        if not self._attract():
            speech.stop()  # a visitor came: the announcement gives way at once
        speech.setVolume(self._accessibility.voice_volume())
        speech.setLocale(speech_locale(self._accessibility.language))
