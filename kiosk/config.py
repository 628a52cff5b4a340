"""The kiosk's configuration: a YAML file, validated, with file:line errors.

Every key has a default, so a kiosk runs with no file at all; ``config/kiosk.yaml`` lists
them with what they mean. A mistake in the file stops the kiosk at start with a message
naming the line, rather than running with a setting it silently ignored.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import socket
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from kiosk.errors import ConfigError
from kiosk.files import write_atomically
from kiosk.paths import data_dir_for
from kiosk.session.opening_hours import OpeningHours, parse_spans
from kiosk.staff.pin import check_pin_hash
from kiosk.yamlsource import describe_validation_error, load_yaml


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


MM_PER_INCH = 25.4
PanelPixels = Annotated[int, Field(ge=320, le=16384)]


class PanelConfig(_Section):
    """The booth's panel as an editor's checks see it (``package build``, the preview):
    the layout is checked at its resolution, and text is measured in millimetres on it."""

    # The picture in pixels as the panel shows it natively (before ``display.rotation``).
    resolution: tuple[PanelPixels, PanelPixels] | None = None
    # The picture's size: its diagonal, or its width and height.
    diagonal_inches: float | None = Field(default=None, gt=5, le=400)
    width_mm: float | None = Field(default=None, gt=50, le=10_000)
    height_mm: float | None = Field(default=None, gt=50, le=10_000)
    # The smallest character a visitor should have to read, in millimetres: 4 mm is 20
    # minutes of arc at 70 cm, the size ISO 9241-303 asks of text read at a screen.
    min_character_mm: float = Field(default=4.0, gt=0, le=100)

    @model_validator(mode="after")
    def _size_is_whole(self) -> PanelConfig:
        if (self.width_mm is None) != (self.height_mm is None):
            raise ValueError("give both width_mm and height_mm, or neither")
        if self.diagonal_inches is not None and self.width_mm is not None:
            raise ValueError("give diagonal_inches, or width_mm and height_mm, not both")
        if self.resolution is None and (self.diagonal_inches or self.width_mm):
            raise ValueError("a panel's size needs its resolution too, e.g. [1920, 1080]")
        return self

    def diagonal(self) -> float | None:
        """The picture's diagonal in inches, if its size is known."""
        if self.diagonal_inches is not None:
            return self.diagonal_inches
        if self.width_mm is not None and self.height_mm is not None:
            return math.hypot(self.width_mm, self.height_mm) / MM_PER_INCH
        return None

    def mm_per_px(self) -> float | None:
        """The size of one of the panel's pixels, if its size and resolution are known."""
        if self.resolution is None:
            return None
        width, height = self.resolution
        if self.diagonal_inches is not None:
            return self.diagonal_inches * MM_PER_INCH / math.hypot(width, height)
        if self.width_mm is not None and self.height_mm is not None:
            return (self.width_mm / width + self.height_mm / height) / 2
        return None


class DisplayConfig(_Section):
    """Which screen the kiosk fills and how the picture is turned."""

    screen: int = Field(default=0, ge=0)
    rotation: Literal[0, 90, 180, 270] = 0
    windowed_size: tuple[int, int] = (1920, 1080)
    # How Qt Quick draws: "software" (QPainter) or "opengl" (Qt's RHI). Without a GPU the
    # software renderer costs a quarter of the CPU for the same video; measured by
    # tests/benchmarks/visitor_speed.py (docs/decisions/0004-video-painting.md).
    renderer: Literal["software", "opengl"] = "software"
    panel: PanelConfig = Field(default_factory=PanelConfig)

    def picture_size(self) -> tuple[int, int] | None:
        """The panel's picture as the kiosk draws it (turned by ``rotation``), if known."""
        if self.panel.resolution is None:
            return None
        width, height = self.panel.resolution
        return (height, width) if self.rotation in (90, 270) else (width, height)


class SessionConfig(_Section):
    """When a visitor counts as gone."""

    # Seconds without a touch before the "continue?" warning.
    idle_seconds: float = Field(default=90, gt=0, le=3600)
    # Seconds the warning counts down; at least 20, so everyone has time to answer.
    warning_seconds: float = Field(default=20, ge=20, le=600)


def check_hours(hours: str) -> str:
    """Opening hours as "HH:MM-HH:MM" (or empty: always)."""
    if hours.strip() and opening_hours(hours) is None:
        raise ValueError(f"'{hours}' is not a span of hours such as 09:00-18:00")
    return hours


def opening_hours(hours: str) -> tuple[dt.time, dt.time] | None:
    """("09:00", "18:00") from "09:00-18:00"; None if it is not of that form."""
    start, dash, end = hours.partition("-")
    try:
        return (
            (dt.time.fromisoformat(start.strip()), dt.time.fromisoformat(end.strip()))
            if dash
            else None
        )
    except ValueError:
        return None


def check_time_of_day(text: str) -> str:
    """A time of day "HH:MM" (or empty: none)."""
    if text.strip():
        try:
            dt.time.fromisoformat(text.strip())
        except ValueError:
            raise ValueError(f"'{text}' is not a time of day such as 03:30") from None
    return text


class AccessibilityConfig(_Section):
    """Where the screen hangs, for low-position mode, and how the kiosk speaks."""

    # Height of the picture's lower edge above the floor, and the picture's height (cm).
    # With both, low-position mode keeps every control below 120 cm; without them it uses
    # the lower 45 % of the screen.
    screen_bottom_cm: float | None = Field(default=None, ge=0, le=300)
    screen_height_cm: float | None = Field(default=None, gt=0, le=400)
    # The text-to-speech engine for voice guidance: "auto" (the first Qt finds), "none",
    # or an engine's name (e.g. "speechd"). Without one the kiosk works silently.
    speech_engine: str = "auto"
    # Every volume a visitor can change (the voice, narration, a corner's video) starts at
    # this at each session, and no visitor can set one above ``max_volume`` (0 to 1).
    default_volume: float = Field(default=0.8, ge=0, le=1)
    max_volume: float = Field(default=1.0, gt=0, le=1)
    # The key that says the last announcement again (Qt's key names; a keypad's repeat).
    repeat_key: str = "R"
    # In the attract loop the kiosk says, now and then, what it is and how to hear it, for
    # a visitor who cannot see the screen: every this many seconds (0: never), at this
    # volume, only within these hours ("HH:MM-HH:MM"; empty: at any hour), in each
    # language of ``announcement`` in turn. Needs a speech engine.
    announce_every_seconds: float = Field(default=120, ge=0, le=3600)
    announce_volume: float = Field(default=0.6, ge=0, le=1)
    announce_hours: Annotated[str, AfterValidator(check_hours)] = "09:00-18:00"
    announcement: dict[str, str] = Field(
        default_factory=lambda: {
            "ko": "경기도관 전시 안내 키오스크입니다. 음성 안내를 들으시려면 화면 아래 "
            "키패드의 아무 버튼이나 누르세요.",
            "en": "This is the Gyeonggi Hall information kiosk. To hear it speak, press "
            "any button on the keypad below the screen.",
        }
    )

    @field_validator("announce_every_seconds")
    @classmethod
    def _not_too_often(cls, value: float) -> float:
        if 0 < value < 30:
            raise ValueError("an announcement more often than every 30 seconds drowns the booth")
        return value


def check_staff_key(key: str) -> str:
    """A staff key the kiosk can hear: Ctrl+Alt with a function key switches consoles on X
    (its standard keymap makes it XF86Switch_VT_n) and under Wayland compositors, and
    Ctrl+Alt+Backspace ends X; none of them ever reaches the kiosk."""
    parts = {part.strip().lower() for part in key.split("+")}
    console = any(part in {f"f{number}" for number in range(1, 13)} for part in parts)
    if {"ctrl", "alt"} <= parts and (console or "backspace" in parts):
        raise ValueError(
            f"{key} never reaches the kiosk (the system takes Ctrl+Alt with a function key"
            " or Backspace): choose another, e.g. Ctrl+Shift+F12"
        )
    return key


class StaffConfig(_Section):
    """How staff get to their panel, and how long it stays open."""

    # The hidden gesture: this many taps in this corner of the screen within this time.
    entry_corner: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "bottom-right"
    entry_taps: int = Field(default=5, ge=3, le=10)
    entry_seconds: float = Field(default=3.0, gt=0, le=10)
    # A key on a staff keyboard that opens the PIN pad (Qt's key names, e.g. "Ctrl+Shift+F12").
    entry_key: Annotated[str, AfterValidator(check_staff_key)] = "Ctrl+Shift+F12"
    # The panel closes itself after this many seconds without a touch.
    panel_idle_seconds: float = Field(default=120, ge=1, le=3600)
    # So does the PIN pad, sooner: a child may have opened it by tapping the corner.
    pad_idle_seconds: float = Field(default=20, ge=1, le=600)


def check_spans(hours: str) -> str:
    """A day's opening hours: "09:00-18:00", several spans, or "closed"."""
    parse_spans(hours)
    return hours


DayHours = Annotated[str, AfterValidator(check_spans)]


class ScheduleConfig(_Section):
    """Opening hours: outside them the screen is off and the kiosk waits, ready."""

    # Per weekday (mon ... sun, or daily for the days not listed): "09:00-18:00", several
    # spans ("09:00-12:00, 13:00-18:00"), or "closed". A day not listed is closed. No
    # hours at all: the screen is never turned off.
    hours: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun", "daily"], DayHours] = (
        Field(default_factory=dict)
    )
    # Dated exceptions (the expo's days, holidays), which win over the weekday's hours.
    dates: dict[dt.date, DayHours] = Field(default_factory=dict)
    # The screen comes on this many minutes before each opening.
    wake_minutes: float = Field(default=5, ge=0, le=120)
    # Restart the whole PC every night at this time ("03:30"; empty: never). Only on the
    # booth image, which runs it as a system timer, and only outside opening hours.
    nightly_reboot: Annotated[str, AfterValidator(check_time_of_day)] = ""
    # Switch the PC off after closing and let its real-time clock switch it on again
    # before the next opening (the PC's firmware must allow waking by RTC).
    power_off_when_closed: bool = False

    def opening_hours(self) -> OpeningHours:
        weekly = {str(day): hours for day, hours in self.hours.items()}
        return OpeningHours(weekly, self.dates, self.wake_minutes)


_NOT_IN_A_NAME = set('/\\:*?"<>|')


def check_kiosk_name_or(name: str, fallback: str) -> str:
    """``name`` if it can name a kiosk, else ``fallback``."""
    try:
        return check_kiosk_name(name) or fallback
    except ValueError:
        return fallback


def check_kiosk_name(name: str) -> str:
    """A kiosk's name as it goes into file names, reports and metrics: up to 64 printable
    characters, none that a file name cannot hold."""
    if len(name) > 64:
        raise ValueError("a kiosk's name has at most 64 characters")
    if name.startswith(".") or any(
        not char.isprintable() or char in _NOT_IN_A_NAME for char in name
    ):
        raise ValueError(
            f"'{name}' cannot name a kiosk: use letters, digits, spaces, '-' and '_' "
            "(e.g. hall-entrance)"
        )
    return name.strip()


def parse_listen(listen: str) -> tuple[str, int]:
    """``127.0.0.1:9731`` → ("127.0.0.1", 9731); raises ValueError for anything else."""
    host, colon, port = listen.rpartition(":")
    if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"'{listen}' is not an address and port such as 127.0.0.1:9731")
    return host.strip("[]"), int(port)


def check_listen(listen: str) -> str:
    if listen.strip():
        parse_listen(listen.strip())
    return listen.strip()


class MetricsConfig(_Section):
    """The kiosk's health for Prometheus (config/prometheus/): off unless asked for."""

    # Serve /metrics here ("127.0.0.1:9731"; the booth's LAN address for a hall's
    # Prometheus). Empty: no server.
    listen: Annotated[str, AfterValidator(check_listen)] = ""
    # Or write the metrics to this file for node_exporter's textfile collector, every so
    # many seconds. Empty: no file.
    textfile: Path | None = None
    textfile_seconds: float = Field(default=30, ge=5, le=3600)


class SyncthingConfig(_Section):
    """A Syncthing on this PC that brings the hall's content (config/syncthing.md), for
    doctor to ask how its folders stand."""

    # Its GUI/REST address and API key (Actions > Settings > API Key; in its config.xml).
    # Empty: doctor does not ask.
    url: str = ""
    api_key: str = ""


class KioskConfig(_Section):
    """All settings of one kiosk."""

    # The kiosk's name in a hall of several: on the staff Status page, in its reports,
    # exports and metrics. Empty: this PC's host name.
    kiosk_name: Annotated[str, AfterValidator(check_kiosk_name)] = ""
    data_dir: Path | None = None
    display: DisplayConfig = Field(default_factory=DisplayConfig)
    session: SessionConfig = Field(default_factory=SessionConfig)
    accessibility: AccessibilityConfig = Field(default_factory=AccessibilityConfig)
    staff: StaffConfig = Field(default_factory=StaffConfig)
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    metrics: MetricsConfig = Field(default_factory=MetricsConfig)
    syncthing: SyncthingConfig = Field(default_factory=SyncthingConfig)
    # The staff PIN as a salted hash (never the PIN itself): set it with
    # "gyeonggi-kiosk --config FILE staff set-pin".
    staff_pin_hash: Annotated[str, AfterValidator(check_pin_hash)] | None = None
    # Folders watched for *.kpkg files besides USB sticks (a network share, a Syncthing
    # receive-only folder: config/syncthing.md).
    drop_folders: list[Path] = Field(default_factory=list)
    # Where the report of a package from a drop folder goes (as <kiosk name>-report.txt),
    # instead of beside the package: a Syncthing send-only folder carries it to the office.
    # Empty: beside the package, as on a stick.
    report_folder: Path | None = None
    # Public keys whose signed packages install without the staff PIN: the lines of the
    # KEYFILE.pub files that "package keygen" writes ("<key id> <base64 key>").
    trusted_keys: list[
        Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16} [A-Za-z0-9+/]{43}=$")]
    ] = Field(default_factory=list)

    def name(self) -> str:
        """The kiosk's name: ``kiosk_name``, else this PC's host name."""
        if self.kiosk_name:
            return self.kiosk_name
        host = socket.gethostname().split(".")[0]
        return check_kiosk_name_or(host, "kiosk")

    def resolved_data_dir(self, override: Path | None = None) -> Path:
        """The data directory: an explicit override, ``KIOSK_DATA_DIR``, the config, or
        the platform's per-user data folder."""
        return data_dir_for(override, self.data_dir)


def load_config(path: Path | None) -> KioskConfig:
    """The config in ``path`` (or ``KIOSK_CONFIG``), or the defaults when neither is given."""
    if path is None and (env := os.environ.get("KIOSK_CONFIG")):
        path = Path(env)
    if path is None:
        return KioskConfig()
    try:
        doc = load_yaml(path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}:1: the config is not UTF-8 text") from error
    if doc.problems:
        raise ConfigError("\n".join(doc.problems))
    if doc.data is None or doc.data == {}:
        return KioskConfig()
    if not isinstance(doc.data, dict):
        raise ConfigError(doc.problem((), "the config must be a mapping of keys"))
    try:
        config = KioskConfig.model_validate(doc.data)
    except ValidationError as error:
        raise ConfigError("\n".join(describe_validation_error(doc, error))) from error
    if config.data_dir is not None and not config.data_dir.is_absolute():
        # A relative data_dir means: relative to the config file, not to wherever the
        # kiosk happened to be started.
        config = config.model_copy(update={"data_dir": path.parent / config.data_dir})
    return config


def set_top_level_value(path: Path, key: str, value: str) -> None:
    """Set ``key: "value"`` at the top level of a config file, keeping its other lines and
    comments; written atomically."""
    line = f'{key}: "{value}"'
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config ({error.strerror})") from error
    for index, existing in enumerate(lines):
        if existing.startswith(f"{key}:"):
            lines[index] = line
            break
    else:
        lines.append(line)
    try:
        # Owner-only: the config holds the staff PIN's hash, which must not be guessed at
        # offline by another local user.
        write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"), mode=0o600)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the config ({error.strerror})") from error
