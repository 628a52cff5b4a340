"""Headphones: narration goes to a plugged-in headset at its own volume; pulled out, the
reading stops rather than burst from the booth's speaker; each visitor starts at the
default volume."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from kiosk.bridge.headphones import AudioOutputInfo, Headphones
from kiosk.config import AccessibilityConfig, KioskConfig
from tests.bridge.test_accessibility import open_corner
from tests.bridge.ui import find, shown, tap

SPEAKER = AudioOutputInfo("alsa_output.pci-0000_00_1f.3.analog-stereo", "Built-in Audio")
USB_HEADSET = AudioOutputInfo("alsa_output.usb-Plantronics_C320", "Plantronics C320")
NAMED = AudioOutputInfo("bluez_sink.headset", "WH-1000XM4 Headset")


def test_an_output_that_comes_after_the_start_is_a_headset(qtbot) -> None:
    headphones = Headphones()
    headphones.show_outputs([SPEAKER])
    assert not headphones.property("connected")
    with qtbot.waitSignal(headphones.changed):
        headphones.show_outputs([SPEAKER, USB_HEADSET])
    assert headphones.property("connected")
    with qtbot.waitSignal(headphones.unplugged):
        headphones.show_outputs([SPEAKER])
    assert not headphones.property("connected")
    assert headphones.property("device").isNull()  # the default output again


def test_an_output_named_as_headphones_is_one_even_at_the_start() -> None:
    headphones = Headphones()
    headphones.show_outputs([SPEAKER, NAMED])
    assert headphones.property("connected")


def test_their_volume_is_capped_and_resets() -> None:
    headphones = Headphones(default_volume=0.5, max_volume=0.7)
    headphones.setProperty("volume", 0.95)
    assert headphones.property("volume") == pytest.approx(0.7)
    headphones.end_session()
    assert headphones.property("volume") == pytest.approx(0.5)


def test_narration_goes_to_the_headphones_and_stops_when_they_go(qtbot, make_kiosk) -> None:
    config = KioskConfig(accessibility=AccessibilityConfig(default_volume=0.5))
    ui = make_kiosk(config)
    headphones = ui.accessibility.get_headphones()
    headphones.show_outputs([SPEAKER])
    ui.sound.set_volume(0.4)  # the booth's loudness: not the visitor's ears
    open_corner(qtbot, ui, "public-delivery-app")
    player = ui.window.findChild(QObject, "narrationPlayer")
    output = player.property("audioOutput")
    assert output.property("volume") == pytest.approx(0.5 * 0.4)
    headphones.show_outputs([SPEAKER, USB_HEADSET])
    headphones.setProperty("volume", 0.9)
    assert output.property("volume") == pytest.approx(0.9)
    ui.accessibility.set_panel_open(True)
    qtbot.waitUntil(lambda: shown(ui, "accessibilityPanel"))
    assert find(ui, "guideVolumeText").property("text") == "헤드폰 음량 90%"
    tap(ui, find(ui, "guideVolumeDown"))
    assert headphones.property("volume") == pytest.approx(0.8)
    ui.accessibility.set_panel_open(False)
    tap(ui, find(ui, "pageNarrationButton"))
    qtbot.waitUntil(lambda: player.property("position") > 300, timeout=10_000)
    headphones.show_outputs([SPEAKER])  # pulled out
    qtbot.waitUntil(lambda: player.property("source").isEmpty())
    assert output.property("volume") == pytest.approx(0.5 * 0.4)
    ui.session.startAttract()
    assert headphones.property("volume") == pytest.approx(0.5)


def test_the_voice_speaks_at_the_headphones_volume(make_kiosk) -> None:
    config = KioskConfig(
        accessibility=AccessibilityConfig(speech_engine="mock", default_volume=0.5)
    )
    ui = make_kiosk(config)
    speech = ui.accessibility.speech
    assert speech is not None
    headphones = ui.accessibility.get_headphones()
    headphones.show_outputs([SPEAKER])
    assert speech.volume() == pytest.approx(0.5)
    headphones.show_outputs([SPEAKER, USB_HEADSET])
    headphones.setProperty("volume", 0.9)
    assert speech.volume() == pytest.approx(0.9)
    headphones.show_outputs([SPEAKER])
    assert speech.volume() == pytest.approx(0.5)
