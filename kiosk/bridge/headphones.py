"""Headphones: a visitor's own ears, with their own volume.

When a headset is plugged in (an audio output appears that was not there when the kiosk
started, or one named as headphones), narration goes to it at the headphone volume, which
the accessibility panel then sets. Unplugged, narration and speech stop rather than burst
out of the booth's speaker at a headphone's loudness; the next one plays on the speaker at
the voice's volume. Every session starts at the default volume.

Qt tells of outputs coming and going (``QMediaDevices.audioOutputsChanged``). The text-to-
speech engine speaks through the sound server's default output, which Qt cannot choose for
it: so a plugged-in headset is made the sound server's default (``pactl``, PulseAudio's and
PipeWire's own tool; Qt's output ids are their sink names), and the booth's speaker again
when it is pulled out. Without ``pactl`` the voice stays where the sound server puts it.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Property, QObject, QProcess, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "AudioOutputInfo", "Headphones"]

log = logging.getLogger(__name__)

# Names under which sound servers and drivers list a headset.
_HEADSET_WORDS = re.compile(r"head(phone|set)|earphone|헤드폰|헤드셋|이어폰", re.IGNORECASE)


@dataclass(frozen=True)
class AudioOutputInfo:
    """One audio output as the kiosk needs to know it."""

    id: str
    description: str
    device: QAudioDevice = field(default_factory=QAudioDevice, compare=False)


def outputs_now() -> list[AudioOutputInfo]:
    """The machine's audio outputs, from Qt."""
    return [
        AudioOutputInfo(
            bytes(device.id().data()).decode(errors="replace"), device.description(), device
        )
        for device in QMediaDevices.audioOutputs()
    ]


@QmlElement
@QmlUncreatable("Headphones are made by the application.")
class Headphones(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Whether a headset is plugged in, which output it is, and its volume."""

    changed = Signal()
    volumeChanged = Signal()
    # The headset went while something may have been playing on it: stop, do not burst.
    unplugged = Signal()

    def __init__(
        self, default_volume: float = 0.8, max_volume: float = 1.0, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._max = max_volume
        self._default = min(default_volume, max_volume)
        self._volume = self._default
        self._at_start: set[str] | None = None
        self._headset: AudioOutputInfo | None = None
        self._devices: QMediaDevices | None = None
        self._speaker = ""  # the booth's own output: the default when the kiosk started
        self._make_default: Callable[[str], object] | None = None

    def watch(self) -> None:
        """Follow the machine's outputs from now on (the outputs now are the booth's own),
        and make a plugged-in headset the sound server's default output, for the voice."""
        default = QMediaDevices.defaultAudioOutput()
        self._speaker = bytes(default.id().data()).decode(errors="replace")
        if shutil.which("pactl"):
            self._make_default = _sound_server_default
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(lambda: self.show_outputs(outputs_now()))
        self.show_outputs(outputs_now())

    def show_outputs(self, outputs: Sequence[AudioOutputInfo]) -> None:
        """The outputs there are now. The first list is the booth's own: a speaker. An
        output added later, or one named as headphones, is a visitor's headset."""
        if self._at_start is None:
            self._at_start = {output.id for output in outputs}
        headsets = [
            output
            for output in outputs
            if output.id not in self._at_start or _HEADSET_WORDS.search(output.description)
        ]
        headset = headsets[-1] if headsets else None
        if headset == self._headset:
            return
        was = self._headset
        self._headset = headset
        if headset is not None:
            log.info("headphones plugged in: %s", headset.description)
        if was is not None and (headset is None or headset.id != was.id):
            log.info("headphones unplugged: %s", was.description)
            self.unplugged.emit()
        output = headset.id if headset is not None else self._speaker
        if self._make_default is not None and output:
            self._make_default(output)
        self.changed.emit()

    @Property(bool, notify=changed)
    def connected(self) -> bool:
        return self._headset is not None

    @Property(QAudioDevice, notify=changed)
    def device(self) -> QAudioDevice:
        """The headset, or a null device (the system's default output) without one."""
        return self._headset.device if self._headset else QAudioDevice()

    def _get_volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        volume = min(self._max, max(0.0, round(volume, 2)))
        if volume != self._volume:
            self._volume = volume
            self.volumeChanged.emit()

    # The headphones' own volume, 0 to the kiosk's maximum.
    volume = Property(float, _get_volume, set_volume, notify=volumeChanged)

    def end_session(self) -> None:
        """The next visitor starts at the default volume."""
        self.set_volume(self._default)


def _sound_server_default(sink: str) -> None:
    """Ask the sound server to play through ``sink`` by default (without waiting)."""
    if not QProcess.startDetached("pactl", ["set-default-sink", sink])[0]:
        log.info("could not ask the sound server to use %s", sink)
