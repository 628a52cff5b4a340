"""`gyeonggi-kiosk preview MANIFEST`: the real kiosk UI in a window on the editor's desk,
on the content the manifest describes, rebuilt within a second of each save of the
manifest or any media file it names (``kiosk.bridge.preview``). No root, no install, no
package file to copy: the preview's own files live in the user's cache folder.

Like ``kiosk.app``, this is a composition root; Qt is imported here.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from kiosk.app import choose_renderer, has_display
from kiosk.bridge.ffmpeg_log import quiet_ffmpeg
from kiosk.bridge.preview import PreviewReloader, build_preview
from kiosk.bridge.preview_keys import PreviewKeys
from kiosk.bridge.preview_targets import TouchTargets
from kiosk.composition import KioskUi, WindowOptions, compose
from kiosk.config import KioskConfig, SessionConfig
from kiosk.content.media_memo import MediaMemo
from kiosk.content.package import ContentPackage
from kiosk.errors import KioskError
from kiosk.install.installer import Installer
from kiosk.paths import APP_NAME, DataPaths
from kiosk.resources import ui_dir

log = logging.getLogger(__name__)

# An editor looks at a screen for as long as they like: no "continue?", no attract loop.
EDITING_SESSION = SessionConfig(idle_seconds=3600, warning_seconds=600)


@dataclass
class Preview:
    """A preview window and what keeps it current."""

    ui: KioskUi
    reloader: PreviewReloader
    overlay: QQuickItem
    keys: PreviewKeys
    targets: TouchTargets
    targets_layer: QQuickItem

    def close(self) -> None:
        self.reloader.close()
        self.targets.set_shown(False)
        shiboken6.delete(self.overlay)
        shiboken6.delete(self.targets_layer)
        self.ui.close()
        shiboken6.delete(self.reloader)
        shiboken6.delete(self.targets)


def preview_folder(manifest: Path) -> Path:
    """The preview's own files for this manifest, in the user's cache folder."""
    name = hashlib.sha256(str(manifest.resolve()).encode()).hexdigest()[:16]
    return platformdirs.user_cache_path(APP_NAME) / "preview" / name


def open_preview(
    manifest: Path,
    config: KioskConfig,
    folder: Path,
    size: tuple[int, int] | None = None,
    allow_media_outside: bool = False,
    check_layout: bool = True,
) -> Preview:
    """Build the manifest's content and show it in a window, watched for changes, its
    layout checked after each good build (unless ``check_layout`` is False). A manifest
    with mistakes raises ``ManifestError`` here: there is nothing yet to show."""
    memo = MediaMemo()
    out = folder / "preview.kpkg"
    first = build_preview(manifest, out, memo, allow_media_outside)
    package = ContentPackage.open(first.path)
    quiet_ffmpeg()
    data = folder / "data"
    ui = compose(
        config.model_copy(update={"session": EDITING_SESSION}),
        DataPaths(data),
        package.content,
        first.media_files,
        installer=Installer(data, []),
        watching=False,
    )
    ui.show(WindowOptions(windowed=True, size=size))
    ui.session.touched()  # the home screen, not the attract loop
    reloader = PreviewReloader(
        manifest, out, ui.window, ui.exhibit, ui.session, package, first,
        allow_media_outside=allow_media_outside, memo=memo,
        config=config if check_layout else None,
    )  # fmt: skip
    overlay = _overlay(ui, "PreviewProblems.qml", {"reloader": reloader})
    targets = TouchTargets(ui.window)
    band = float(ui.accessibility.property("reachBand"))
    targets_layer = _overlay(ui, "PreviewTargets.qml", {"targets": targets, "reachBand": band})
    keys = PreviewKeys(
        ui.window, ui.exhibit, ui.session, ui.accessibility, reloader.find_item, targets,
        panel=config.display.picture_size(), title=f"{manifest.name} — kiosk preview",
    )  # fmt: skip
    return Preview(ui, reloader, overlay, keys, targets, targets_layer)


def run_preview(
    manifest: Path,
    config: KioskConfig,
    size: tuple[int, int] | None,
    allow_media_outside: bool,
) -> int:
    """The preview until its window is closed; the exit code."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if not has_display():
        raise KioskError(
            "the preview opens a window: run it on a desktop (DISPLAY or WAYLAND_DISPLAY), "
            "or choose Qt's platform with QT_QPA_PLATFORM"
        )
    choose_renderer(config)
    app = QGuiApplication.instance() or QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    preview = open_preview(manifest, config, preview_folder(manifest), size, allow_media_outside)
    preview.ui.let_the_window_close()
    app.setQuitOnLastWindowClosed(True)
    try:
        return app.exec()
    finally:
        preview.close()


def _overlay(ui: KioskUi, file: str, properties: dict[str, object]) -> QQuickItem:
    """One of the preview's layers over the picture (ui/preview/), above the kiosk's."""
    component = QQmlComponent(ui.engine, QUrl.fromLocalFile(str(ui_dir() / "preview" / file)))
    # What it is handed, and the layer itself, are ours, not the QML engine's to collect.
    for shared in properties.values():
        if isinstance(shared, QObject):
            QQmlEngine.setObjectOwnership(shared, QQmlEngine.ObjectOwnership.CppOwnership)
    item = component.createWithInitialProperties(properties)
    if not isinstance(item, QQuickItem):
        raise KioskError(f"the preview's {file} did not load: {component.errorString()}")
    QQmlEngine.setObjectOwnership(item, QQmlEngine.ObjectOwnership.CppOwnership)
    item.setParentItem(ui.window.contentItem())
    item.setZ(1000)
    return item
