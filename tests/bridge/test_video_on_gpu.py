"""Video on a GPU: drawn by the OpenGL scene graph, the video item hands each frame as it
is to Qt's VideoOutput, whose shaders turn it into RGB, and the CPU converts none.

This machine's only OpenGL is Mesa's llvmpipe, the CPU in disguise, where the item keeps
the CPU path unless the GPU path is asked for by name (``KIOSK_VIDEO_CONVERSION``). Each
case runs a real clip in a process of its own under Xvfb: the graphics API is chosen once
per process, and the test process draws with the software scene graph.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.clips import make_clip_of

pytestmark = pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb")

REPO = Path(__file__).resolve().parents[2]
RED, BLUE, GROUND = (192, 32, 32), (32, 64, 192), (128, 128, 128)

# A 4:3 clip in a 16:9 window: left half red, right half blue, letterboxed on grey.
_CHILD = r"""
import json, os, sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow, QSGRendererInterface

QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.OpenGL)
app = QGuiApplication(sys.argv[:1])
import kiosk.bridge.video_frame_item  # the QML type

engine = QQmlApplicationEngine()
engine.loadData(b'''
import QtQuick
import QtMultimedia
import Kiosk.Bridge
Window {
    width: 320; height: 180; visible: true; color: "#808080"
    VideoFrameItem { id: frames; objectName: "frames"; anchors.fill: parent }
    MediaPlayer { objectName: "player"; videoOutput: frames.videoSink }
}
''')
window = engine.rootObjects()[0]
frames = window.findChild(QQuickItem, "frames")
player = window.findChild(QMediaPlayer, "player")
result = {}

def look():
    if frames.property("framesShown") < 12:
        return
    poll.stop()
    player.pause()
    picture = window.grabWindow()
    sample = frames.latest_image()
    result.update(
        on_gpu=frames.property("onGpu"),
        api=window.rendererInterface().graphicsApi().name,
        frames=frames.property("framesShown"),
        left=list(picture.pixelColor(100, 90).getRgb()[:3]),
        right=list(picture.pixelColor(220, 90).getRgb()[:3]),
        side=list(picture.pixelColor(10, 90).getRgb()[:3]),
        sample_size=[sample.width(), sample.height()],
        sample_left=list(sample.pixelColor(sample.width() // 4, sample.height() // 2).getRgb()[:3]),
    )
    app.quit()

poll = QTimer(interval=20)
poll.timeout.connect(look)
poll.start()
QTimer.singleShot(20000, app.quit)
player.setSource(QUrl.fromLocalFile(sys.argv[1]))
player.play()
app.exec()
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def halves_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    picture = Image.new("RGB", (320, 240), RED)
    picture.paste(Image.new("RGB", (160, 240), BLUE), (160, 0))
    return make_clip_of(tmp_path_factory.mktemp("gpu") / "halves.mp4", [picture, picture])


def play_on_opengl(
    clip: Path, display: str, conversion: str | None, said: list[str] | None = None
) -> dict[str, object]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "QSG_RENDER_LOOP": "basic", "LIBGL_ALWAYS_SOFTWARE": "1"}  # fmt: skip
    env.pop("QT_QUICK_BACKEND", None)
    env.pop("KIOSK_VIDEO_CONVERSION", None)
    if conversion is not None:
        env["KIOSK_VIDEO_CONVERSION"] = conversion
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(clip)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result, f"no frames came: {done.stderr}"
    if said is not None:
        said.append(done.stderr)
    return dict(result)


def near(colour: object, wanted: tuple[int, int, int], tolerance: int = 24) -> bool:
    assert isinstance(colour, list)
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted, strict=True))


def test_frames_asked_onto_the_gpu_are_drawn_by_qts_video_output(
    halves_clip: Path, x_display: str
) -> None:
    result = play_on_opengl(halves_clip, x_display, "gpu")
    assert result["on_gpu"] is True
    # Fitted and letterboxed as on the CPU path, in the clip's own colours.
    assert near(result["left"], RED), result
    assert near(result["right"], BLUE), result
    assert near(result["side"], GROUND, 4), result
    # The backdrop's sample still comes: converted on the CPU, at the size shown.
    assert result["sample_size"] == [240, 180], result
    assert near(result["sample_left"], RED), result


def test_a_software_gpu_keeps_the_cpu_conversion(halves_clip: Path, x_display: str) -> None:
    """llvmpipe runs shaders on the CPU, at more cost than swscale: left to choose, the
    item converts on the CPU there, and shows the same picture."""
    result = play_on_opengl(halves_clip, x_display, None)
    assert result["api"] == "OpenGL"  # llvmpipe's, found out and passed over
    assert result["on_gpu"] is False
    assert near(result["left"], RED), result
    assert near(result["right"], BLUE), result
    assert near(result["side"], GROUND, 4), result


def test_an_unknown_choice_is_named_and_treated_as_auto(halves_clip: Path, x_display: str) -> None:
    said: list[str] = []
    result = play_on_opengl(halves_clip, x_display, "fastest", said)
    assert result["on_gpu"] is False
    assert near(result["left"], RED), result
    assert "KIOSK_VIDEO_CONVERSION=fastest is not auto, gpu or cpu" in said[0]
