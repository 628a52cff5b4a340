"""Every screen a visitor can reach, brought up in turn by the kiosk's own QML: home,
each corner's pages, a picture enlarged, each attract item and the idle warning, in
every language, at each screen size and in each accessibility mode. The proof renders
them (``kiosk.proof``); the layout check reads their texts (``kiosk.layout_check``).

Like ``kiosk.app``, this is a composition root; Qt is imported here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

from kiosk.bridge.scene import call, descendants, find_item, picture_loading
from kiosk.composition import KioskUi, WindowOptions, compose
from kiosk.config import KioskConfig, SessionConfig
from kiosk.content.package import PackageContent
from kiosk.install.installer import Installer
from kiosk.paths import DataPaths

ORIENTATIONS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
# Each mode a visitor can switch on that changes what the screen shows.
MODES = {
    "standard": (),
    "low position": ("low_position",),
    "high contrast": ("high_contrast",),
    "large text": ("large_text",),
}
SETTLE_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Screen:
    """One screen: what it shows, at which size, in which mode and language."""

    label: str
    orientation: str
    mode: str
    language: str


class SessionClock:
    """The visitor session's clock while screens are brought up: it moves only when a
    step says (to bring up the idle warning)."""

    def __init__(self) -> None:
        self.now = time.monotonic()

    def __call__(self) -> float:
        return self.now


Step = Callable[[KioskUi, SessionClock], None]


def steps_of(content: PackageContent) -> list[tuple[str, Step]]:
    """Every screen a visitor can reach in one language and mode, in a visitor's order,
    with how to bring the kiosk to it."""
    steps: list[tuple[str, Step]] = [("home", _home)]
    for number, corner in enumerate(content.corners, start=1):
        pages = max(1, len(corner.sections))
        for page in range(pages):
            label = f"corner {number} ({corner.corner_id}) · page {page + 1} of {pages}"
            steps.append((label, _corner_page(corner.corner_id, page)))
        if corner.gallery:
            steps.append(
                (
                    f"corner {number} ({corner.corner_id}) · picture enlarged",
                    _gallery(corner.corner_id),
                )
            )
    for index in range(len(content.attract)):
        steps.append(
            (f"attract loop · item {index + 1} of {len(content.attract)}", _attract(index))
        )
    steps.append(("idle warning", _idle_warning))
    return steps


def plan_of(content: PackageContent, sizes: Mapping[str, tuple[int, int]]) -> list[Screen]:
    """The screens ``every_screen`` brings up, in its order."""
    return [
        Screen(label, orientation, mode, language)
        for orientation in sizes
        for mode in MODES
        for language in content.languages
        for label, _step in steps_of(content)
    ]


def every_screen(
    content: PackageContent,
    media: Mapping[str, Path],
    folder: Path,
    sizes: Mapping[str, tuple[int, int]] = ORIENTATIONS,
    config: KioskConfig | None = None,
) -> Iterator[tuple[KioskUi, Screen]]:
    """Bring a kiosk window to each screen of ``plan_of`` in turn, each settled (its
    pictures in, a frame drawn); ``folder`` takes the kiosk's data while it runs, and
    ``config`` says where the screen hangs (its reach band in low position)."""
    clock = SessionClock()
    config = (config or KioskConfig()).model_copy(
        update={"session": SessionConfig(idle_seconds=3600)}
    )
    steps = steps_of(content)
    for orientation, size in sizes.items():
        data = folder / orientation
        ui = compose(
            config, DataPaths(data), content, media, installer=Installer(data, []),
            watching=False, clock=clock,
        )  # fmt: skip
        ui.show(WindowOptions(windowed=True, size=size))
        ui.accessibility.set_mode("reduced_motion", True)  # stills: no animation mid-way
        try:
            for mode, fields in MODES.items():
                for language in content.languages:
                    for label, step in steps:
                        for field_name in ("low_position", "high_contrast", "large_text"):
                            ui.accessibility.set_mode(field_name, field_name in fields)
                        ui.accessibility.set_mode("reduced_motion", True)
                        ui.session.touched()
                        ui.exhibit.set_language(language)
                        step(ui, clock)
                        settle(ui)
                        yield ui, Screen(label, orientation, mode, language)
        finally:
            settle(ui)
            ui.close()


# -- bringing the kiosk to a screen


def _home(ui: KioskUi, _clock: SessionClock) -> None:
    ui.exhibit.goHome()


def _corner_page(corner_id: str, page: int) -> Step:
    def step(ui: KioskUi, _clock: SessionClock) -> None:
        if ui.exhibit.open_corner_id != corner_id:
            ui.exhibit.goHome()
            ui.exhibit.openCorner(corner_id)
            settle(ui)
        pager = find_item(ui.window, "sectionPager")
        if pager is not None:
            pager.setProperty("currentIndex", page)

    return step


def _gallery(corner_id: str) -> Step:
    def step(ui: KioskUi, clock: SessionClock) -> None:
        _corner_page(corner_id, 0)(ui, clock)
        viewer = find_item(ui.window, "viewerLoader")
        if viewer is not None:
            call(viewer, "open(0)")

    return step


def _attract(index: int) -> Step:
    def step(ui: KioskUi, _clock: SessionClock) -> None:
        ui.exhibit.goHome()
        ui.session.startAttract()
        settle(ui)
        view = find_item(ui.window, "attractView")
        if view is not None:
            for _ in range(index):
                call(view, "advance()")
                settle(ui)

    return step


def _idle_warning(ui: KioskUi, clock: SessionClock) -> None:
    ui.exhibit.goHome()
    clock.now += float(ui.session.property("idleSeconds")) + 1
    ui.session.tick()


# -- waiting for the picture


def settle(ui: KioskUi) -> None:
    """Until every visible picture is in and a frame is drawn after it (or a timeout)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while time.monotonic() < deadline and _loading(ui):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    loop = QEventLoop()
    ui.window.frameSwapped.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(1000, loop.quit)
    ui.window.update()
    loop.exec()
    ui.window.frameSwapped.disconnect(loop.quit)


def _loading(ui: KioskUi) -> bool:
    return any(
        item.isVisible() and picture_loading(item) for item in descendants(ui.window.contentItem())
    )
