"""Screen brightness, where the display lets software set it (a laptop-style backlight
under /sys/class/backlight, writable by the kiosk's user). Most booth monitors do not:
then there is simply no brightness control, and the panel says so."""

from __future__ import annotations

from pathlib import Path

BACKLIGHTS = Path("/sys/class/backlight")


class Backlight:
    """One backlight device."""

    def __init__(self, device: Path) -> None:
        self.device = device
        self.maximum = int((device / "max_brightness").read_text().strip())

    @classmethod
    def find(cls, root: Path = BACKLIGHTS) -> Backlight | None:
        """The first backlight the kiosk may set, else None."""
        try:
            devices = sorted(root.iterdir())
        except OSError:
            return None
        for device in devices:
            try:
                light = cls(device)
            except (OSError, ValueError):
                continue
            if light.maximum > 0 and _writable(device / "brightness"):
                return light
        return None

    def level(self) -> float:
        """Brightness from 0 to 1."""
        return int((self.device / "brightness").read_text().strip()) / self.maximum

    def set_level(self, level: float) -> None:
        """Set brightness (0 to 1; never fully dark, so the screen stays usable)."""
        value = max(1, round(min(1.0, max(0.05, level)) * self.maximum))
        (self.device / "brightness").write_text(str(value))


def _writable(path: Path) -> bool:
    try:
        with path.open("r+"):
            return True
    except OSError:
        return False
