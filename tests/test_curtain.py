"""The curtain: the show's first frame, kept by one run and shown by the next before the
kiosk has loaded; shown only where it still fits, and never in a way that costs the show."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage

from kiosk import limits
from kiosk.curtain import (
    CurtainPicture,
    booth_data_dir,
    config_stamp,
    curtain_is_up,
    kept_curtain,
    lift_curtain,
    raise_curtain,
    save_curtain,
)
from kiosk.paths import APP_NAME, DataPaths


def marks(trace: Path) -> list[dict[str, object]]:
    if not trace.exists():
        return []
    return [json.loads(line) for line in trace.read_text().splitlines()]


def events(trace: Path) -> list[str]:
    return [str(mark["event"]) for mark in marks(trace)]


def wait_for_mark(trace: Path, event: str, kiosk: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if event in events(trace):
            return
        assert kiosk.poll() is None, kiosk.communicate()[1]
        time.sleep(0.1)
    raise AssertionError(f"no {event} within {seconds} s: {events(trace)}")


def run_booth_kiosk(
    data: Path, trace: Path, until: str, seconds: float = 120, config: Path | None = None
) -> str:
    """``gyeonggi-kiosk run`` as at the booth (full screen, offscreen here) until ``until``
    is marked, then stopped as systemd stops it; its stderr."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(data),
               KIOSK_TRACE=str(trace))  # fmt: skip
    if config is not None:
        env["KIOSK_CONFIG"] = str(config)
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for_mark(trace, until, kiosk, seconds)
        kiosk.send_signal(signal.SIGTERM)
        _out, err = kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.communicate()
    assert kiosk.returncode == 0, err
    return err


def test_a_start_shows_the_kept_first_frame_then_hands_over_to_the_kiosk(tmp_path: Path) -> None:
    data, first, second = tmp_path / "data", tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    # The first run (it builds the demo) has no curtain, and keeps one.
    run_booth_kiosk(data, first, until="curtain_kept")
    assert "curtain_shown" not in events(first)
    paths = DataPaths(data)
    kept = kept_curtain(paths)
    assert kept is not None
    picture = QImage(paths.curtain_picture.read_bytes(), kept.width, kept.height, kept.stride,
                     QImage.Format.Format_RGB32)  # fmt: skip
    colours = {picture.pixel(x, y) for x in range(0, kept.width, 13)
               for y in range(0, kept.height, 11)}  # fmt: skip
    assert len(colours) > 5, "the kept frame is a picture of the show, not a flat fill"

    # The next start: the curtain is on screen before the kiosk's QML has even loaded,
    # and goes only after the kiosk's own window has drawn a frame.
    err = run_booth_kiosk(data, second, until="curtain_lifted")
    order = events(second)
    shown = next(mark for mark in marks(second) if mark["event"] == "curtain_shown")
    assert shown["painted"] is True
    assert order.index("curtain_shown") < order.index("qml_loaded")
    assert order.index("first_frame") < order.index("curtain_lifted")
    assert "curtain_kept" not in order, "a fitting curtain is not written again"
    assert "Traceback" not in err


def test_other_content_means_no_curtain_until_it_has_its_own(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run_booth_kiosk(data, tmp_path / "first.jsonl", until="curtain_kept")
    paths = DataPaths(data)
    kept = kept_curtain(paths)
    assert kept is not None
    # What `package install` or a rollback does: the pointer now names other content.
    info = json.loads(paths.curtain_info.read_text())
    info["pointer"] = '{"active": "another.kpkg"}'
    paths.curtain_info.write_text(json.dumps(info))
    second = tmp_path / "second.jsonl"
    run_booth_kiosk(data, second, until="curtain_kept")
    assert "curtain_shown" not in events(second)
    renewed = kept_curtain(paths)
    assert renewed is not None and renewed.pointer == kept.pointer


def test_a_curtain_kept_in_opening_hours_is_for_those_hours_only(tmp_path: Path) -> None:
    """A start after closing time shows the closed screen, not the attract loop's frame
    first: the kept copy says until when it is shown, and the next opening keeps anew."""
    now = dt.datetime.now()
    opens, closes = now - dt.timedelta(hours=1), now + dt.timedelta(hours=2)
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f'schedule:\n  hours:\n    daily: "{opens:%H:%M}-{closes:%H:%M}"\n  wake_minutes: 0\n'
    )
    data = tmp_path / "data"
    run_booth_kiosk(data, tmp_path / "first.jsonl", until="curtain_kept", config=config)
    kept = kept_curtain(DataPaths(data))
    assert kept is not None and kept.shows_until is not None
    # Closing time, to the minute the hours give.
    assert closes.timestamp() - 60 < kept.shows_until <= closes.timestamp()
    # Kept on another day (its hours are over): the first attract frame today keeps anew.
    paths = DataPaths(data)
    info = json.loads(paths.curtain_info.read_text())
    paths.curtain_info.write_text(json.dumps({**info, "shows_until": time.time() - 3600}))
    second = tmp_path / "second.jsonl"
    run_booth_kiosk(data, second, until="curtain_kept", config=config)
    assert "curtain_shown" not in events(second)
    renewed = kept_curtain(paths)
    assert renewed is not None and renewed.shows_until == kept.shows_until


def test_a_changed_config_means_no_curtain_until_it_has_its_own(tmp_path: Path) -> None:
    """Another config may show another screen first (hours that have the booth closed,
    another rotation): the kept copy is of the config it was kept under."""
    config = tmp_path / "kiosk.yaml"
    config.write_text("kiosk_name: booth-1\n")
    data = tmp_path / "data"
    run_booth_kiosk(data, tmp_path / "first.jsonl", until="curtain_kept", config=config)
    second = tmp_path / "second.jsonl"
    run_booth_kiosk(data, second, until="curtain_lifted", config=config)
    assert "curtain_shown" in events(second), "the same config, unchanged: the curtain"
    kept_under = config.stat()
    config.write_text("kiosk_name: booth-2\n")
    # Put back with the old time stamp (a restored backup): still another config.
    os.utime(config, ns=(kept_under.st_atime_ns, kept_under.st_mtime_ns))
    third = tmp_path / "third.jsonl"
    run_booth_kiosk(data, third, until="curtain_kept", config=config)
    assert "curtain_shown" not in events(third)


@pytest.fixture
def kept(tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch) -> DataPaths:
    """A curtain kept for this test's screen, in a data folder the booth's run would use."""
    paths = DataPaths(tmp_path / "data")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(paths.root))
    screen = QGuiApplication.primaryScreen()
    geometry = screen.geometry()
    image = QImage(geometry.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("#14324b"))
    where = (geometry.x(), geometry.y(), geometry.width(), geometry.height())
    save_curtain(paths, image, screen.name(), where)
    yield paths
    lift_curtain()


def test_a_fitting_curtain_goes_up_and_comes_down(kept: DataPaths) -> None:
    assert raise_curtain(["run"]) is True
    assert curtain_is_up()
    lift_curtain()
    assert not curtain_is_up()


def test_a_curtain_goes_up_within_the_opening_hours_it_was_kept_in(kept: DataPaths) -> None:
    info = json.loads(kept.curtain_info.read_text())
    kept.curtain_info.write_text(json.dumps({**info, "shows_until": time.time() + 60}))
    assert raise_curtain(["run"]) is True


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda p: p.pointer.write_text('{"active": "other.kpkg"}'), id="content"),
        pytest.param(lambda p: p.curtain_picture.write_bytes(b"\0" * 100), id="short picture"),
        pytest.param(lambda p: p.curtain_picture.unlink(), id="no picture"),
        pytest.param(lambda p: p.curtain_info.write_text("{"), id="damaged description"),
        pytest.param(lambda p: p.curtain_info.write_bytes(b"\xff\xfe"), id="not text"),
        pytest.param(
            lambda p: p.curtain_info.write_text(
                p.curtain_info.read_text().replace('"screen": "', '"screen": "elsewhere-')
            ),
            id="another screen",
        ),
        pytest.param(
            lambda p: p.curtain_info.write_text(
                json.dumps({**json.loads(p.curtain_info.read_text()), "geometry": [0, 0, 1, 1]})
            ),
            id="screen of another size",
        ),
        pytest.param(
            lambda p: p.curtain_info.write_text(
                json.dumps({**json.loads(p.curtain_info.read_text()), "shows_until": time.time()})
            ),
            id="kept in opening hours now over",
        ),
        pytest.param(
            lambda p: p.curtain_info.write_text(
                json.dumps(
                    {**json.loads(p.curtain_info.read_text()), "kept_at": time.time() + 3600}
                )
            ),
            id="kept later than now: the clock was set back",
        ),
    ],
)
def test_a_curtain_that_no_longer_fits_stays_down(kept: DataPaths, spoil) -> None:
    spoil(kept)
    assert raise_curtain(["run"]) is False
    assert not curtain_is_up()


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--windowed"],
        ["run", "--screenshot", "x.png"],
        ["run", "--package", "x.kpkg"],
        ["preview", "manifest.yaml"],
        ["status"],
        ["--data-dir"],
        [],
    ],
)
def test_only_the_booth_s_plain_run_gets_a_curtain(kept: DataPaths, argv: list[str]) -> None:
    assert booth_data_dir(argv, os.environ) is None
    assert raise_curtain(argv) is False


def test_the_data_folder_is_found_as_the_command_line_finds_it(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "kiosk.yaml"
    config.parent.mkdir()
    config.write_text("data_dir: kiosk-data\n")
    assert booth_data_dir(["--data-dir", "/d", "run"], {}) == Path("/d")
    assert booth_data_dir(["run"], {"KIOSK_DATA_DIR": "/e"}) == Path("/e")
    assert booth_data_dir(["--config", str(config), "run"], {}) == config.parent / "kiosk-data"
    assert booth_data_dir(["run"], {"KIOSK_CONFIG": str(config)}) == config.parent / "kiosk-data"
    assert booth_data_dir(["run"], {}) == platformdirs.user_data_path(APP_NAME)
    config.write_text("data_dir: [\n")  # the kiosk says what is wrong; the curtain stays down
    assert booth_data_dir(["--config", str(config), "run"], {}) is None
    config.write_text("- a list\n")
    assert booth_data_dir(["--config", str(config), "run"], {}) is None


def test_a_config_the_kiosk_would_refuse_leaves_the_curtain_down(tmp_path: Path) -> None:
    """The curtain reads the config before the kiosk does: what would hang or swamp a
    plain read (a pipe, a file larger than a config may be) means no curtain, at once;
    the kiosk then says what is wrong with it."""
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    large = tmp_path / "large.yaml"
    large.write_text("kiosk_name: booth\n" + "#" * limits.YAML_BYTES + "\n")
    for config in (pipe, large, tmp_path / "missing.yaml"):
        assert booth_data_dir(["--config", str(config), "run"], {}) is None
        assert config_stamp(config) == "unreadable"


VALID = (
    '{"format": 3, "width": 10, "height": 10, "stride": 40, "ratio": 1, "screen": "s",'
    ' "geometry": [0, 0, 1, 1], "pointer": "", "shows_until": null, "config": "",'
    ' "kept_at": 1764990000}'
)


def test_a_description_of_a_screen_s_picture_is_read() -> None:
    kept = CurtainPicture(10, 10, 40, 1.0, "s", (0, 0, 1, 1), "", kept_at=1764990000)
    assert CurtainPicture.from_json(VALID) == kept
    until = VALID.replace('"shows_until": null', '"shows_until": 1765000000.5')
    assert CurtainPicture.from_json(until) == replace(kept, shows_until=1765000000.5)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        '{"format": 3}',
        # Copies kept by older kiosks (no opening hours in it; no time it was kept).
        VALID.replace('"format": 3', '"format": 1').replace(
            ', "shows_until": null, "config": "", "kept_at": 1764990000', ""
        ),
        VALID.replace('"format": 3', '"format": 2').replace(', "kept_at": 1764990000', ""),
        '{"format": 3, "width": 10}',
        VALID.replace('"width": 10', '"width": -1'),
        VALID.replace('"width": 10', '"width": 20'),  # wider than its rows
        VALID.replace('"height": 10,', '"height": 100000000,'),
        VALID.replace('"ratio": 1', '"ratio": 0'),
        VALID.replace('"width": 10', '"width": "ten"'),
        VALID.replace('"geometry": [0, 0, 1, 1]', '"geometry": [0]'),
        VALID.replace('"shows_until": null', '"shows_until": "tonight"'),
        VALID.replace('"shows_until": null', '"shows_until": "1765000000"'),
        VALID.replace('"shows_until": null', '"shows_until": true'),
        VALID.replace('"shows_until": null', '"shows_until": Infinity'),
        VALID.replace('"shows_until": null', '"shows_until": NaN'),
        VALID.replace(', "shows_until": null', ""),
        VALID.replace(', "config": ""', ""),
        VALID.replace('"config": ""', '"config": 7'),
        VALID.replace(', "kept_at": 1764990000', ""),
        VALID.replace('"kept_at": 1764990000', '"kept_at": "today"'),
        VALID.replace('"kept_at": 1764990000', '"kept_at": null'),
        VALID.replace('"kept_at": 1764990000', '"kept_at": false'),
        VALID.replace('"kept_at": 1764990000', '"kept_at": -Infinity'),
    ],
)
def test_a_description_that_is_not_of_a_screen_s_picture_is_refused(text: str) -> None:
    assert CurtainPicture.from_json(text) is None
