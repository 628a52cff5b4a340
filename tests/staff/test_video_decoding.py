"""Hardware or software video decoding: `doctor` says which on this PC, and why."""

from __future__ import annotations

import ctypes.util
import os
from pathlib import Path

import pytest

from kiosk.staff.video_decoding import find_video_decoding


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


def test_doctor_says_where_video_is_decoded(run_cli) -> None:
    result = run_cli("doctor", DISPLAY="")
    (line,) = [line for line in result.stdout.splitlines() if "video decoding" in line]
    assert "in software" in line or "on the GPU" in line
    assert "Traceback" not in result.stderr
