"""Notices: what the kiosk tells staff, kept beside the log and read back newest first."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.notices import Notice, attach_notices_file, notice, notices_file, recent_problems

log = logging.getLogger("kiosk.test")


@pytest.fixture
def notices(tmp_path: Path) -> Iterator[Path]:
    """A data folder whose notices file the root logger writes, for this test only."""
    (tmp_path / "logs").mkdir()
    handler = attach_notices_file(tmp_path)
    assert handler is not None
    yield tmp_path
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_a_notice_keeps_its_kind_and_subject_and_the_log_line(notices: Path) -> None:
    titles = {"ko": "경기도 공공배달앱", "en": "Gyeonggi Public Delivery App"}
    log.warning(
        "the video cannot play: %s", "FFmpeg error", extra=notice(Notice.VIDEO_UNPLAYABLE, titles)
    )
    (problem,) = recent_problems(notices)
    assert problem.kind is Notice.VIDEO_UNPLAYABLE
    assert problem.subject == titles
    assert problem.detail == "the video cannot play: FFmpeg error"
    assert len(problem.at) == len("2026-12-02 05:20")


def test_a_warning_without_a_notice_is_technical(notices: Path) -> None:
    log.warning('file:///ui/Main.qml:12: Binding loop detected for property "height"')
    log.info("not a problem")
    (problem,) = recent_problems(notices)
    assert (problem.kind, problem.subject) == (Notice.TECHNICAL, {})


def test_newest_first_and_the_same_again_is_counted_not_repeated(notices: Path) -> None:
    log.warning("sticks", extra=notice(Notice.EXPORT_FAILED, "KINGSTON"))
    for _ in range(3):
        log.warning("skipped", extra=notice(Notice.ATTRACT_ITEM_SKIPPED, "2"))
    log.error("boom")
    problems = recent_problems(notices)
    assert [(p.kind, p.times) for p in problems] == [
        (Notice.TECHNICAL, 1),
        (Notice.ATTRACT_ITEM_SKIPPED, 3),
        (Notice.EXPORT_FAILED, 1),
    ]
    assert problems[2].subject == {"": "KINGSTON"}
    assert len(recent_problems(notices, count=2)) == 2


def test_a_cut_or_strange_line_is_passed_over(notices: Path) -> None:
    log.warning("first", extra=notice(Notice.NO_SOUND))
    with notices_file(notices).open("a", encoding="utf-8") as file:
        file.write('{"at": "2026-12-02 05:20", "kind": "from_a_newer_kiosk"}\n')
        file.write('{"at": "2026-12-02 05:2')  # a power cut in the middle of a line
    assert [p.kind for p in recent_problems(notices)] == [Notice.NO_SOUND]


def test_the_file_stays_small_and_the_rotated_part_is_read(notices: Path) -> None:
    for number in range(2000):
        log.warning("problem %d", number, extra=notice(Notice.PACKAGE_NOT_INSTALLED, f"p{number}"))
    files = sorted(notices_file(notices).parent.glob("notices.jsonl*"))
    assert len(files) == 2 and all(path.stat().st_size <= 64_000 for path in files)
    problems = recent_problems(notices, count=5)
    assert [p.subject[""] for p in problems] == [f"p{n}" for n in range(1999, 1994, -1)]


def test_without_a_file_there_are_no_problems(tmp_path: Path) -> None:
    assert recent_problems(tmp_path) == []
