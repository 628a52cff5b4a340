"""`stats merge`: the exports of two kiosks with known visitors add up to known figures, per
kiosk and for the hall, per day and hour; overlapping exports count each event once; the
same export twice, and two kiosks under one name, are refused with a reason."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.analytics.log import InteractionLog, log_path

FIRST, SECOND = date(2026, 10, 26), date(2026, 10, 27)


def at(day: date, hour: int, minute: int) -> float:
    return datetime(day.year, day.month, day.day, hour, minute).timestamp()


def visit(log: InteractionLog, day: date, hour: int, corner: str, seconds: float,
          english: bool = False) -> None:  # fmt: skip
    """One visitor: a corner for ``seconds``, perhaps in English, then gone."""
    log.record("session_start", at=at(day, hour, 0))
    if english:
        log.record("language_switch", at=at(day, hour, 1), detail="en")
    log.record("corner_view", at=at(day, hour, 2), corner_id=corner, value=seconds)
    log.record("session_end", at=at(day, hour, 3), detail="idle", value=seconds + 60)


def kiosk(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A kiosk's data folder and its config naming it."""
    data = tmp_path / name / "data"
    config = tmp_path / name / "kiosk.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"kiosk_name: {name}\n", encoding="utf-8")
    return data, config


def export(run_cli, data: Path, config: Path, stick: Path) -> Path:
    done = run_cli("--config", config, "--data-dir", data, "stats", "export", "--out", stick,
                   "--with-log")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.split("wrote ")[1].split()[0]).parent


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


@pytest.fixture
def hall(run_cli, tmp_path: Path) -> dict[str, Path]:
    """Two kiosks' exports on one stick: the entrance's twice (after each day, the second
    holding the first's events too), the stage's once."""
    stick = tmp_path / "stick"
    entrance, entrance_config = kiosk(tmp_path, "entrance")
    stage, stage_config = kiosk(tmp_path, "stage")
    log = InteractionLog(log_path(entrance))
    visit(log, FIRST, 10, "clean-valleys", 40)
    visit(log, FIRST, 11, "public-delivery-app", 20, english=True)
    log.flush()
    monday = export(run_cli, entrance, entrance_config, stick / "monday")
    visit(log, SECOND, 15, "clean-valleys", 30)
    log.flush()
    log.close()
    tuesday = export(run_cli, entrance, entrance_config, stick / "tuesday")
    log = InteractionLog(log_path(stage))
    visit(log, FIRST, 10, "clean-valleys", 50, english=True)
    visit(log, FIRST, 10, "northeast-relocation", 70)
    visit(log, FIRST, 14, "clean-valleys", 10)
    log.flush()
    log.close()
    staged = export(run_cli, stage, stage_config, stick / "stage")
    return {"stick": stick, "monday": monday, "tuesday": tuesday, "stage": staged}


def test_two_kiosks_add_up_per_kiosk_and_for_the_hall(
    run_cli, hall: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "report" / "hall.csv"
    merged = run_cli("stats", "merge", hall["stick"], "-o", out)
    assert merged.returncode == 0, merged.stderr
    assert "3 exports of 2 kiosks (entrance, stage), 20 events, 2 days" in merged.stdout
    assert "counted once" in merged.stderr  # the entrance's Monday events, twice exported
    by = {(row["day"], row["kiosk"]): row for row in rows(out)}
    assert set(by) == {("2026-10-26", "entrance"), ("2026-10-26", "stage"),
                       ("2026-10-26", "all kiosks"), ("2026-10-27", "entrance"),
                       ("2026-10-27", "stage"), ("2026-10-27", "all kiosks")}  # fmt: skip
    monday_hall = by[("2026-10-26", "all kiosks")]
    assert [by[("2026-10-26", k)]["sessions"] for k in ("entrance", "stage")] == ["2", "3"]
    assert monday_hall["sessions"] == "5"
    assert monday_hall["visits clean-valleys"] == "3"
    assert float(monday_hall["dwell seconds clean-valleys"]) == 100  # 40 + 50 + 10
    assert float(monday_hall["mean session seconds"]) == 98  # (100+80+110+130+70) / 5
    # Languages as the kiosk's own summary counts them: every session reads Korean first,
    # two switched to English (one at each kiosk): 2 of 7.
    assert float(monday_hall["share en"]) == pytest.approx(2 / 7, abs=1e-3)
    assert float(by[("2026-10-26", "stage")]["share en"]) == 0.25
    assert by[("2026-10-27", "all kiosks")]["sessions"] == "1"
    assert by[("2026-10-27", "stage")]["sessions"] == "0"
    hours = {
        (r["day"], r["hour"], r["kiosk"]): r["sessions"]
        for r in rows(tmp_path / "report" / "hall-hours.csv")
    }
    assert hours[("2026-10-26", "10", "all kiosks")] == "3"  # the entrance's one, the stage's two
    assert hours[("2026-10-26", "14", "stage")] == "1"
    assert hours[("2026-10-26", "14", "entrance")] == "0"
    at_ten = {r["kiosk"]: r for r in rows(tmp_path / "report" / "hall-hours.csv")
              if (r["day"], r["hour"]) == ("2026-10-26", "10")}  # fmt: skip
    assert at_ten["all kiosks"]["visits northeast-relocation"] == "1"
    assert float(at_ten["stage"]["share en"]) == pytest.approx(1 / 3, abs=1e-3)
    events = rows(tmp_path / "report" / "hall-events.csv")
    assert len(events) == 20 and {row["kiosk"] for row in events} == {"entrance", "stage"}


def test_the_same_export_twice_is_refused(run_cli, hall: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-monday"
    shutil.copytree(hall["monday"], copy)
    refused = run_cli("stats", "merge", hall["monday"], copy, "-o", tmp_path / "hall.csv")
    assert refused.returncode == 2, refused.stderr
    assert "is the same export as" in refused.stderr and "entrance" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "hall.csv").exists()


def test_two_kiosks_under_one_name_are_refused(
    run_cli, hall: dict[str, Path], tmp_path: Path
) -> None:
    """The stage's export relabelled as the entrance's: its events 1, 2, ... disagree."""
    forged = tmp_path / "forged"
    shutil.copytree(hall["stage"], forged)
    about = json.loads((forged / "export.json").read_text())
    (forged / "export.json").write_text(json.dumps({**about, "kiosk": "entrance"}))
    events = (
        (forged / "events.csv").read_text(encoding="utf-8-sig").replace(",stage\n", ",entrance\n")
    )
    (forged / "events.csv").write_text(events, encoding="utf-8-sig")
    refused = run_cli("stats", "merge", hall["monday"], forged, "-o", tmp_path / "hall.csv")
    assert refused.returncode == 2 and "two kiosks share the name entrance" in refused.stderr


@pytest.mark.parametrize(
    "damage", ["no export", "not csv", "a row cut short", "no about", "a bad name"]
)
def test_a_folder_that_is_not_an_export_says_what_is_wrong(
    run_cli, hall: dict[str, Path], tmp_path: Path, damage: str
) -> None:
    place = tmp_path / "place"
    shutil.copytree(hall["stage"], place)
    if damage == "no export":
        shutil.rmtree(place)
        place.mkdir()
    elif damage == "not csv":
        (place / "events.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    elif damage == "a row cut short":
        with (place / "events.csv").open("a", encoding="utf-8") as file:
            file.write("99,2026-10-26 10:00:00,session_start\n")
    elif damage == "a bad name":
        about = json.loads((place / "export.json").read_text())
        (place / "export.json").write_text(json.dumps({**about, "kiosk": "../../etc"}))
    else:
        (place / "export.json").unlink()
    refused = run_cli("stats", "merge", place, "-o", tmp_path / "hall.csv")
    assert refused.returncode == 2, refused.stderr
    assert str(place) in refused.stderr and "Traceback" not in refused.stderr


def test_the_page_has_a_chart_per_question_and_every_kiosk(
    run_cli, hall: dict[str, Path], tmp_path: Path
) -> None:
    page = tmp_path / "hall.html"
    merged = run_cli("stats", "merge", hall["stick"], "-o", tmp_path / "hall.csv", "--html", page)
    assert merged.returncode == 0, merged.stderr
    text = page.read_text(encoding="utf-8")
    # Nothing fetched from elsewhere: the page opens as it is, on a PC without a network.
    assert text.count("<svg") == 5 and 'href="http' not in text and "kozea" not in text
    for words in ("Sessions per day", "Sessions per hour", "Corner visits", "Languages",
                  "entrance", "stage", "clean-valleys"):  # fmt: skip
        assert words in text, words


def test_control_characters_in_an_export_never_reach_the_report_raw(
    run_cli, hall: dict[str, Path], tmp_path: Path
) -> None:
    """A hand-edited export with NUL and escape bytes in a cell: merged, and written out
    escaped, as the kiosk's own exports write text."""
    place = tmp_path / "place"
    shutil.copytree(hall["stage"], place)
    with (place / "events.csv").open("ab") as file:
        file.write(b"99,2026-10-26 10:00:00,language_switch,1,,\x00\x1b[2J,,stage\n")
    merged = run_cli("stats", "merge", place, "-o", tmp_path / "hall.csv")
    assert merged.returncode == 0, merged.stderr
    written = (tmp_path / "hall-events.csv").read_bytes()
    assert b"\x00" not in written and b"\x1b" not in written
