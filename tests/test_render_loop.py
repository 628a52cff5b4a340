"""The kiosk asks Qt for its basic render loop: its items' Python runs during the scene
graph's sync, and a grab of the window from Python (the curtain, screenshots) would wait
forever on a render thread that waits for the interpreter (docs/decisions/0024)."""

from __future__ import annotations

import os

import pytest

from kiosk.app import choose_renderer
from kiosk.config import KioskConfig


def test_the_basic_render_loop_unless_the_environment_chose_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QUICK_BACKEND", "software")  # the graphics API is left alone
    monkeypatch.delenv("QSG_RENDER_LOOP", raising=False)
    choose_renderer(KioskConfig())
    assert os.environ["QSG_RENDER_LOOP"] == "basic"
    monkeypatch.setenv("QSG_RENDER_LOOP", "threaded")  # an experiment's own choice
    choose_renderer(KioskConfig())
    assert os.environ["QSG_RENDER_LOOP"] == "threaded"
