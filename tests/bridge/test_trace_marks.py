"""KIOSK_TRACE: marks for QML loaded, first frame, taps and the views they open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk import trace
from tests.bridge.ui import find, shown, tap


def test_a_visit_leaves_ordered_marks(
    qtbot, make_kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each tap is followed by the first frame of the view (or video) it started."""
    trace_file = tmp_path / "trace.jsonl"
    monkeypatch.setenv("KIOSK_TRACE", str(trace_file))
    trace.configure_from_environment()
    try:
        ui = make_kiosk()
        qtbot.waitUntil(lambda: ui.window.property("homeReady") is True)
        tap(ui, find(ui, "cornerTile_clean-valleys"))
        qtbot.waitUntil(lambda: shown(ui, "cornerView"))
        qtbot.waitUntil(lambda: "view_shown" in trace_file.read_text())
        tap(ui, find(ui, "bigPlayButton"))
        qtbot.waitUntil(lambda: "first_video_frame" in trace_file.read_text(), timeout=10_000)
        tap(ui, find(ui, "homeButton"))
        qtbot.waitUntil(lambda: trace_file.read_text().count("view_shown") == 2)
    finally:
        trace.stop()

    marks = [json.loads(line) for line in trace_file.read_text().splitlines()]
    # The video's running count of frames (for the video benchmark) comes between: only
    # after its first frame, and named by its item.
    counts = [m for m in marks if m["event"] == "video_frames"]
    first_video = next(m["mono"] for m in marks if m["event"] == "first_video_frame")
    assert all(m["mono"] >= first_video and m["item"] == "videoFrame" for m in counts)
    events = [m["event"] for m in marks if m["event"] != "video_frames"]
    assert events[:2] == ["qml_loaded", "first_frame"]
    # Where the frames become RGB is said once, at the first frame: the CPU here.
    assert [m["where"] for m in marks if m["event"] == "video_conversion"] == ["cpu"]
    assert events[2:] == ["tap", "view_shown", "tap", "video_conversion",
                          "first_video_frame", "tap", "view_shown"]  # fmt: skip
    monotonic = [m["mono"] for m in marks]
    assert monotonic == sorted(monotonic)
    assert all(isinstance(m["wall"], float) for m in marks)


def test_marks_cost_nothing_when_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without KIOSK_TRACE nothing is opened or written."""
    monkeypatch.delenv("KIOSK_TRACE", raising=False)
    trace.configure_from_environment()
    assert not trace.enabled()
    trace.mark("tap")
    assert list(tmp_path.iterdir()) == []
