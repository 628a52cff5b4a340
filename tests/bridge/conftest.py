"""The kiosk UI on the demo package, in a real (offscreen) QML window, made the way the
application makes it (``kiosk.composition.compose``)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.analytics.log import InteractionLog
from kiosk.bridge.package_watcher import POLL_MS
from kiosk.composition import KioskUi, WindowOptions, compose
from kiosk.config import KioskConfig
from kiosk.content.package import ContentPackage, PackageContent
from kiosk.content.signing import TrustedKey
from kiosk.install.installer import Installer
from kiosk.install.media_store import MediaStore
from kiosk.paths import DataPaths
from tests.bridge.ui import pictures_loaded


@dataclass(frozen=True)
class DemoShow:
    """The demo package's content and its media files."""

    content: PackageContent
    media: Mapping[str, Path]


@pytest.fixture(scope="session")
def demo_show(demo_package: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoShow:
    """The demo's media, extracted once for the whole session (tests only read them)."""
    folder = tmp_path_factory.mktemp("demo-media")
    with ContentPackage.open(demo_package) as package:
        return DemoShow(package.content, dict(MediaStore(folder).extract_all(package)))


MakeKiosk = Callable[..., KioskUi]


@pytest.fixture
def make_kiosk(qapp, qtbot, demo_show: DemoShow, tmp_path: Path) -> Iterator[MakeKiosk]:
    """Makes kiosk UIs: ``make(config, size=, clock=, wall_clock=, installs=, kiosk_mode=, content=,
    media=, interaction_log=, visitor=, poll_ms=, windowed=)``, on the demo unless ``content`` and
    ``media`` say otherwise, with their data in ``tmp_path/"data"``.

    ``installs``: the kiosk is started, so it watches drop folders and sticks for new
    content. ``visitor``: a visitor has touched the screen (the home screen shows, not the
    attract loop). ``exit_app`` is recorded in ``ui.exits``, never the test's own loop."""
    made: list[KioskUi] = []
    data = tmp_path / "data"

    def make(
        config: KioskConfig | None = None,
        size: tuple[int, int] = (1920, 1080),
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], dt.datetime] = dt.datetime.now,
        installs: bool = False,
        kiosk_mode: bool = False,
        content: PackageContent | None = None,
        media: Mapping[str, Path] | None = None,
        interaction_log: InteractionLog | None = None,
        visitor: bool = True,
        poll_ms: int = POLL_MS,
        windowed: bool = True,
    ) -> KioskUi:
        exits: list[int] = []
        config = config or KioskConfig()
        # The keys the config trusts, as the application's installer has them.
        keys = [TrustedKey.parse(line) for line in config.trusted_keys]
        ui = compose(
            config,
            DataPaths(data),
            content or demo_show.content,
            demo_show.media if media is None else media,
            installer=Installer(data, keys),
            watching=installs,
            interaction_log=interaction_log,
            clock=clock,
            wall_clock=wall_clock,
            kiosk_mode=kiosk_mode,
            exit_app=exits.append,
            poll_ms=poll_ms,
        )
        ui.exits = exits
        made.append(ui)
        ui.show(WindowOptions(windowed=windowed, size=size))
        ui.start()
        if visitor:
            ui.session.touched()  # the home screen, not the attract loop
        return ui

    yield make
    for ui in made:
        # Qt's picture cache is the process's, and the demo's pictures are the same files
        # in every test: a window closed while a picture loads leaves the cache's entry
        # loading for ever, and the next test's window that asks for it gets Qt's warning
        # "connectFinished() called when not loading" (and no picture). One window per
        # process at a booth never meets this; the tests close theirs once loaded.
        qtbot.waitUntil(lambda ui=ui: pictures_loaded(ui), timeout=10_000)
        ui.close()


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> KioskUi:
    """The kiosk UI on the demo package, in a 1920x1080 window, a visitor at it."""
    return make_kiosk()
