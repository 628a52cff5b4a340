#!/usr/bin/env python3
"""Memory with the largest pictures a package may hold: the kiosk's RSS stays bounded.

Prints numbers; asserts nothing. It builds two packages from the test manifest: one with
the demo's pictures, one whose hero, poster, gallery picture and attract still are the
largest the limits allow (kiosk/limits.py: 50 megapixels, sides up to 6:1), and shows each
in the real QML window offscreen: home, the attract loop, a corner, the enlarged picture.
It prints RSS after each screen for both, and what one such picture would take decoded at
full size. Goal: the largest legal pictures cost tens of MB more than the demo's, not the
gigabytes they would take decoded at their own size.

Run: .venv/bin/python tests/benchmarks/image_memory.py
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kiosk import limits  # noqa: E402
from kiosk.composition import WindowOptions, compose  # noqa: E402
from kiosk.config import KioskConfig  # noqa: E402
from kiosk.content.builder import build_package  # noqa: E402
from kiosk.content.package import ContentPackage  # noqa: E402
from kiosk.install.installer import Installer  # noqa: E402
from kiosk.install.media_store import MediaStore  # noqa: E402
from kiosk.paths import DataPaths  # noqa: E402
from tests.bridge.ui import find, find_item, tap  # noqa: E402
from tests.manifests import SMALL_MANIFEST  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
GALLERY = """    gallery:
      - image: media/images/wide.jpg
        caption: {ko: 넓은 사진, en: A wide picture}
    sections:"""


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE / 1e6


def largest_pictures(folder: Path) -> None:
    """Overwrite the manifest's pictures with the largest legal ones (same names)."""
    side = int((limits.IMAGE_PIXELS / 1.3334) ** 0.5)
    large = (int(side * 1.3333), side)  # about 50 megapixels, 4:3
    long_side = int((limits.IMAGE_PIXELS * limits.IMAGE_ASPECT) ** 0.5) - 1
    wide = (long_side, math.ceil(long_side / limits.IMAGE_ASPECT))  # 6:1
    for name, size in [
        ("delivery-hero.jpg", large),
        ("delivery-poster.jpg", large),
        ("valleys-hero.jpg", large),
        ("wide.jpg", wide),
    ]:
        picture = Image.linear_gradient("L").resize(size).convert("RGB")
        picture.save(folder / "media" / "images" / name, quality=80)
        full_size_mb = size[0] * size[1] * 4 / 1e6
        print(f"  {name}: {size[0]}x{size[1]}, {full_size_mb:.0f} MB decoded at full size")


def show(folder: Path, data: Path, label: str) -> None:
    manifest = folder / "manifest.yaml"
    manifest.write_text(SMALL_MANIFEST.replace("    sections:", GALLERY, 1), encoding="utf-8")
    built = build_package(manifest, data / "p.kpkg")
    with ContentPackage.open(built.path) as package:
        media = MediaStore(data / "media").extract_all(package)
        installer = Installer(data)
        ui = compose(KioskConfig(), DataPaths(data), package.content, media, installer=installer)
        try:
            ui.show(WindowOptions(windowed=True, size=(1920, 1080)))
            QTest.qWait(1500)
            figures = [("attract loop", rss_mb())]
            ui.session.touched()
            QTest.qWait(1500)
            figures.append(("home", rss_mb()))
            tap(ui, find(ui, "cornerTile_one"))
            QTest.qWait(1500)
            figures.append(("corner", rss_mb()))
            thumb = find_item(ui, "galleryThumb_0")
            if thumb is not None:
                tap(ui, thumb)
                QTest.qWait(1500)
                figures.append(("enlarged picture", rss_mb()))
            print(f"{label}: " + ", ".join(f"{where} {mb:.0f} MB" for where, mb in figures))
        finally:
            ui.close()


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    assert app is not None
    with tempfile.TemporaryDirectory() as scratch:
        for label, make_large in [("demo pictures", False), ("largest legal pictures", True)]:
            folder = Path(scratch) / label.replace(" ", "-")
            shutil.copytree(
                REPO / "media", folder / "media", ignore=shutil.ignore_patterns("*.py", "*.md")
            )
            wide = folder / "media" / "images" / "wide.jpg"
            shutil.copyfile(folder / "media" / "images" / "valleys-hero.jpg", wide)
            if make_large:
                largest_pictures(folder)
            show(folder, folder / "data", label)


if __name__ == "__main__":
    main()
