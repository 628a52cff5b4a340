#!/usr/bin/env python3
"""The kiosk playing the booth's kind of clip, beside decoding the same clip and nothing
else, in one run: what the kiosk's video costs over the decode it cannot avoid.

The clip is made here (PyAV): 1080p at 30 frames a second, H.264 at about 6 Mbit/s (a
typical exhibit bitrate), stereo AAC. The kiosk shows it as a corner's video under Xvfb
with the booth's software renderer, played by a real X tap; its CPU is read from /proc
over the clip's length, and its own trace marks say how many frames arrived and how many
were replaced before they were painted (dropped). The floor is ``ffmpeg -benchmark``
decoding the same clip, video and audio (Debian's ffmpeg), or, without it, the same
decode by PyAV's FFmpeg; its CPU seconds come from the decoder's process.

Between the two, the same clip played by Qt's own player (QMediaPlayer, the FFmpeg
backend the kiosk uses) into a video sink that nobody reads, in a process of its own with
no window: what Qt's player costs before the kiosk converts or draws a single frame. The
kiosk's share is what it adds to that.

Prints numbers; asserts nothing.
Needs: Xvfb and xdotool (Debian), the kiosk installed (./quickstart.sh test sets it up).
Run:   .venv/bin/python tests/benchmarks/video_like_for_like.py [--seconds 60] [--rounds 3]
       (--smoke: a 4-second clip, to see that it still works; CI)
With more than one round, the decode alone and the kiosk take turns, and the ratio printed
is the median of each round's own: a shared machine's load drifts over minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from visitor_speed import HEIGHT, PLAY, TILE, WAKE, WIDTH, click, cpu_seconds, wait_for

REPO = Path(__file__).resolve().parents[2]
RATE = 30
BITRATE = 6_000_000


def make_clip(path: Path, seconds: float) -> Path:
    """A 1080p30 H.264 clip at about 6 Mbit/s with stereo AAC: a moving texture, so the
    encoder needs the bitrate, and a tone."""
    import av
    from PIL import Image, ImageChops

    texture = Image.frombytes("L", (WIDTH, HEIGHT), os.urandom(WIDTH * HEIGHT)).convert("RGB")
    ground = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).convert("RGB")
    frames = round(seconds * RATE)
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=RATE)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.bit_rate = BITRATE
        video.options = {"preset": "veryfast", "x264-params": "vbv-maxrate=6500:vbv-bufsize=12000"}
        audio = container.add_stream("aac", rate=48_000, layout="stereo")
        audio.bit_rate = 160_000
        samples = 1024
        tone = [int(8000 * ((i * 440 * 2 // 48_000) % 2 * 2 - 1)) for i in range(samples)]
        pcm = bytes(b for value in tone for b in value.to_bytes(2, "little", signed=True) * 2)
        written = 0
        for index in range(frames):
            moved = ImageChops.offset(texture, index * 7, index * 3)
            picture = Image.blend(ground, moved, 0.35)
            frame = av.VideoFrame.from_image(picture).reformat(format="yuv420p")
            frame.pts = index
            frame.time_base = Fraction(1, RATE)
            container.mux(video.encode(frame))
            while written < (index + 1) * 48_000 // RATE:
                sound = av.AudioFrame(format="s16", layout="stereo", samples=samples)
                sound.planes[0].update(pcm)
                sound.sample_rate = 48_000
                sound.pts = written
                sound.time_base = Fraction(1, 48_000)
                container.mux(audio.encode(sound))
                written += samples
        container.mux(video.encode(None))
        container.mux(audio.encode(None))
    return path


def decode_floor(clip: Path) -> tuple[str, float]:
    """CPU seconds to decode ``clip`` (video and audio) and do nothing else."""
    if shutil.which("ffmpeg"):
        command = ["ffmpeg", "-hide_banner", "-nostdin", "-benchmark", "-i", str(clip),
                   "-f", "null", "-"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        bench = re.search(r"bench: utime=([\d.]+)s stime=([\d.]+)s", done.stderr)
        if bench:
            return "ffmpeg -benchmark", float(bench.group(1)) + float(bench.group(2))
    decode = (
        "import av, sys\n"
        "with av.open(sys.argv[1]) as c:\n"
        "    c.streams.video[0].thread_type = 'AUTO'\n"
        "    for _ in c.decode(video=0, audio=0): pass\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", decode, str(clip)], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return "PyAV decode (no ffmpeg on PATH)", used


# Run in a process of its own (``python -c PLAYER_ALONE CLIP SECONDS``): Qt's player and
# nothing else, its CPU counted from the first frame, as the kiosk's is.
PLAYER_ALONE = """
import json, os, resource, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink

app = QGuiApplication(sys.argv[:1])
player, sink, audio = QMediaPlayer(), QVideoSink(), QAudioOutput()
player.setVideoSink(sink)
player.setAudioOutput(audio)
started = {}

def first_frame(frame):
    sink.videoFrameChanged.disconnect(first_frame)  # from here on, frames go nowhere
    used = resource.getrusage(resource.RUSAGE_SELF)
    started.update(cpu=used.ru_utime + used.ru_stime, at=time.monotonic())
    QTimer.singleShot(int(1000 * (float(sys.argv[2]) - 1.0)), app.quit)

sink.videoFrameChanged.connect(first_frame)
player.setSource(QUrl.fromLocalFile(sys.argv[1]))
player.play()
QTimer.singleShot(int(1000 * (float(sys.argv[2]) + 30)), app.quit)  # a clip that never plays
app.exec()
used = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu": used.ru_utime + used.ru_stime - started["cpu"],
                  "played": time.monotonic() - started["at"]}))
"""


def player_alone(clip: Path, seconds: float) -> float:
    """% of a core that Qt's player takes to play ``clip`` with nothing drawn."""
    done = subprocess.run(
        [sys.executable, "-c", PLAYER_ALONE, str(clip), str(seconds)],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    )  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return 100 * figures["cpu"] / figures["played"]


def build_package(clip: Path, work: Path) -> Path:
    """The demo package with the first corner's video replaced by ``clip``."""
    seeds = REPO / "seeds"
    text = (seeds / "manifest.yaml").read_text(encoding="utf-8")
    text = text.replace("../media/", f"{REPO / 'media'}/")
    text = text.replace(f"{REPO / 'media'}/video/delivery.mp4", str(clip))
    manifest = work / "manifest.yaml"
    manifest.write_text(text, encoding="utf-8")
    package = work / "clip.kpkg"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "package", "build", str(manifest), "-o", str(package),
         "--allow-media-outside", "--no-layout"],
        check=True, capture_output=True,
    )  # fmt: skip
    return package


def play_in_kiosk(
    display: str, package: Path, work: Path, seconds: float, renderer: str
) -> dict[str, Any]:
    trace = work / "kiosk.jsonl"
    trace.unlink(missing_ok=True)  # a round's marks only
    # "opengl": Qt's default scene graph, through which a real GPU converts the frames.
    backend = "software" if renderer == "software" else "rhi"
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", KIOSK_TRACE=str(trace),
               KIOSK_DATA_DIR=str(work / "data"), QT_QUICK_BACKEND=backend)  # fmt: skip
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--package", str(package)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(trace, "first_frame", timeout=60)
        before = time.monotonic()
        click(display, WAKE)
        wait_for(trace, "tap", before)
        time.sleep(1)
        before = time.monotonic()
        click(display, TILE)
        wait_for(trace, "view_shown", wait_for(trace, "tap", before))
        time.sleep(1)
        before = time.monotonic()
        click(display, PLAY)
        first = wait_for(trace, "first_video_frame", wait_for(trace, "tap", before))
        # From the first frame to just before the end: the clip's own length of play.
        start_cpu, start = cpu_seconds(kiosk.pid), time.monotonic()
        time.sleep(max(1.0, seconds - 1.0 - (time.monotonic() - first)))
        used, played = cpu_seconds(kiosk.pid) - start_cpu, time.monotonic() - start
        marks = [json.loads(line) for line in trace.read_text().splitlines()]
        # The corner's video panel's marks (the attract loop's item marks its own).
        frames = [mark for mark in marks if mark["event"] == "video_frames"
                  and mark.get("item") == "videoFrame" and mark["mono"] >= first]  # fmt: skip
        last = frames[-1] if frames else {"shown": 0, "dropped": 0, "mono": first}
        where = [mark["where"] for mark in marks if mark["event"] == "video_conversion"
                 and mark.get("item") == "videoFrame"]  # fmt: skip
        return {"cpu": used, "played": played, "shown": last["shown"],
                "dropped": last["dropped"], "at": last["mono"] - first,
                "converted on": where[-1] if where else "?"}  # fmt: skip
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="the clip's length")
    parser.add_argument("--display", default=":94")
    parser.add_argument("--rounds", type=int, default=1, help="all three in turn, this often")
    parser.add_argument("--smoke", action="store_true", help="a 4-second clip")
    parser.add_argument("--keep-trace", type=Path, help="copy the kiosk's trace marks here")
    parser.add_argument("--renderer", choices=("software", "opengl"), default="software",
                        help="the kiosk's scene graph (opengl: a PC with a real GPU)")  # fmt: skip
    args = parser.parse_args()
    seconds = 4.0 if args.smoke else args.seconds
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (apt-get install xvfb xdotool)")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        made = time.monotonic()
        clip = make_clip(work / "booth-clip.mp4", seconds)
        made = time.monotonic() - made
        size = clip.stat().st_size
        package = build_package(clip, work)
        xvfb = subprocess.Popen(
            ["Xvfb", args.display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)
        # (floor, Qt's player alone, kiosk), each in % of a core
        rounds: list[tuple[float, float, float]] = []
        try:
            for _ in range(max(1, args.rounds)):
                floor_name, floor_cpu = decode_floor(clip)
                qt_alone = player_alone(clip, seconds)
                shutil.rmtree(work / "data", ignore_errors=True)
                kiosk = play_in_kiosk(args.display, package, work, seconds, args.renderer)
                rounds.append((100 * floor_cpu / seconds, qt_alone,
                               100 * kiosk["cpu"] / kiosk["played"]))  # fmt: skip
            if args.keep_trace:
                shutil.copyfile(work / "kiosk.jsonl", args.keep_trace)
        finally:
            xvfb.terminate()
            xvfb.wait()
    print(f"video like for like: {WIDTH}x{HEIGHT} H.264 at {RATE} fps, "
          f"{8 * size / seconds / 1e6:.1f} Mbit/s with stereo AAC, {seconds:.0f} s "
          f"(made in {made:.0f} s)")  # fmt: skip
    for number, (floor, qt_alone, played) in enumerate(rounds, 1):
        label = f"round {number}: kiosk, Qt's player, decode"
        print(f"{label:38} {played:6.1f} %, {qt_alone:.1f} %, {floor:.1f} %  "
              f"({played / floor:.2f}x)")  # fmt: skip
    label = f"kiosk playing it ({args.renderer}, {kiosk['converted on']})"
    print(f"{label:38} {statistics.median(r[2] for r in rounds):6.1f} % of a core")
    print(f"Qt's player alone, nothing drawn       "
          f"{statistics.median(r[1] for r in rounds):6.1f} % of a core")  # fmt: skip
    print(f"{floor_name:38} {statistics.median(r[0] for r in rounds):6.1f} % of a core")
    # Each ratio the median of the rounds' own.
    ratios = {
        "kiosk / decode only": [played / floor for floor, _, played in rounds],
        "Qt's player alone / decode only": [qt / floor for floor, qt, _ in rounds],
        "kiosk / Qt's player alone": [played / qt for _, qt, played in rounds],
    }
    for name, values in ratios.items():
        print(f"{name:38} {statistics.median(values):6.2f}x")
    print(f"frames shown by {kiosk['at']:.1f} s of play          {kiosk['shown']:6d}"
          f"  (the clip has {RATE} a second)")  # fmt: skip
    print(f"frames dropped (replaced before a paint) {kiosk['dropped']:5d}")


if __name__ == "__main__":
    main()
