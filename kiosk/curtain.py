"""The show's first frame, on screen before the rest of the kiosk has loaded.

Loading the whole kiosk (its modules, the QML of every screen, the content) takes about
a second here, while a bare window shows in a quarter of that. So when the attract loop
first shows its picture, the kiosk keeps a copy of the screen (``kiosk.bridge.
curtain_keeper``). At the next start, or the restart after a crash, this module shows
that copy in a plain raster window at once. The kiosk then loads behind it, and its own
window takes over once it shows the same picture (docs/decisions/0022-the-curtain.md).

A copy is shown only where it still fits: the same content (the installed package
pointer, byte for byte), the same screen at the same size, a plain ``run`` at the booth
(no window, screenshot or package of the command line's choosing), the same config file,
unchanged, and within the opening hours it was kept in (a start after closing time shows
the closed screen, not a second of the attract loop before it; the keeper also forgets
the copy when the screen goes dark), and not before it was kept (a clock set back could
otherwise put a closed booth back into the hours of the copy). Anything
unexpected, such as a missing, short or damaged file, means no curtain: the start is a
little slower, never wrong.

This module imports only what showing a picture needs, because it runs before the rest.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import trace
from kiosk.paths import DataPaths, data_dir_for

__all__ = [
    "CurtainPicture",
    "booth_data_dir",
    "config_stamp",
    "curtain_is_up",
    "forget_curtain",
    "kept_curtain",
    "lift_curtain",
    "pointer_text",
    "raise_curtain",
    "save_curtain",
]

_FORMAT = 3
# How far the clock may seem to have gone back since a copy was kept and the copy still
# be shown: a time server's corrections, not a clock set back by hand.
_CLOCK_SLACK_S = 60.0
# A bigger picture than this is no screen of ours (16K at 4 bytes a pixel).
_MOST_BYTES = 15360 * 8640 * 4
# The first paint is waited for this long at most; the kiosk goes on loading either way.
_PAINT_WAIT_MS = 500


@dataclass(frozen=True)
class CurtainPicture:
    """What a saved copy of the screen says about itself (``curtain.json``)."""

    width: int
    height: int
    stride: int
    ratio: float
    screen: str
    geometry: tuple[int, int, int, int]
    pointer: str
    # Until when the screen shows what the copy shows (seconds since the epoch): the
    # opening hours' next change when it was kept; None: no change ahead.
    shows_until: float | None = None
    # The config it was kept under (``config_stamp``): another config may show another
    # screen first (hours that have the booth closed now, another rotation).
    config: str = ""
    # When it was kept (seconds since the epoch).
    kept_at: float = 0.0

    @classmethod
    def from_json(cls, text: str) -> CurtainPicture | None:
        """The description in ``text``, or None for anything but a well-formed one."""
        try:
            data: Any = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != _FORMAT:
                return None
            geometry = tuple(int(value) for value in data["geometry"])
            until, config, kept_at = data["shows_until"], data["config"], data["kept_at"]
            if not isinstance(config, str) or not _is_number(kept_at):
                return None
            if until is not None and not _is_number(until):
                return None
            picture = cls(
                int(data["width"]), int(data["height"]), int(data["stride"]),
                float(data["ratio"]), str(data["screen"]),
                (geometry[0], geometry[1], geometry[2], geometry[3]), str(data["pointer"]),
                None if until is None else float(until), config, float(kept_at),
            )  # fmt: skip
        except (ValueError, TypeError, KeyError, IndexError):
            return None
        sane = (
            0 < picture.width <= picture.stride // 4
            and picture.height > 0
            and picture.stride * picture.height <= _MOST_BYTES
            and 0.5 <= picture.ratio <= 8
            and (picture.shows_until is None or math.isfinite(picture.shows_until))
            and math.isfinite(picture.kept_at)
        )
        return picture if sane else None

    def to_json(self) -> str:
        return json.dumps({
            "format": _FORMAT, "width": self.width, "height": self.height,
            "stride": self.stride, "ratio": self.ratio, "screen": self.screen,
            "geometry": list(self.geometry), "pointer": self.pointer,
            "shows_until": self.shows_until, "config": self.config, "kept_at": self.kept_at,
        })  # fmt: skip

    def still_shown(self, now: float) -> bool:
        """Whether the screen still shows this at ``now`` (seconds since the epoch): not
        past the hours it was kept in, and not before it was kept."""
        if now < self.kept_at - _CLOCK_SLACK_S:
            return False
        return self.shows_until is None or now < self.shows_until


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def kept_curtain(paths: DataPaths) -> CurtainPicture | None:
    """The description of the kept curtain, if there is a well-formed one."""
    try:
        return CurtainPicture.from_json(paths.curtain_info.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def pointer_text(paths: DataPaths) -> str:
    """What the installed-package pointer says now ("" for none: the demo)."""
    try:
        return paths.pointer.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def config_stamp(config: Path | None) -> str:
    """What the config file says now, in a few characters: its size and a checksum of
    its bytes ("" for no config file, the built-in defaults). By content, not time stamp:
    a config put back with its old time stamp is still another config. A checksum, not a
    digest: nothing here guards against an attacker (one who can write the config can
    write the curtain), and zlib is already loaded at this point of a start."""
    if config is None:
        return ""
    try:
        text = _config_bytes(config)
    except OSError:
        return "unreadable"
    return f"{len(text)}:{zlib.crc32(text):08x}"


def _config_bytes(config: Path) -> bytes:
    """The config file's bytes, read as the kiosk reads it: a regular file only (a pipe
    would hang the start) and no larger than a config may be (``OSError`` otherwise: the
    kiosk says what is wrong with it, the curtain stays down)."""
    from kiosk import limits
    from kiosk.files import open_regular_file

    with open_regular_file(config) as file:
        text = file.read(limits.YAML_BYTES + 1)
    if len(text) > limits.YAML_BYTES:
        raise OSError(f"{config}: larger than a config may be")
    return text


class _UnreadableConfigError(Exception):
    """The config cannot be read here: the kiosk will say why, not the curtain."""


def booth_data_dir(argv: list[str], environ: Mapping[str, str]) -> Path | None:
    """The data folder of a plain ``run`` (the booth's command), found as the command line
    finds it (``data_dir_for``); None for any other command, or a config that cannot be
    read here."""
    run = _booth_run(argv, environ)
    return run[0] if run else None


def _booth_run(argv: list[str], environ: Mapping[str, str]) -> tuple[Path, Path | None] | None:
    """The data folder and the config file (None: the built-in defaults) of a plain
    ``run``; None for any other command, or a config that cannot be read here."""
    data_dir: str | None = None
    config: str | None = environ.get("KIOSK_CONFIG") or None
    rest = list(argv)
    while rest and rest[0] in ("--data-dir", "--config"):
        if len(rest) < 2:
            return None
        if rest[0] == "--data-dir":
            data_dir = rest[1]
        else:
            config = rest[1]
        rest = rest[2:]
    if rest != ["run"]:
        return None
    override = Path(data_dir) if data_dir else None
    configured = None
    # The config is read only when the command line and the environment do not decide.
    if override is None and not environ.get("KIOSK_DATA_DIR") and config:
        try:
            configured = _data_dir_in_config(Path(config))
        except _UnreadableConfigError:
            return None
    return data_dir_for(override, configured, environ), Path(config) if config else None


def _data_dir_in_config(config: Path) -> Path | None:
    """The config's ``data_dir`` (relative to the config's folder, as ``load_config``
    takes it), or None when it names none."""
    try:
        import yaml

        data = yaml.safe_load(_config_bytes(config).decode("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as error:
        raise _UnreadableConfigError from error
    if not isinstance(data, dict):
        raise _UnreadableConfigError
    value = data.get("data_dir")
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise _UnreadableConfigError
    path = Path(value)
    return path if path.is_absolute() else config.parent / path


def save_curtain(
    paths: DataPaths,
    image: Any,
    screen: str,
    geometry: tuple[int, int, int, int],
    shows_until: float | None = None,
    config: str = "",
) -> None:
    """Keep ``image`` (a QImage of the whole window) as the next start's curtain, with the
    screen it fills (its name and geometry), the pointer it shows, until when it is shown
    (``CurtainPicture.shows_until``) and the config's ``config_stamp``. Each file is
    written aside and renamed, so a start never reads half of one. Any thread."""
    from PySide6.QtGui import QImage

    picture = image.convertToFormat(QImage.Format.Format_RGB32)
    info = CurtainPicture(
        picture.width(), picture.height(), picture.bytesPerLine(),
        picture.devicePixelRatio(), screen, geometry, pointer_text(paths), shows_until,
        config, time.time(),
    )  # fmt: skip
    from kiosk.files import write_atomically

    # The description last: it is what makes the picture count.
    forget_curtain(paths)
    write_atomically(paths.curtain_picture, bytes(picture.constBits()))
    write_atomically(paths.curtain_info, info.to_json().encode())


def forget_curtain(paths: DataPaths) -> None:
    """No curtain at the next start (what it shows is no longer what the show starts with)."""
    with contextlib.suppress(OSError):
        paths.curtain_info.unlink()


def _curtain_window(image: Any) -> Any:
    """A raster window that paints ``image`` (QRasterWindow: QtGui only, no QML)."""
    from PySide6.QtGui import QPainter, QRasterWindow

    class CurtainWindow(QRasterWindow):
        def __init__(self) -> None:
            super().__init__()
            self.image = image
            self.setProperty("painted", False)

        def paintEvent(self, event: Any) -> None:
            painter = QPainter(self)
            painter.drawImage(0, 0, self.image)
            painter.end()
            self.setProperty("painted", True)

    return CurtainWindow()


class _Raised:
    """The curtain window on screen now, and the application it needed."""

    window: Any = None


_raised = _Raised()


def raise_curtain(argv: list[str]) -> bool:
    """Show the kept first frame full screen, if there is one that fits: True if shown."""
    run = _booth_run(argv, os.environ)
    if run is None:
        return False
    data_dir, config = run
    paths = DataPaths(data_dir)
    picture = kept_curtain(paths)
    if picture is None or picture.pointer != pointer_text(paths):
        return False
    if picture.config != config_stamp(config) or not picture.still_shown(time.time()):
        return False
    try:
        pixels = paths.curtain_picture.read_bytes()
    except OSError:
        return False
    if len(pixels) != picture.stride * picture.height:
        return False
    return _show(picture, pixels)


def _show(picture: CurtainPicture, pixels: bytes) -> bool:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt
    from PySide6.QtGui import QCursor, QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    screens = [s for s in app.screens() if s.name() == picture.screen]
    if not screens:
        return False
    screen = screens[0]
    geometry = screen.geometry()
    if (geometry.x(), geometry.y(), geometry.width(), geometry.height()) != picture.geometry:
        return False
    # A copy: the QImage must not outlive the bytes it was made over.
    image = QImage(pixels, picture.width, picture.height, picture.stride,
                   QImage.Format.Format_RGB32).copy()  # fmt: skip
    image.setDevicePixelRatio(picture.ratio)

    window = _curtain_window(image)
    window.setScreen(screen)
    # Geometry first: without a window manager showFullScreen() alone keeps 640x480.
    window.setGeometry(geometry)
    window.showFullScreen()
    app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    waited = QElapsedTimer()
    waited.start()
    while not window.property("painted") and waited.elapsed() < _PAINT_WAIT_MS:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    app.processEvents()  # the painted picture out to the screen
    trace.mark("curtain_shown", painted=bool(window.property("painted")))
    _raised.window = window
    return True


def curtain_is_up() -> bool:
    """Whether this process raised a curtain that is still up."""
    return _raised.window is not None


def lift_curtain() -> None:
    """Close the curtain (the kiosk's own window shows the show now)."""
    window, _raised.window = _raised.window, None
    if window is not None:
        from PySide6.QtGui import QGuiApplication

        window.close()
        window.image = None  # its 8 MB go now, not whenever the window is collected
        window.deleteLater()
        QGuiApplication.restoreOverrideCursor()  # the kiosk's window hides it on its own
        trace.mark("curtain_lifted")
