"""Does this PC decode the kiosk's video on its GPU, and if not, why not? And which of
its processors turns the decoded frames into the screen's pixels?

Qt's FFmpeg backend decodes H.264 through VA-API (libva) when the PC has a GPU whose
VA-API driver offers it, and on the CPU otherwise (docs/decisions/0010). The kiosk plays
either way; hardware decoding leaves the CPU to drawing. This module asks libva the same
questions FFmpeg asks: is libva there, is there a GPU render node this user may open, does
its driver start, and does it decode H.264. The questions are asked in a child Python
process, since a GPU driver that misbehaves may crash the process that loads it and prints
its own chatter on stderr; ``doctor`` stays standing and readable either way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from kiosk import video_conversion

RENDER_NODES = Path("/dev/dri")

# The Debian packages that bring VA-API and the drivers for the GPUs a booth PC has.
VA_PACKAGES = "libva2 libva-drm2 mesa-va-drivers intel-media-va-driver i965-va-driver"

# From va/va.h: the H.264 profiles video is encoded in, and the decoding entry point.
_H264_PROFILES = {6: "Main", 7: "High", 13: "Constrained Baseline"}
_VA_ENTRYPOINT_VLD = 1
_VA_STATUS_SUCCESS = 0

# Qt lets an environment variable choose (or exclude) FFmpeg's hardware back-ends.
_QT_DEVICE_TYPES = "QT_FFMPEG_DECODING_HW_DEVICE_TYPES"


@dataclass(frozen=True)
class VideoDecoding:
    """Where this PC decodes H.264 video, in words for whoever sets the PC up."""

    hardware: bool
    reason: str


@dataclass(frozen=True)
class VideoDrawing:
    """Where the frames become RGB, in words, and whether that is as it should be."""

    outcome: Literal["ok", "note", "problem"]
    reason: str


def find_video_drawing(
    renderer: str, render_nodes: Path = RENDER_NODES, environ: Mapping[str, str] = os.environ
) -> VideoDrawing:
    """Where the kiosk will turn frames into RGB with ``renderer`` (display.renderer) on a
    PC with ``render_nodes``: known for sure only at the first frame (the GPU driver's name
    decides, docs/decisions/0025-video-on-the-gpu.md), so this reads what points to it."""
    choice = video_conversion.wanted(environ)
    if choice is None:
        return VideoDrawing(
            "problem",
            f"{video_conversion.ENV}={environ.get(video_conversion.ENV)!r} is none of "
            f"{', '.join(video_conversion.CHOICES)}: the kiosk chooses as for auto. Correct "
            "it or remove it from the kiosk's environment.",
        )
    gpus = sorted(render_nodes.glob("renderD*"))
    frame_buffer = environ.get("QT_QPA_PLATFORM", "").startswith("linuxfb")
    if renderer == "software":
        if gpus and frame_buffer:
            return VideoDrawing(
                "ok", "on the CPU: the kiosk draws into the frame buffer, which has no OpenGL"
            )
        if gpus:
            return VideoDrawing(
                "note",
                f"on the CPU (display.renderer: software), though this PC has a GPU "
                f"({gpus[0]}): with display.renderer: opengl it would turn the frames into "
                "pixels itself. Measure both with tests/benchmarks/video_like_for_like.py "
                "--renderer opengl before changing.",
            )
        return VideoDrawing("ok", "on the CPU, as on a PC without a GPU it must be")
    if frame_buffer:
        return VideoDrawing(
            "problem",
            f"display.renderer is {renderer}, but the kiosk draws into the frame buffer "
            "(QT_QPA_PLATFORM=linuxfb), which has no OpenGL. Set display.renderer: software.",
        )
    if not gpus:
        return VideoDrawing(
            "problem",
            f"display.renderer is {renderer}, but this PC shows no GPU (nothing in "
            f"{render_nodes}): Mesa's software OpenGL would draw the whole screen on the CPU, "
            "about a core while a video plays. Set display.renderer: software.",
        )
    if choice == "cpu":
        return VideoDrawing(
            "note", f"on the CPU: {video_conversion.ENV}=cpu in the kiosk's environment"
        )
    return VideoDrawing(
        "ok",
        f"on the GPU ({gpus[0]}, display.renderer: {renderer}), unless its OpenGL driver "
        "turns out to be software at the first frame (then on the CPU)",
    )


def find_video_decoding(render_nodes: Path = RENDER_NODES, timeout: float = 30) -> VideoDecoding:
    """Ask libva, in a child process, whether the GPU decodes H.264 for the kiosk."""
    try:
        probe = subprocess.run(
            [sys.executable, "-m", __name__, str(render_nodes)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=dict(os.environ, LIBVA_MESSAGING_LEVEL="0"),
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return VideoDecoding(False, f"in software: the GPU could not be asked ({error})")
    lines = probe.stdout.strip().splitlines()
    if probe.returncode != 0 or not lines:
        return VideoDecoding(
            False,
            "in software: asking the GPU's video driver ended the process that asked "
            f"(exit {probe.returncode}); the driver may be broken: reinstall {VA_PACKAGES}",
        )
    answer = json.loads(lines[-1])
    return VideoDecoding(bool(answer["hardware"]), str(answer["reason"]))


def probe_in_this_process(render_nodes: Path = RENDER_NODES) -> VideoDecoding:
    """The questions themselves; loads GPU drivers into this process (hence the child)."""
    chosen = os.environ.get(_QT_DEVICE_TYPES)
    if chosen is not None and "vaapi" not in chosen.split(","):
        return VideoDecoding(False, f"in software: {_QT_DEVICE_TYPES}={chosen!r} leaves out VA-API")
    libva_name = ctypes.util.find_library("va")
    drm_name = ctypes.util.find_library("va-drm")
    if libva_name is None or drm_name is None:
        return VideoDecoding(
            False, f"in software: VA-API is not installed (apt-get install {VA_PACKAGES})"
        )
    nodes = sorted(render_nodes.glob("renderD*"))
    if not nodes:
        return VideoDecoding(
            False,
            f"in software: this PC shows no GPU that decodes video (nothing in {render_nodes})",
        )
    libva = ctypes.CDLL(libva_name)
    libva_drm = ctypes.CDLL(drm_name)
    _declare(libva, libva_drm)
    reasons = [_ask_render_node(libva, libva_drm, node) for node in nodes]
    for answer in reasons:
        if answer.hardware:
            return answer
    return VideoDecoding(False, "in software: " + "; ".join(answer.reason for answer in reasons))


def _declare(libva: ctypes.CDLL, libva_drm: ctypes.CDLL) -> None:
    display, status, c_int_p = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int)
    libva_drm.vaGetDisplayDRM.restype = display
    libva_drm.vaGetDisplayDRM.argtypes = [ctypes.c_int]
    libva.vaInitialize.restype = status
    libva.vaInitialize.argtypes = [display, c_int_p, c_int_p]
    libva.vaTerminate.restype = status
    libva.vaTerminate.argtypes = [display]
    libva.vaErrorStr.restype = ctypes.c_char_p
    libva.vaErrorStr.argtypes = [status]
    libva.vaQueryVendorString.restype = ctypes.c_char_p
    libva.vaQueryVendorString.argtypes = [display]
    libva.vaMaxNumProfiles.restype = ctypes.c_int
    libva.vaMaxNumProfiles.argtypes = [display]
    libva.vaMaxNumEntrypoints.restype = ctypes.c_int
    libva.vaMaxNumEntrypoints.argtypes = [display]
    libva.vaQueryConfigProfiles.restype = status
    libva.vaQueryConfigProfiles.argtypes = [display, c_int_p, c_int_p]
    libva.vaQueryConfigEntrypoints.restype = status
    libva.vaQueryConfigEntrypoints.argtypes = [display, ctypes.c_int, c_int_p, c_int_p]


def _ask_render_node(libva: ctypes.CDLL, libva_drm: ctypes.CDLL, node: Path) -> VideoDecoding:
    try:
        fd = os.open(node, os.O_RDWR)
    except PermissionError:
        return VideoDecoding(
            False, f"{node} may not be opened by this user (add it to the 'render' group)"
        )
    except OSError as error:
        return VideoDecoding(False, f"{node} cannot be opened: {error.strerror}")
    try:
        display = libva_drm.vaGetDisplayDRM(fd)
        if not display:
            return VideoDecoding(False, f"{node} is not a GPU that VA-API can use")
        major, minor = ctypes.c_int(), ctypes.c_int()
        status = libva.vaInitialize(display, ctypes.byref(major), ctypes.byref(minor))
        if status != _VA_STATUS_SUCCESS:
            said = (libva.vaErrorStr(status) or b"").decode(errors="replace")
            return VideoDecoding(
                False, f"the video driver for {node} did not start ({said}; install {VA_PACKAGES})"
            )
        try:
            vendor = (libva.vaQueryVendorString(display) or b"").decode(errors="replace")
            profiles = _h264_profiles_decoded(libva, display)
        finally:
            libva.vaTerminate(display)
    finally:
        os.close(fd)
    if not profiles:
        return VideoDecoding(False, f"the GPU's video driver ({vendor}) does not decode H.264")
    return VideoDecoding(
        True,
        f"on the GPU: {vendor} decodes H.264 ({', '.join(profiles)}) through VA-API on {node}",
    )


def _h264_profiles_decoded(libva: ctypes.CDLL, display: int) -> list[str]:
    count = ctypes.c_int()
    offered = (ctypes.c_int * max(libva.vaMaxNumProfiles(display), 1))()
    if libva.vaQueryConfigProfiles(display, offered, ctypes.byref(count)) != _VA_STATUS_SUCCESS:
        return []
    decoded = []
    entrypoints = (ctypes.c_int * max(libva.vaMaxNumEntrypoints(display), 1))()
    for profile in offered[: count.value]:
        if profile not in _H264_PROFILES:
            continue
        found = ctypes.c_int()
        status = libva.vaQueryConfigEntrypoints(display, profile, entrypoints, ctypes.byref(found))
        if status == _VA_STATUS_SUCCESS and _VA_ENTRYPOINT_VLD in entrypoints[: found.value]:
            decoded.append(_H264_PROFILES[profile])
    return decoded


if __name__ == "__main__":
    answer = probe_in_this_process(Path(sys.argv[1]) if len(sys.argv) > 1 else RENDER_NODES)
    print(json.dumps(asdict(answer)))
