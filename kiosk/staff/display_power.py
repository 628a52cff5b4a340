"""Turning the booth's picture off and on outside opening hours, by every means this PC
has: the frame buffer's blanking (Qt's linuxfb on the booth image), DPMS on X, a
backlight's power switch, and HDMI-CEC standby for a TV that listens (``cec-client``).

Each means is tried and its result logged; one that is missing or refuses is skipped. The
kiosk paints its closed screen black as well, so a display no software can switch off still
shows no picture. Every call may block (``cec-client`` takes seconds): callers run these
off the GUI thread.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

log = logging.getLogger(__name__)

# linux/fb.h
FBIOBLANK = 0x4611
FB_BLANK_UNBLANK = 0
FB_BLANK_POWERDOWN = 4
# The backlight class's bl_power uses the same values.
BACKLIGHTS = Path("/sys/class/backlight")
CEC_SECONDS = 15
XSET_SECONDS = 5


@dataclass(frozen=True)
class PowerResult:
    """What one attempt did: each means tried, and whether it worked."""

    worked: tuple[str, ...]
    failed: tuple[str, ...]


class DisplayPower:
    """The means this PC has, found once from the environment Qt runs in."""

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        backlights: Path = BACKLIGHTS,
        run: Callable[..., subprocess.CompletedProcess[bytes]] = subprocess.run,
    ) -> None:
        environ = os.environ if environ is None else environ
        self._run = run
        self._frame_buffer = frame_buffer_device(environ.get("QT_QPA_PLATFORM", ""))
        self._x_display = bool(environ.get("DISPLAY")) and shutil.which("xset") is not None
        self._backlights = backlights
        self._cec = shutil.which("cec-client")
        self._cec_adapters: bool | None = None  # asked once, when first needed

    def means(self) -> list[str]:
        """The means that will be tried, for doctor and the log."""
        found = []
        if self._frame_buffer is not None:
            found.append(f"frame buffer ({self._frame_buffer})")
        if self._x_display:
            found.append("DPMS (xset)")
        found.extend(f"backlight ({path.parent.name})" for path in self._backlight_switches())
        if self._has_cec_adapter():
            found.append("HDMI-CEC (cec-client)")
        return found

    def turn(self, on: bool) -> PowerResult:
        """Turn the picture on or off by every means; what worked and what did not."""
        worked: list[str] = []
        failed: list[str] = []

        def attempt(name: str, action: Callable[[], object]) -> None:
            try:
                action()
            except (OSError, subprocess.SubprocessError) as error:
                failed.append(name)
                log.info("could not turn the screen %s by %s: %s", _word(on), name, error)
            else:
                worked.append(name)

        if self._frame_buffer is not None:
            device = self._frame_buffer
            attempt("frame buffer", lambda: _blank(device, on))
        if self._x_display:
            attempt("DPMS", lambda: self._command(["xset", "dpms", "force", _word(on)]))
        level = str(FB_BLANK_UNBLANK if on else FB_BLANK_POWERDOWN)
        for switch in self._backlight_switches():
            attempt(f"backlight {switch.parent.name}", partial(switch.write_text, level))
        if self._cec and self._has_cec_adapter():
            cec = self._cec
            attempt("HDMI-CEC", lambda: self._cec_command(cec, "on 0" if on else "standby 0"))
        log.info(
            "screen %s: by %s",
            _word(on),
            ", ".join(worked) if worked else "nothing (the picture is painted black only)",
        )
        return PowerResult(tuple(worked), tuple(failed))

    def _backlight_switches(self) -> list[Path]:
        try:
            candidates = sorted(self._backlights.glob("*/bl_power"))
        except OSError:
            return []
        return [path for path in candidates if os.access(path, os.W_OK)]

    def _has_cec_adapter(self) -> bool:
        """cec-client is installed and finds an adapter (a PC's HDMI port rarely is one; a
        Pulse-Eight USB adapter or a Raspberry Pi's is)."""
        if self._cec is None:
            return False
        if self._cec_adapters is None:
            try:
                listing = self._run(
                    [self._cec, "-l"], capture_output=True, timeout=CEC_SECONDS
                ).stdout.decode(errors="replace")
            except (OSError, subprocess.SubprocessError):
                listing = ""
            found = re.search(r"Found devices:\s*(\d+)", listing)
            self._cec_adapters = bool(found and int(found.group(1)) > 0)
        return self._cec_adapters

    def _command(self, argv: list[str]) -> None:
        self._run(argv, check=True, capture_output=True, timeout=XSET_SECONDS)

    def _cec_command(self, cec: str, command: str) -> None:
        # -s: one command from stdin, then exit; -d 1: errors only.
        self._run(
            [cec, "-s", "-d", "1"],
            input=command.encode(),
            check=True,
            capture_output=True,
            timeout=CEC_SECONDS,
        )


def frame_buffer_device(platform: str) -> Path | None:
    """The frame buffer Qt draws on with ``linuxfb`` (its ``fb=`` option, else /dev/fb0);
    None for any other platform."""
    name, _, options = platform.partition(":")
    if name != "linuxfb":
        return None
    for option in options.split(":"):
        key, _, value = option.partition("=")
        if key == "fb" and value:
            return Path(value)
    return Path("/dev/fb0")


def _blank(device: Path, on: bool) -> None:
    with device.open("rb") as frame_buffer:
        fcntl.ioctl(frame_buffer, FBIOBLANK, FB_BLANK_UNBLANK if on else FB_BLANK_POWERDOWN)


def _word(on: bool) -> str:
    return "on" if on else "off"
