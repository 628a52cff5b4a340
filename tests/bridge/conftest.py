"""The kiosk UI on the demo package, in a real (offscreen) QML window."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.app import KioskUi, RunOptions
from kiosk.config import KioskConfig
from kiosk.content.package import ContentPackage
from kiosk.content.signing import TrustedKey
from kiosk.install.installer import Installer
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


@pytest.fixture
def make_kiosk(qapp, demo_package: Path, tmp_path: Path) -> Iterator[Callable[..., KioskUi]]:
    """Makes kiosk UIs on the demo package: ``make(config, size=, clock=, installs=,
    kiosk_mode=)``. With ``installs`` the kiosk has an installer on ``tmp_path/"data"``.
    ``exit_app`` is recorded in ``ui.exits``, never the test's own event loop."""
    made: list[KioskUi] = []
    package = ContentPackage.open(demo_package)
    data = tmp_path / "data"
    media = MediaStore(data / "media").extract_all(package)

    def make(
        config: KioskConfig | None = None,
        size: tuple[int, int] = (1920, 1080),
        clock: Callable[[], float] = time.monotonic,
        installs: bool = False,
        kiosk_mode: bool = False,
    ) -> KioskUi:
        exits: list[int] = []
        config = config or KioskConfig()
        # The keys the config trusts, as the application's installer has them.
        keys = [TrustedKey.parse(line) for line in config.trusted_keys]
        extra: dict[str, Any] = {"installer": Installer(data, keys)} if installs else {}
        ui = KioskUi(
            config,
            package.content,
            media,
            data / "cache",
            clock=clock,
            kiosk_mode=kiosk_mode,
            exit_app=exits.append,
            **extra,
        )
        ui.exits = exits  # type: ignore[attr-defined]
        ui.show(RunOptions(data_dir=data, windowed=True, size=size))
        ui.session.touched()  # a visitor is here: the home screen, not the attract loop
        made.append(ui)
        return ui

    yield make
    for ui in made:
        ui.close()
    package.close()
