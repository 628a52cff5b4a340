"""``status --json`` and ``doctor --json``: the kiosk's health for whatever watches the PC
(a monitoring agent, a script over SSH, the system tests). The documents' shapes are
fixed by the JSON Schemas in ``docs/schemas/``; a change to either is a new ``schema``
number there and here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kiosk.staff.doctor import Finding
from kiosk.staff.status import KioskStatus

STATUS_SCHEMA = "gyeonggi-kiosk/status/2"
DOCTOR_SCHEMA = "gyeonggi-kiosk/doctor/1"


def status_document(found: KioskStatus, data_dir: Path, log: Path) -> dict[str, Any]:
    return {
        "schema": STATUS_SCHEMA,
        "kiosk": found.kiosk_name,
        "version": found.app_version,
        "running": found.uptime_seconds is not None,
        "uptime_seconds": found.uptime_seconds,
        "content": asdict(found.active) if found.active else None,
        "previous": asdict(found.previous) if found.previous else None,
        "free_bytes": found.free_bytes,
        "data_dir": str(data_dir),
        "log": str(log),
        "problems": [
            {
                "at": problem.at,
                "kind": problem.kind.value,
                "subject": dict(problem.subject),
                "detail": problem.detail,
                "times": problem.times,
            }
            for problem in found.problems
        ],
    }


def doctor_document(findings: Sequence[Finding]) -> dict[str, Any]:
    return {
        "schema": DOCTOR_SCHEMA,
        "ready": not any(finding.outcome == "problem" for finding in findings),
        "findings": [asdict(finding) for finding in findings],
    }
