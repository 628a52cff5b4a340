#!/usr/bin/env python3
"""How soon the live preview shows a saved manifest: from the file's write to the first
frame drawn with the new content, for a text edit and for a media file saved again.

Prints numbers; asserts nothing. Runs the real preview (offscreen unless a display is
set) on a copy of the demo's media, with the small test manifest.

Run:   .venv/bin/python tests/benchmarks/preview_reload.py [--saves 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface  # noqa: E402

from kiosk.config import KioskConfig  # noqa: E402
from kiosk.preview import open_preview  # noqa: E402
from tests.manifests import SMALL_MANIFEST, write_manifest  # noqa: E402


def save_to_frame(preview, save) -> float:
    """Seconds from ``save()`` to the first frame after the reload it causes."""
    loop = QEventLoop()
    window = preview.ui.window
    timings: list[float] = []

    def reloaded(_seconds: float) -> None:
        window.frameSwapped.connect(framed)
        window.update()

    def framed() -> None:
        window.frameSwapped.disconnect(framed)
        timings.append(time.monotonic() - started)
        loop.quit()

    preview.reloader.reloaded.connect(reloaded)
    QTimer.singleShot(30_000, loop.quit)
    started = time.monotonic()
    save()
    loop.exec()
    preview.reloader.reloaded.disconnect(reloaded)
    if not timings:
        raise SystemExit("no reload within 30 s")
    return timings[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        shutil.copytree(ROOT / "media", folder / "media",
                        ignore=shutil.ignore_patterns("*.py", "*.md", "fonts"))  # fmt: skip
        manifest = write_manifest(folder, SMALL_MANIFEST)
        preview = open_preview(manifest, KioskConfig(), folder / "preview", size=(1920, 1080))
        preview.ui.exhibit.openCorner("one")
        hero = folder / "media" / "images" / "delivery-hero.jpg"
        pictures = [
            hero.read_bytes(),
            (folder / "media" / "images" / "valleys-hero.jpg").read_bytes(),
        ]
        texts, media = [], []
        for save in range(args.saves):
            text = manifest.read_text(encoding="utf-8")
            edited = text.replace("en: First", f"en: First {save}", 1) if save == 0 else (
                text.replace(f"en: First {save - 1}", f"en: First {save}", 1))  # fmt: skip
            texts.append(save_to_frame(preview, lambda edited=edited: manifest.write_text(edited)))
            picture = pictures[(save + 1) % 2]
            media.append(save_to_frame(preview, lambda picture=picture: hero.write_bytes(picture)))
        preview.close()
    del app
    print(f"preview reload, save to the first new frame, {args.saves} saves each (ms)")
    for name, values in (("manifest text edited", texts), ("picture saved again", media)):
        ms = [value * 1000 for value in values]
        print(f"{name:24}median {statistics.median(ms):7.1f}   max {max(ms):7.1f}")


if __name__ == "__main__":
    main()
