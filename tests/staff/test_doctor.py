"""`gyeonggi-kiosk doctor`: is this PC ready to be the kiosk? What to fix, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.package import ContentPackage
from kiosk.install.installer import Installer
from kiosk.install.media_store import MediaStore


@pytest.fixture
def ready_config(tmp_path: Path, run_cli) -> Path:
    """A config with a staff PIN and a drop folder that exists."""
    drop = tmp_path / "drop"
    drop.mkdir()
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"drop_folders:\n  - {drop}\n", encoding="utf-8")
    result = run_cli("--config", config, "staff", "set-pin", stdin="246802\n246802\n")
    assert result.returncode == 0, result.stderr
    return config


def test_a_ready_pc_is_called_ready(run_cli, ready_config: Path) -> None:
    result = run_cli("--config", ready_config, "doctor", DISPLAY="")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("ready")
    assert "problem" not in result.stdout
    assert any(line.startswith("ok") and "Qt Quick and Qt Multimedia" in line
               for line in result.stdout.splitlines())  # fmt: skip
    assert any(line.startswith("note") and "built-in demo" in line
               for line in result.stdout.splitlines())  # fmt: skip


def test_what_must_be_fixed_is_named_with_the_fix(run_cli, tmp_path: Path) -> None:
    """No staff PIN, a drop folder that is not there, a data folder that cannot be made:
    each a problem with what to do, and exit 1."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should go")
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"drop_folders:\n  - {tmp_path / 'missing'}\n", encoding="utf-8")
    result = run_cli("--config", config, "--data-dir", blocker / "data", "doctor")
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith("problem")]
    assert len(problems) == 3, result.stdout
    assert "staff set-pin" in "".join(problems)
    assert "missing does not exist" in "".join(problems)
    assert "cannot write to" in "".join(problems)
    assert "3 things to fix" in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_content_is_a_problem_and_names_what_shows_instead(
    run_cli, ready_config: Path, tmp_path: Path, demo_package: Path
) -> None:
    data = tmp_path / "data"  # the data folder run_cli gives the command
    installer = Installer(data, [])
    installed = installer.install(demo_package, approved=True)
    result = run_cli("--config", ready_config, "doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{installed.path.name} opens and has all its media files" in result.stdout
    with ContentPackage.open(installed.path) as package:
        first = next(iter(package.content.media.values()))
    MediaStore(data / "media").path_for(first).unlink()
    result = run_cli("--config", ready_config, "doctor")
    assert result.returncode == 1
    assert f"{installed.path.name} is damaged or incomplete" in result.stdout
    assert "the built-in demo instead" in result.stdout


def test_doctor_reads_the_opening_hours_and_names_what_switches_the_screen(
    run_cli, ready_config: Path
) -> None:
    lines = lambda result: [line for line in result.stdout.splitlines() if "opening hours" in line]  # noqa: E731
    assert "none set" in lines(run_cli("--config", ready_config, "doctor"))[0]
    with ready_config.open("a", encoding="utf-8") as config:
        config.write("schedule:\n  hours: {daily: closed}\n  nightly_reboot: 03:30\n")
    [line] = lines(run_cli("--config", ready_config, "doctor", DISPLAY="", QT_QPA_PLATFORM=""))
    assert "today closed; the screen is off" in line
    assert "restarts at 03:30 each night" in line
    assert "nothing here can switch the display off" in line
