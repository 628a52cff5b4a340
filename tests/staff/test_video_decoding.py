"""Hardware or software video decoding: `doctor` says which on this PC, and why."""

from __future__ import annotations

import ctypes.util
import os
from pathlib import Path

import pytest

from kiosk.staff.video_decoding import find_video_decoding, find_video_drawing


def test_va_api_is_installed_so_a_gpu_could_decode() -> None:
    """quickstart.sh installs libva: without it Qt warns at the first video, and a booth
    PC's GPU would sit idle while the CPU decodes."""
    assert ctypes.util.find_library("va") is not None
    assert ctypes.util.find_library("va-drm") is not None


def test_no_gpu_means_software_decoding_named_as_such(tmp_path: Path) -> None:
    decoding = find_video_decoding(tmp_path)
    assert not decoding.hardware
    assert decoding.reason.startswith("in software: this PC shows no GPU")


def test_a_render_node_that_is_no_gpu_is_asked_and_named(tmp_path: Path) -> None:
    """libva is really loaded and asked; a device that is not a GPU is refused by it
    without bringing the probe down."""
    (tmp_path / "renderD128").symlink_to(os.devnull)
    decoding = find_video_decoding(tmp_path)
    assert not decoding.hardware
    assert f"{tmp_path / 'renderD128'}" in decoding.reason


def test_qt_told_to_leave_out_va_api_is_software(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "renderD128").symlink_to(os.devnull)
    monkeypatch.setenv("QT_FFMPEG_DECODING_HW_DEVICE_TYPES", "cuda,vdpau")
    decoding = find_video_decoding(tmp_path)
    assert not decoding.hardware
    assert "QT_FFMPEG_DECODING_HW_DEVICE_TYPES" in decoding.reason


def test_doctor_says_where_video_is_decoded_and_made_pixels(run_cli) -> None:
    result = run_cli("doctor", DISPLAY="")
    lines = result.stdout.splitlines()
    (decoded,) = [line for line in lines if "video decoding" in line]
    assert "in software" in decoded or "on the GPU" in decoded
    (drawn,) = [line for line in lines if "video frames to pixels" in line]
    assert "on the CPU" in drawn or "on the GPU" in drawn
    assert "Traceback" not in result.stderr


@pytest.fixture
def a_gpu(tmp_path: Path) -> Path:
    """A folder of render nodes with one in it (only its name is read)."""
    (tmp_path / "renderD128").touch()
    return tmp_path


@pytest.mark.parametrize(
    ("renderer", "platform", "outcome", "words"),
    [
        ("software", "xcb", "note", "with display.renderer: opengl it would"),
        ("software", "linuxfb:fb=/dev/fb0", "ok", "the frame buffer, which has no OpenGL"),
        ("opengl", "xcb", "ok", "on the GPU"),
        ("opengl", "linuxfb:fb=/dev/fb0", "problem", "Set display.renderer: software"),
    ],
)
def test_where_frames_become_pixels_on_a_pc_with_a_gpu(
    a_gpu: Path, renderer: str, platform: str, outcome: str, words: str
) -> None:
    drawing = find_video_drawing(renderer, a_gpu, {"QT_QPA_PLATFORM": platform})
    assert (drawing.outcome, words in drawing.reason) == (outcome, True), drawing


def test_without_a_gpu_the_cpu_is_right_and_opengl_is_a_problem(tmp_path: Path) -> None:
    assert find_video_drawing("software", tmp_path, {}).outcome == "ok"
    drawing = find_video_drawing("opengl", tmp_path, {})
    assert drawing.outcome == "problem"
    assert "shows no GPU" in drawing.reason and "display.renderer: software" in drawing.reason


def test_the_operators_choice_is_read_and_a_wrong_one_named(a_gpu: Path) -> None:
    forced = find_video_drawing("opengl", a_gpu, {"KIOSK_VIDEO_CONVERSION": "CPU"})
    assert forced.outcome == "note"
    assert "KIOSK_VIDEO_CONVERSION=cpu" in forced.reason
    wrong = find_video_drawing("opengl", a_gpu, {"KIOSK_VIDEO_CONVERSION": "fastest"})
    assert wrong.outcome == "problem"
    assert "'fastest' is none of auto, gpu, cpu" in wrong.reason
