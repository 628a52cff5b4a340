"""What went wrong, as staff can act on it: a kind of problem and the thing it concerns.

A warning the kiosk logs for staff carries a notice (``extra=notice(...)``): its kind and
its subject, the thing by name (a corner's title in each language, a stick, a file). The
log keeps the technical line; beside it ``<data>/logs/notices.jsonl`` keeps the notices,
one JSON object a line, and the staff panel words each kind in its own language
(ui/staff/ProblemWords.qml) with the subject in it. A warning without a notice (a QML
error, an exception) is a technical problem: the panel says so, and that the log has it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from kiosk.paths import DataPaths

# Small: the panel shows the last few; rotated once, so a storm of one problem cannot
# crowd out for long what came before it.
NOTICES_BYTES = 64_000
NOTICES_BACKUPS = 1


class Notice(StrEnum):
    """The kinds of problem staff are told about; each has its words in the panel."""

    NO_SOUND = "no_sound"  # no sound server or audio output: videos play silent
    VIDEO_UNPLAYABLE = "video_unplayable"  # subject: the corner
    ATTRACT_ITEM_SKIPPED = "attract_item_skipped"  # subject: the item's number
    PACKAGE_NOT_INSTALLED = "package_not_installed"  # subject: the package file
    CONTENT_DAMAGED = "content_damaged"  # installed content unusable: the one before shows
    CONTENT_NOT_SHOWN = "content_not_shown"  # new content could not be shown: old stays
    CONTENT_SET_ASIDE = "content_set_aside"  # subject: the package that kept stopping the kiosk
    EXPORT_FAILED = "export_failed"  # subject: the stick
    BRIGHTNESS_UNAVAILABLE = "brightness_unavailable"
    VISITORS_NOT_COUNTED = "visitors_not_counted"
    NO_KOREAN_FONT = "no_korean_font"
    WRONG_PIN = "wrong_pin"
    PIN_NOT_SET = "pin_not_set"
    SCREEN_NOT_FOUND = "screen_not_found"  # subject: the screen's number
    TECHNICAL = "technical"  # anything else: for the technician, in the log


Subject = Mapping[str, str]  # the thing's name by language; "" for a name in no language


def notice(kind: Notice, subject: str | Mapping[str, str] = "") -> dict[str, object]:
    """The ``extra`` of a log call that tells staff: ``log.warning(..., extra=notice(...))``."""
    names = {"": subject} if isinstance(subject, str) else dict(subject)
    return {"notice": kind.value, "subject": names if any(names.values()) else {}}


@dataclass(frozen=True)
class Problem:
    """A problem as staff see it: when, what kind, about what, and the log's own line."""

    at: str  # local time, "YYYY-MM-DD HH:MM"
    kind: Notice
    subject: Mapping[str, str] = field(default_factory=dict)
    detail: str = ""  # the technical line, as in the log
    times: int = 1  # the same problem, so many times in a row


class _NoticeFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        kind = getattr(record, "notice", Notice.TECHNICAL.value)
        subject = getattr(record, "subject", {})
        moment = datetime.fromtimestamp(record.created).strftime("%Y-%m-%d %H:%M")
        line = {"at": moment, "kind": kind, "subject": subject, "detail": record.getMessage()}
        return json.dumps(line, ensure_ascii=False)


def notices_file(data_dir: Path) -> Path:
    return DataPaths(data_dir).logs / "notices.jsonl"


def attach_notices_file(data_dir: Path) -> logging.Handler | None:
    """Also write every warning and error as a notice; None when it cannot be written
    (the log file says why)."""
    try:
        notices_file(data_dir).parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            notices_file(data_dir),
            maxBytes=NOTICES_BYTES,
            backupCount=NOTICES_BACKUPS,
            encoding="utf-8",
        )
    except OSError as error:
        logging.getLogger(__name__).warning("no notices file: %s", error.strerror)
        return None
    handler.setFormatter(_NoticeFormatter())
    handler.setLevel(logging.WARNING)
    logging.getLogger().addHandler(handler)
    return handler


def _read(path: Path) -> list[str]:
    with contextlib.suppress(OSError):
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    return []


def _problem(line: str) -> Problem | None:
    try:
        data = json.loads(line)
        kind = Notice(data.get("kind"))
        subject = data.get("subject") or {}
        if not isinstance(subject, dict):
            subject = {}
        return Problem(
            str(data.get("at", "")),
            kind,
            {str(k): str(v) for k, v in subject.items()},
            str(data.get("detail", "")),
        )
    except (ValueError, TypeError, AttributeError):
        return None  # a line cut by a power cut, or from another version


def recent_problems(data_dir: Path, count: int = 5) -> list[Problem]:
    """The last ``count`` problems, newest first; the same problem again and again in a
    row is one, with how many times."""
    path = notices_file(data_dir)
    lines = _read(path.with_name(path.name + ".1")) + _read(path)
    problems: list[Problem] = []
    for line in reversed(lines):
        problem = _problem(line)
        if problem is None:
            continue
        if problems and (problems[-1].kind, problems[-1].subject) == (
            problem.kind,
            problem.subject,
        ):
            last = problems[-1]
            problems[-1] = Problem(last.at, last.kind, last.subject, last.detail, last.times + 1)
            continue
        if len(problems) == count:
            break
        problems.append(problem)
    return problems
