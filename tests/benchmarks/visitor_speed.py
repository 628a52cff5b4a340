#!/usr/bin/env python3
"""How fast the kiosk answers a visitor, measured from outside, under Xvfb at 1920x1080.

Prints numbers; asserts nothing. For each scene graph backend it measures, side by side
with a bare QML window that shows one Text:
  - launch to the first frame (kiosk and bare window),
  - tap on a tile to the first frame of the corner view,
  - tap on play to the first video frame,
  - CPU and PSS on the idle home screen, CPU and RSS while the corner video plays.
  - kill -9 and a restart at once, ten times: from the kill to the show back on screen.
Taps are real X events (xdotool); times come from the kiosk's KIOSK_TRACE marks. Before
the timed runs, one run keeps the show's first frame (kiosk/curtain.py), as every booth
has after its first start: the launch is timed to the show on screen (the curtain), and
to the kiosk's own window behind it.

Needs: Xvfb and xdotool (Debian), the kiosk installed (./quickstart.sh test sets it up).
Run:   .venv/bin/python tests/benchmarks/visitor_speed.py [--runs 3]
       (--smoke: one short run on the software backend, to see that it still works; CI)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WIDTH, HEIGHT = 1920, 1080
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
# Where a visitor taps on the 1920x1080 layout: anywhere (the attract loop only wakes the
# kiosk), the first tile, then the big play button in the middle of the corner's video.
WAKE = (0.5, 0.4)
TILE = (0.18, 0.65)
PLAY = (0.2766, 0.3835)

# The kiosk's launch, phase by phase: between two of its trace marks. With a kept first
# frame (kiosk/curtain.py) the show is on screen at curtain_shown; the kiosk's own
# window draws its first frame behind it and takes over.
LAUNCH_PHASES = {
    "  start to curtain ms": ("process_start", "curtain_shown"),
    "  curtain to app imported ms": ("curtain_shown", "app_imported"),
    "  cli to app imported ms": ("process_start", "app_imported"),
    "  config read ms": ("app_imported", "config_read"),
    "  content opened ms": ("config_read", "package_opened"),
    "  QML loaded ms": ("package_opened", "qml_loaded"),
    "  first frame ms": ("qml_loaded", "first_frame"),
}

BARE_WINDOW = """
import json, os, sys, time
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv)
engine = QQmlApplicationEngine()
engine.loadData(b'import QtQuick\\nWindow { color: "white"; '
                b'Text { text: "Gyeonggi"; font.pixelSize: 64 } }')
window = engine.rootObjects()[0]
# Full screen as the kiosk makes it, with or without a window manager (showFullScreen
# alone leaves a small window when none runs).
window.setGeometry(window.screen().geometry())
window.showFullScreen()
def first_frame():
    with open(os.environ["KIOSK_TRACE"], "a") as f:
        mark = {"event": "first_frame", "mono": time.monotonic(),
                "size": [window.width(), window.height()]}
        f.write(json.dumps(mark) + "\\n")
    window.frameSwapped.disconnect(first_frame)
window.frameSwapped.connect(first_frame)
app.exec()
"""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def rss_mb(pid: int) -> float:
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * PAGE / 1e6


def pss_mib(pid: int) -> float:
    """Proportional set size: the process's own memory plus its share of what it shares."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_percent(pid: int, seconds: float) -> float:
    start = cpu_seconds(pid)
    time.sleep(seconds)
    return 100 * (cpu_seconds(pid) - start) / seconds


def wait_for(
    trace: Path, event: str | tuple[str, ...], after: float = 0.0, timeout: float = 30
) -> float:
    """The monotonic time of the first ``event`` mark (or of any of several) later than
    ``after``."""
    wanted = (event,) if isinstance(event, str) else event
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if trace.exists():
            for line in trace.read_text().splitlines():
                try:
                    mark = json.loads(line)
                except ValueError:
                    continue  # a line still being written (or one cut short by a kill -9)
                if mark["event"] in wanted and mark["mono"] > after:
                    return float(mark["mono"])
        time.sleep(0.005)
    raise TimeoutError(f"no {event} mark within {timeout} s")


# The show's first frame: a kept copy of it (the curtain), or the kiosk's own window's.
SHOW_ON_SCREEN = ("curtain_shown", "first_frame")


def click(display: str, at: tuple[float, float]) -> None:
    x, y = round(at[0] * WIDTH), round(at[1] * HEIGHT)
    subprocess.run(
        ["xdotool", "mousemove", str(x), str(y), "click", "1"],
        env=dict(os.environ, DISPLAY=display),
        check=True,
    )


def launch(
    command: list[str], env: dict[str, str], trace: Path
) -> tuple[subprocess.Popen[bytes], float]:
    started = time.monotonic()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    first = wait_for(trace, SHOW_ON_SCREEN, started)
    return process, first - started


def ready_for_taps(trace: Path, since: float) -> None:
    """Wait until the kiosk started after ``since`` shows its own window (a curtain, if
    any, lifted)."""
    wait_for(trace, "first_frame", since)
    marks = map(json.loads, trace.read_text().splitlines())
    if any(mark["event"] == "curtain_shown" and mark["mono"] > since for mark in marks):
        wait_for(trace, "curtain_lifted", since)


def keep_a_curtain(display: str, data_dir: Path, work: Path) -> None:
    """One run as at the booth, until it has kept its first frame for the next start."""
    trace = work / "keep-curtain.jsonl"
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", KIOSK_DATA_DIR=str(data_dir),
               KIOSK_TRACE=str(trace), QT_QUICK_BACKEND="software")  # fmt: skip
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for(trace, "curtain_kept", timeout=60)
    finally:
        kiosk.terminate()
        kiosk.wait()
    trace.unlink()


def restarts_after_crashes(
    kiosk: subprocess.Popen[bytes],
    command: list[str],
    env: dict[str, str],
    trace: Path,
    count: int,
) -> tuple[subprocess.Popen[bytes], list[float]]:
    """``count`` times: kill -9 the kiosk, start it again at once (as its service manager
    does), and time from the kill to the show back on screen (ms)."""
    times = []
    for _ in range(count):
        time.sleep(0.5)
        killed = time.monotonic()
        kiosk.kill()
        kiosk.wait()
        kiosk = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        times.append((wait_for(trace, SHOW_ON_SCREEN, killed) - killed) * 1000)
        ready_for_taps(trace, killed)
    return kiosk, times


def measure(
    display: str, backend: str, data_dir: Path, work: Path, sample_s: float, restarts: int
) -> dict[str, float]:
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        KIOSK_DATA_DIR=str(data_dir),
        QT_QUICK_BACKEND=backend,
    )
    if backend == "opengl":
        env["QT_QUICK_BACKEND"] = "rhi"  # Qt's default scene graph (OpenGL here)
    results: dict[str, float] = {}

    bare_trace = work / f"bare-{backend}.jsonl"
    bare, results["bare launch ms"] = launch(
        [sys.executable, "-c", BARE_WINDOW], dict(env, KIOSK_TRACE=str(bare_trace)), bare_trace
    )
    bare.terminate()
    bare.wait()
    # The floor must be a full-screen window, as the kiosk's is.
    size = json.loads(bare_trace.read_text().splitlines()[0])["size"]
    results["bare window width"], results["bare window height"] = size
    if size != [WIDTH, HEIGHT]:
        raise SystemExit(f"the bare window came up {size[0]}x{size[1]}, not full screen")

    trace = work / f"kiosk-{backend}.jsonl"
    kiosk_command = [sys.executable, "-m", "kiosk", "run"]
    kiosk, results["kiosk launch ms"] = launch(
        kiosk_command, dict(env, KIOSK_TRACE=str(trace)), trace
    )
    results["kiosk launch ms"] *= 1000
    results["bare launch ms"] *= 1000
    results["launch ratio"] = results["kiosk launch ms"] / results["bare launch ms"]
    try:
        ready_for_taps(trace, 0.0)
        # Where the kiosk's launch goes, from its own marks (kiosk/trace.py).
        marks = {mark["event"]: mark["mono"] for mark in map(json.loads, reversed(
            trace.read_text().splitlines()))}  # fmt: skip
        results["curtain shown (1 = yes)"] = float("curtain_shown" in marks)
        results["launch to kiosk's own frame ms"] = (marks["first_frame"]
                                                     - marks["process_start"]) * 1000  # fmt: skip
        for phase, (since, until) in LAUNCH_PHASES.items():
            if since in marks and until in marks:
                results[phase] = (marks[until] - marks[since]) * 1000
        if restarts:
            kiosk, times = restarts_after_crashes(
                kiosk, kiosk_command, dict(env, KIOSK_TRACE=str(trace)), trace, restarts
            )
            results["kill -9 to show again ms"] = statistics.median(times)
            results["  slowest of the restarts ms"] = max(times)
        # It starts in its attract loop: a first tap wakes it to the home screen.
        before = time.monotonic()
        click(display, WAKE)
        wait_for(trace, "tap", before)
        time.sleep(1.5)
        results["idle home CPU %"] = cpu_percent(kiosk.pid, sample_s)
        results["idle home PSS MiB"] = pss_mib(kiosk.pid)
        before = time.monotonic()
        click(display, TILE)
        tapped = wait_for(trace, "tap", before)
        shown = wait_for(trace, "view_shown", tapped)
        results["tap to view ms"] = (shown - tapped) * 1000
        time.sleep(1)
        before = time.monotonic()
        click(display, PLAY)
        tapped = wait_for(trace, "tap", before)
        frame = wait_for(trace, "first_video_frame", tapped)
        results["tap to video frame ms"] = (frame - tapped) * 1000
        time.sleep(0.5)
        results["video CPU %"] = cpu_percent(kiosk.pid, sample_s * 1.25)
        results["video RSS MB"] = rss_mb(kiosk.pid)
    finally:
        kiosk.terminate()
        kiosk.wait()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--display", default=":93")
    parser.add_argument("--smoke", action="store_true", help="one short software run")
    parser.add_argument("--restarts", type=int, default=10, help="kill -9 and restarts a run")
    args = parser.parse_args()
    # As at a booth, whose install compiled the kiosk's modules: some shells and CI set
    # this, and every start would then compile them again (the warm-up run writes them).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = 1 if args.smoke else args.runs
    backends = ("software",) if args.smoke else ("software", "opengl")
    sample_s = 1.0 if args.smoke else 4.0
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (apt-get install xvfb xdotool)")
    xvfb = subprocess.Popen(
        ["Xvfb", args.display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    try:
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            data_dir = work / "data"
            # Build the demo once, outside the timings.
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kiosk",
                    "--data-dir",
                    str(data_dir),
                    "run",
                    "--screenshot",
                    str(work / "warm.png"),
                ],
                check=True,
                capture_output=True,
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            )
            keep_a_curtain(args.display, data_dir, work)
            table: dict[str, dict[str, list[float]]] = {}
            for backend in backends:
                for _ in range(runs):
                    restarts = 2 if args.smoke else args.restarts
                    figures = measure(args.display, backend, data_dir, work, sample_s, restarts)
                    for key, value in figures.items():
                        table.setdefault(backend, {}).setdefault(key, []).append(value)
                    for trace in work.glob("*.jsonl"):
                        trace.unlink()
    finally:
        xvfb.terminate()
        xvfb.wait()
    print(f"visitor speed, Xvfb {WIDTH}x{HEIGHT}, median of {runs} runs")
    keys = list(next(iter(table.values())))
    print(f"{'':34}" + "".join(f"{backend:>12}" for backend in table))
    for key in keys:
        row = "".join(f"{statistics.median(table[b][key]):12.1f}" for b in table)
        print(f"{key:34}{row}")
    print_import_times()


def print_import_times(top: int = 15) -> None:
    """What the kiosk's start imports, slowest first (python -X importtime), so that a
    launch that got slower shows where it came from: before the curtain, then the rest."""
    for before, code, count in (
        ("the show's first frame (the curtain)",
         "import kiosk.start, kiosk.curtain, PySide6.QtGui", 8),
        ("the kiosk's own window", "import kiosk.cli, kiosk.app", top),
    ):  # fmt: skip
        print_imports(before, code, count)


def print_imports(before: str, code: str, top: int) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), name.rstrip()))
    # Top-level imports (one space before the name; nested ones are indented further).
    total = sum(cumulative for cumulative, name in rows if not name.startswith("  "))
    print(f"\nimports before {before}: {total / 1000:.0f} ms in all; the slowest")
    for cumulative, name in sorted(rows, reverse=True)[:top]:
        print(f"{cumulative / 1000:10.1f} ms  {name}")


if __name__ == "__main__":
    main()
