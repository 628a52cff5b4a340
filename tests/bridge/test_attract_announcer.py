"""Where is the kiosk? In the attract loop it says so now and then, in each language,
at its own volume and only within its hours; a visitor who comes stops it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.bridge.attract_announcer import AttractAnnouncer
from kiosk.composition import KioskUi
from kiosk.config import AccessibilityConfig, KioskConfig
from tests.bridge.ui import find, shown, tap

TEXTS = {"ko": "경기도관 키오스크입니다.", "en": "This is the Gyeonggi Hall kiosk."}


def announcer_of(ui: KioskUi) -> AttractAnnouncer:
    (announcer,) = [k for k in ui.keepers if isinstance(k, AttractAnnouncer)]
    return announcer


@pytest.fixture
def booth(make_kiosk) -> KioskUi:
    config = KioskConfig(
        accessibility=AccessibilityConfig(
            speech_engine="mock",
            announce_every_seconds=30,
            announce_volume=0.5,
            announce_hours="",
            announcement=TEXTS,
        )
    )
    return make_kiosk(config, visitor=False)


def test_the_attract_loop_says_what_the_kiosk_is_in_each_language(qtbot, booth) -> None:
    announcer = announcer_of(booth)
    speech = booth.accessibility.speech
    assert speech is not None
    qtbot.waitUntil(lambda: shown(booth, "attractView"))
    said: list[tuple[str, str]] = []
    announcer.spoke.connect(lambda lang, words: said.append((lang, words)))
    booth.sound.set_volume(0.8)
    announcer.announceNow()
    assert speech.volume() == pytest.approx(0.4)  # its own volume, scaled by the master's
    qtbot.waitUntil(lambda: len(said) == 2, timeout=20_000)
    assert said == list(TEXTS.items())
    qtbot.waitUntil(lambda: speech.state() == QTextToSpeech.State.Ready, timeout=20_000)
    # Said: the voice is voice guidance's again.
    assert speech.volume() == pytest.approx(booth.accessibility.property("guideVolume"))


def test_a_visitor_stops_the_announcement_at_once(qtbot, booth) -> None:
    announcer = announcer_of(booth)
    speech = booth.accessibility.speech
    assert speech is not None
    qtbot.waitUntil(lambda: shown(booth, "attractView"))
    said: list[str] = []
    announcer.spoke.connect(lambda lang, words: said.append(lang))
    announcer.announceNow()
    assert said == ["ko"]
    tap(booth, find(booth, "attractView"))
    assert speech.state() != QTextToSpeech.State.Speaking
    qtbot.wait(300)
    assert said == ["ko"]  # the English never followed
    announcer.announceNow()  # not in the attract loop: nothing
    assert said == ["ko"]


@pytest.mark.parametrize(
    ("hours", "hour", "expected"),
    [
        ("09:00-18:00", 8, False),
        ("09:00-18:00", 9, True),
        ("09:00-18:00", 17, True),
        ("09:00-18:00", 18, False),
        ("20:00-02:00", 23, True),  # a late opening, past midnight
        ("20:00-02:00", 3, False),
        ("", 3, True),
    ],
)
def test_quiet_outside_its_hours(qtbot, booth, hours: str, hour: int, expected: bool) -> None:
    announcer = AttractAnnouncer(
        booth.session,
        booth.accessibility,
        booth.sound,
        every_seconds=60,
        volume=0.5,
        hours=hours,
        texts=TEXTS,
        now=lambda: dt.datetime(2026, 12, 2, hour, 30),
    )
    said: list[str] = []
    announcer.spoke.connect(lambda lang, words: said.append(lang))
    assert announcer.in_hours() is expected
    announcer.announceNow()
    assert bool(said) is expected
    announcer.stop()


def test_without_a_voice_the_kiosk_stays_silent(qtbot, make_kiosk) -> None:
    ui = make_kiosk(visitor=False)  # no speech engine here
    announcer = announcer_of(ui)
    said: list[str] = []
    announcer.spoke.connect(lambda lang, words: said.append(lang))
    announcer.announceNow()
    assert said == []
