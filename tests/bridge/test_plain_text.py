"""Package text is text: markup in a title is shown as typed, and never makes the kiosk
fetch a picture from the network or draw a file a package names."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from kiosk.composition import KioskUi
from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from kiosk.install.media_store import MediaStore
from tests.bridge.ui import descendants, find, settled, tap
from tests.manifests import SMALL_MANIFEST, write_manifest


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback port that records whether anything connected to it."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield server


def connected(server: socket.socket) -> bool:
    try:
        server.accept()[0].close()
    except BlockingIOError:
        return False
    return True


@pytest.fixture
def markup_kiosk(make_kiosk, manifest_dir: Path, tmp_path: Path, listener) -> KioskUi:
    port = listener.getsockname()[1]
    picture = f"<img src='http://127.0.0.1:{port}/x.png'>"
    text = SMALL_MANIFEST.replace(
        "title: {ko: 시험관, en: Test Hall}",
        f'title: {{ko: "<b>시험관</b>{picture}", en: "<b>Test Hall</b>{picture}"}}',
    ).replace(
        "title: {ko: 첫째, en: First}",
        "title: {ko: \"<img src='file:///etc/hostname'>첫째\", en: First}",
    )
    package = build_package(write_manifest(manifest_dir, text), tmp_path / "markup.kpkg").path
    with ContentPackage.open(package) as opened:
        media = MediaStore(tmp_path / "media").extract_all(opened)
        return make_kiosk(content=opened.content, media=media)


def is_plain(item: QQuickItem) -> bool:
    """Asked in QML itself: PySide6 cannot convert QQuickText's TextFormat enum."""
    context = QQmlEngine.contextForObject(item)
    value, undefined = QQmlExpression(context, item, "textFormat === Text.PlainText").evaluate()
    return bool(value) and not undefined


def texts(ui: KioskUi) -> list[QQuickItem]:
    """Every visible Text item (PySide6 has no Python type for QQuickText)."""
    return [
        item
        for item in descendants(ui.window.contentItem())
        # inherits(), not metaObject(): a QML type's meta-object is freed with its engine,
        # and PySide6 would hand its stale wrapper out for whatever is made there next.
        if item.inherits("QQuickText") and item.isVisible()
    ]


def test_markup_in_package_text_is_shown_as_typed(
    qtbot, markup_kiosk: KioskUi, listener, artifacts: Path
) -> None:
    settled(qtbot, markup_kiosk)
    # Real time: nothing may arrive, and a request, were one made, would within it.
    qtbot.wait(500)
    markup_kiosk.window.grabWindow().save(str(artifacts / "markup-title-home.png"))
    shown = [item.property("text") for item in texts(markup_kiosk)]
    assert any(text.startswith("<b>시험관</b><img src=") for text in shown), shown
    assert all(is_plain(item)
               for item in texts(markup_kiosk))  # fmt: skip
    assert not connected(listener)


def test_every_text_on_every_screen_is_plain(qtbot, markup_kiosk: KioskUi, listener) -> None:
    tile: QQuickItem = find(markup_kiosk, "cornerTile_one")
    tap(markup_kiosk, tile)
    qtbot.waitUntil(lambda: markup_kiosk.exhibit.property("currentCornerId") == "one")
    settled(qtbot, markup_kiosk)
    corner_texts = texts(markup_kiosk)
    assert any("file:///etc/hostname" in item.property("text") for item in corner_texts)
    assert all(is_plain(item)
               for item in corner_texts)  # fmt: skip
    assert not connected(listener)
