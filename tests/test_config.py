"""The kiosk config: defaults without a file, file:line errors with a bad one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.config import KioskConfig, load_config
from kiosk.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent


def test_no_file_means_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kiosk runs with no config file at all."""
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    assert load_config(None) == KioskConfig()


def test_the_shipped_config_is_valid_and_equals_the_defaults() -> None:
    """config/kiosk.yaml documents the defaults, so it must match them."""
    assert load_config(REPO / "config" / "kiosk.yaml") == KioskConfig()


def test_mistakes_name_their_lines(tmp_path: Path) -> None:
    """Unknown keys and wrong values are reported with file:line, all at once."""
    path = tmp_path / "kiosk.yaml"
    path.write_text("display:\n  screen: -1\n  rotaton: 90\n  rotation: 45\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert f"{path}:2: display.screen" in message
    assert f"{path}:3: display.rotaton: unknown key" in message
    assert f"{path}:4: display.rotation" in message


def test_relative_data_dir_is_relative_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """data_dir: data means the folder next to the config, wherever the kiosk starts."""
    monkeypatch.delenv("KIOSK_DATA_DIR", raising=False)
    path = tmp_path / "kiosk.yaml"
    path.write_text("data_dir: data\n")
    assert load_config(path).resolved_data_dir() == tmp_path / "data"


def test_a_bad_config_stops_the_command_line(run_cli, tmp_path: Path) -> None:
    """The command line says what is wrong and exits 2."""
    path = tmp_path / "kiosk.yaml"
    path.write_text("display: [1, 2\n")
    result = run_cli("--config", path, "run", "--screenshot", tmp_path / "x.png")
    assert result.returncode == 2
    assert f"{path}:" in result.stderr and "not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("key", ["Ctrl+Alt+F12", "alt+ctrl+f1", "Ctrl+Alt+Backspace"])
def test_a_staff_key_the_system_takes_is_refused_with_a_better_one(
    tmp_path: Path, key: str
) -> None:
    """Ctrl+Alt+Fn switches consoles on X and under Wayland: it would never open the pad."""
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"staff:\n  entry_key: {key}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert f"{path}:2: staff.entry_key" in message
    assert "never reaches the kiosk" in message and "Ctrl+Shift+F12" in message


@pytest.mark.parametrize("key", ["Ctrl+Shift+F12", "Ctrl+Alt+S", "F9"])
def test_other_staff_keys_are_taken(tmp_path: Path, key: str) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"staff:\n  entry_key: {key}\n")
    assert load_config(path).staff.entry_key == key


def test_opening_hours_mistakes_name_their_lines(tmp_path: Path) -> None:
    """Hours that are not hours, a weekday that is not one, a date that is not a date."""
    path = tmp_path / "kiosk.yaml"
    path.write_text(
        "schedule:\n"
        "  hours:\n"
        "    mon: 9-18\n"
        "    monday: 09:00-18:00\n"
        "  dates:\n"
        "    2026-13-01: closed\n"
        "    2026-10-26: 10:00-10:00\n"
        "  nightly_reboot: half past three\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert f"{path}:3: schedule.hours.mon: '9' is not a time of day" in message
    assert f"{path}:4: schedule.hours.monday" in message
    assert f"{path}:6: schedule.dates.2026-13-01" in message
    assert f"{path}:7: schedule.dates.2026-10-26: '10:00-10:00' opens and closes" in message
    assert f"{path}:8: schedule.nightly_reboot: 'half past three' is not a time of day" in message


def test_times_written_without_quotes_are_times_not_base_60_numbers(tmp_path: Path) -> None:
    """YAML 1.1 reads 03:30 as the number 210; the config reads it as it was written."""
    path = tmp_path / "kiosk.yaml"
    path.write_text("schedule:\n  nightly_reboot: 03:30\n  hours:\n    daily: 09:00-18:00\n")
    schedule = load_config(path).schedule
    assert schedule.nightly_reboot == "03:30" and schedule.hours == {"daily": "09:00-18:00"}


@pytest.mark.parametrize(
    ("panel", "words"),
    [
        ("resolution: [1920, 1080]\n    width_mm: 950", "give both width_mm and height_mm"),
        ("diagonal_inches: 43", "needs its resolution too"),
        (
            "resolution: [1920, 1080]\n    diagonal_inches: 43\n    width_mm: 950\n"
            "    height_mm: 535",
            "not both",
        ),
        ("resolution: [1920]", "display.panel.resolution"),
        ("resolution: [1920, 1080]\n    diagonal_inches: -3", "display.panel.diagonal_inches"),
    ],
)
def test_a_panel_described_by_halves_is_a_mistake_on_its_line(
    tmp_path: Path, panel: str, words: str
) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"display:\n  panel:\n    {panel}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"{path}:" in str(caught.value) and words in str(caught.value)


def test_a_panels_pixel_from_its_diagonal_or_its_width_and_height(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("display:\n  rotation: 90\n  panel:\n    resolution: [3840, 2160]\n"
                    "    diagonal_inches: 55\n")  # fmt: skip
    display = load_config(path).display
    assert display.picture_size() == (2160, 3840)  # turned: a portrait picture
    assert display.panel.mm_per_px() == pytest.approx(0.3171, abs=1e-4)
    path.write_text("display:\n  panel:\n    resolution: [1920, 1080]\n    width_mm: 1210\n"
                    "    height_mm: 680\n")  # fmt: skip
    panel = load_config(path).display.panel
    assert panel.mm_per_px() == pytest.approx(0.63, abs=1e-3)
    assert panel.diagonal() == pytest.approx(54.6, abs=0.1)


@pytest.mark.parametrize("name", ["a/b", ".hidden", "tab\there", "x" * 65])
def test_a_kiosk_name_that_cannot_name_a_file_is_a_mistake(tmp_path: Path, name: str) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"kiosk_name: {json.dumps(name)}\n")
    with pytest.raises(ConfigError, match=r"kiosk\.yaml:1: kiosk_name"):
        load_config(path)
