"""The interaction log: exact rows for a scripted visit, numbers from a known log, crash safety."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.analytics.log import InteractionLog, log_path
from kiosk.analytics.stats import summarize

DAY = date(2026, 10, 26)


def at(hour: int, minute: int, second: float = 0) -> float:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute).timestamp() + second


def scripted_day(path: Path) -> None:
    """Two visitors on the expo's first day."""
    log = InteractionLog(path)
    try:
        log.record("attract_start", at=at(9, 0))
        log.record("session_start", at=at(10, 0))
        log.record("corner_view", at=at(10, 1), corner_id="clean-valleys", value=40)
        log.record(
            "video_play", at=at(10, 1), corner_id="clean-valleys", value=8, detail="complete"
        )
        log.record("language_switch", at=at(10, 2), detail="en")
        log.record("corner_view", at=at(10, 2), corner_id="public-delivery-app", value=20)
        log.record("idle_warning", at=at(10, 4), detail="expired")
        log.record("session_end", at=at(10, 4), detail="idle", value=240)
        log.record("session_start", at=at(11, 30))
        log.record("corner_view", at=at(11, 31), corner_id="clean-valleys", value=60)
        log.record(
            "video_play", at=at(11, 31), corner_id="clean-valleys", value=3, detail="partial"
        )
        log.record("session_end", at=at(11, 33), detail="idle", value=120)
        log.flush()
    finally:
        log.close()


def test_a_scripted_visit_is_recorded_exactly(tmp_path: Path) -> None:
    """Every event lands with its session, corner, detail and value."""
    path = log_path(tmp_path)
    scripted_day(path)
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT kind, session, corner_id, detail, value FROM event ORDER BY event_id"
        ).fetchall()
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert rows == [
        ("attract_start", None, None, None, None),
        ("session_start", 1, None, None, None),
        ("corner_view", 1, "clean-valleys", None, 40.0),
        ("video_play", 1, "clean-valleys", "complete", 8.0),
        ("language_switch", 1, None, "en", None),
        ("corner_view", 1, "public-delivery-app", None, 20.0),
        ("idle_warning", 1, None, "expired", None),
        ("session_end", 1, None, "idle", 240.0),
        ("session_start", 2, None, None, None),
        ("corner_view", 2, "clean-valleys", None, 60.0),
        ("video_play", 2, "clean-valleys", "partial", 3.0),
        ("session_end", 2, None, "idle", 120.0),
    ]


def test_sessions_continue_their_numbering_after_a_restart(tmp_path: Path) -> None:
    """A new process numbers its sessions after the last one in the log."""
    path = log_path(tmp_path)
    scripted_day(path)
    log = InteractionLog(path)
    log.record("session_start", at=at(12, 0))
    log.flush()
    log.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT MAX(session) FROM event").fetchone()[0] == 3


def test_summary_of_a_known_day(tmp_path: Path) -> None:
    """Known events give known numbers."""
    path = log_path(tmp_path)
    scripted_day(path)
    summary = summarize(path, DAY)
    assert summary.sessions == 2
    assert summary.mean_session_seconds == 180
    assert summary.corner_visits == {"clean-valleys": 2, "public-delivery-app": 1}
    assert summary.corner_dwell_seconds["clean-valleys"] == 100
    assert summary.video_plays["clean-valleys"] == 2
    assert summary.video_completions["clean-valleys"] == 1
    assert summary.language_share() == {"en": 1 / 3, "ko": 2 / 3}
    assert summary.sessions_per_hour == {10: 1, 11: 1}
    assert summarize(path, date(2026, 10, 27)).sessions == 0


def test_stats_commands(run_cli, tmp_path: Path) -> None:
    """stats summary prints the numbers; stats export writes CSV a spreadsheet opens."""
    scripted_day(log_path(tmp_path / "data"))
    summary = run_cli("stats", "summary", "--day", DAY.isoformat())
    assert summary.returncode == 0, summary.stderr
    assert "sessions              2" in summary.stdout
    assert "mean session          180.0 s" in summary.stdout
    assert "video plays         2 (1 to the end)" in summary.stdout
    out = tmp_path / "stick"
    exported = run_cli("stats", "export", "--out", out)
    assert exported.returncode == 0, exported.stderr
    with (out / "events.csv").open(encoding="utf-8-sig") as file:
        events = list(csv.DictReader(file))
    assert len(events) == 12 and events[2]["corner"] == "clean-valleys"
    with (out / "daily_summary.csv").open(encoding="utf-8-sig") as file:
        daily = list(csv.DictReader(file))
    valleys = next(row for row in daily if row["corner"] == "clean-valleys")
    assert (valleys["day"], valleys["visits"], valleys["video completions"]) == (
        "2026-10-26",
        "2",
        "1",
    )


def test_stats_without_a_log_is_a_clear_message(run_cli) -> None:
    """A kiosk no visitor has used yet says so."""
    result = run_cli("stats", "summary")
    assert result.returncode == 1
    assert "no interaction log" in result.stderr and "Traceback" not in result.stderr


WRITER = """
import sys, time
from pathlib import Path
from kiosk.analytics.log import InteractionLog
log = InteractionLog(Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    log.record("section_view", corner_id="clean-valleys", detail=str(n % 3))
    n += 1
    if n % 200 == 0:
        time.sleep(0.01)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL semantics")
def test_killing_the_process_mid_burst_leaves_a_sound_database(tmp_path: Path) -> None:
    """SIGKILL in the middle of a burst of events: the database opens and checks out."""
    path = log_path(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    time.sleep(1.5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        written = connection.execute("SELECT COUNT(*) FROM event").fetchone()[0]
    assert written > 0


# The table as the log's first version made it (through SQLAlchemy), byte for byte.
FIRST_VERSION_TABLE = """
CREATE TABLE event (
\tevent_id INTEGER NOT NULL, 
\tat FLOAT NOT NULL, 
\tkind VARCHAR NOT NULL, 
\tsession INTEGER, 
\tcorner_id VARCHAR, 
\tdetail VARCHAR, 
\tvalue DOUBLE, 
\tPRIMARY KEY (event_id)
)
"""  # noqa: W291


def test_a_log_from_the_first_version_goes_on_as_it_is(tmp_path: Path) -> None:
    """A booth's log from before grows without a migration: its rows stay, new sessions
    number on from them, and the summary counts both."""
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as connection:
        connection.execute(FIRST_VERSION_TABLE)
        connection.execute("CREATE INDEX ix_event_kind ON event (kind)")
        connection.execute("CREATE INDEX ix_event_at ON event (at)")
        connection.execute(
            "INSERT INTO event (at, kind, session, value) VALUES (?, 'session_start', 7, NULL)",
            (at(9, 30),),
        )
    connection.close()
    scripted_day(path)
    assert summarize(path, DAY).sessions == 3
    with sqlite3.connect(path) as connection:
        query = "SELECT session FROM event WHERE kind = 'session_start' ORDER BY event_id"
        sessions = [row[0] for row in connection.execute(query)]
    connection.close()
    assert sessions == [7, 8, 9]


def test_the_show_starts_without_the_orm() -> None:
    """Nothing on the way to the first frame imports SQLAlchemy (it costs more than the
    frame itself); installing and building do, when they run."""
    code = "import sys, kiosk.cli, kiosk.app; print('sqlalchemy' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
