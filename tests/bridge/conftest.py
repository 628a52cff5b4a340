"""The kiosk UI on the demo package, in a real (offscreen) QML window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import KioskUi, RunOptions
from kiosk.config import KioskConfig
from kiosk.content.package import ContentPackage
from kiosk.install.media_store import MediaStore


@pytest.fixture
def kiosk(qapp, demo_package: Path, tmp_path: Path) -> Iterator[KioskUi]:
    """The kiosk UI on the demo package, in a 1920x1080 window."""
    with ContentPackage.open(demo_package) as package:
        media = MediaStore(tmp_path / "media").extract_all(package)
        ui = KioskUi(KioskConfig(), package.content, media, tmp_path / "cache")
        ui.show(RunOptions(data_dir=tmp_path, windowed=True, size=(1920, 1080)))
        ui.session.touched()  # a visitor is here: the home screen, not the attract loop
        try:
            yield ui
        finally:
            ui.close()
