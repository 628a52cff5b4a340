"""`status --json` and `doctor --json`: one JSON document each, in the shape that
docs/schemas/ writes down, for whatever watches the PC."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import jsonschema
import pytest

from kiosk.install.installer import Installer
from kiosk.notices import Notice, attach_notices_file, notice

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def _valid(document: dict, schema: str) -> dict:
    jsonschema.validate(document, json.loads((SCHEMAS / schema).read_text()))
    return document


def test_status_json_names_the_content_and_the_problems(
    run_cli, tmp_path: Path, demo_package: Path
) -> None:
    data = tmp_path / "data"  # the data folder run_cli gives the command
    installed = Installer(data, []).install(demo_package, approved=True)
    handler = attach_notices_file(data)
    assert handler is not None
    try:
        logging.getLogger("kiosk.test").warning(
            "the video of corner 2 cannot be played",
            extra=notice(Notice.VIDEO_UNPLAYABLE, {"ko": "2 코너", "en": "Corner 2"}),
        )
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    result = run_cli("status", "--json")
    assert result.returncode == 0, result.stderr
    document = _valid(json.loads(result.stdout), "status.schema.json")
    assert document["content"]["file_name"] == installed.path.name
    assert document["content"]["signature"] == "unsigned"
    assert document["previous"] is None
    assert document["running"] is False and document["uptime_seconds"] is None
    assert document["data_dir"] == str(data)
    [problem] = document["problems"]
    assert problem["kind"] == "video_unplayable"
    assert problem["subject"] == {"ko": "2 코너", "en": "Corner 2"}
    assert problem["detail"].endswith("the video of corner 2 cannot be played")


def test_status_json_of_a_kiosk_with_nothing_installed(run_cli) -> None:
    result = run_cli("status", "--json")
    assert result.returncode == 0, result.stderr
    document = _valid(json.loads(result.stdout), "status.schema.json")
    assert document["content"] is None and document["problems"] == []


@pytest.mark.parametrize("ready", [True, False])
def test_doctor_json_lists_every_check_and_exits_as_doctor_does(
    run_cli, tmp_path: Path, ready: bool
) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text("drop_folders: []\n", encoding="utf-8")
    if ready:
        set_pin = run_cli("--config", config, "staff", "set-pin", stdin="246802\n246802\n")
        assert set_pin.returncode == 0, set_pin.stderr
    result = run_cli("--config", config, "doctor", "--json", DISPLAY="")
    assert result.returncode == (0 if ready else 1), result.stdout + result.stderr
    document = _valid(json.loads(result.stdout), "doctor.schema.json")
    assert document["ready"] is ready
    outcomes = {finding["subject"]: finding["outcome"] for finding in document["findings"]}
    assert outcomes["staff PIN"] == ("ok" if ready else "problem")
    for subject in ("data partition", "display", "service", "clock", "video decoding"):
        assert subject in outcomes
    # This test's data folder is on a writable disk with a clock after the build.
    assert outcomes["data partition"] == "ok" and outcomes["clock"] == "ok"
    assert "Traceback" not in result.stderr


def test_schedule_plan_json_and_lines_say_the_same(run_cli, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        "schedule:\n  hours: {daily: closed}\n  nightly_reboot: 03:30\n"
        "  power_off_when_closed: true\n",
        encoding="utf-8",
    )
    document = json.loads(run_cli("--config", config, "schedule", "plan", "--json").stdout)
    _valid(document, "schedule-plan.schema.json")
    assert document["screen_on"] is False and document["reboot_at"].endswith("T03:30:00")
    # Closed every day: off after the grace minutes, and no wake-up to set.
    assert document["power_off_at"] and document["wake_at"] is None
    lines = run_cli("--config", config, "schedule", "plan").stdout.splitlines()
    assert lines[0] == "screen_on=no" and lines[-1] == "wake_at="
    assert lines[1] == "reboot_at=" + document["reboot_at"].replace("T", " ")


def test_status_names_the_kiosk_from_its_config_else_the_pc(run_cli, tmp_path: Path) -> None:
    """kiosk_name in the config names the kiosk in status; without it, the PC's host name."""
    import socket

    config = tmp_path / "kiosk.yaml"
    config.write_text("kiosk_name: 홀 입구-1\n", encoding="utf-8")
    named = _valid(json.loads(run_cli("--config", config, "status", "--json").stdout),
                   "status.schema.json")  # fmt: skip
    assert named["kiosk"] == "홀 입구-1"
    assert "kiosk      홀 입구-1" in run_cli("--config", config, "status").stdout
    unnamed = json.loads(run_cli("status", "--json").stdout)
    assert unnamed["kiosk"] == socket.gethostname().split(".")[0]
