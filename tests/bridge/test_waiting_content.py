"""New content that waits for a quiet moment: the staff Content page says what it will
change on screen (as `package diff` does) before it is shown."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import KioskConfig
from kiosk.content.package import ContentPackage
from kiosk.install.media_store import MediaStore
from kiosk.staff.pin import hash_pin
from tests.bridge.test_staff_panel import PIN, open_panel, show_page
from tests.bridge.ui import find, save_screenshot, settled
from tests.manifests import build_variants


def test_the_content_page_says_what_waiting_content_changes(
    qtbot,
    make_kiosk,
    manifest_dir: Path,
    tmp_path: Path,
    artifacts: Path,
) -> None:
    old, new = build_variants(manifest_dir, tmp_path)
    with ContentPackage.open(old) as shown:
        media = MediaStore(tmp_path / "shown-media").extract_all(shown)
        content = shown.content
    config = KioskConfig(staff_pin_hash=hash_pin(PIN))
    ui = make_kiosk(config, content=content, media=media, installs=True)
    installed = ui.installer.install(new, approved=True)
    ui.switcher.installed(installed.path)  # a visitor is at the screen: it waits
    assert ui.switcher.waiting == installed.path
    open_panel(qtbot, ui)
    show_page(qtbot, ui, "content")
    changes = ui.staff.pages.content.property("waitingChanges")
    assert [(change["kind"], change["place"]) for change in changes] == [
        ("text", "corner one · title [en]"),
        ("text", "corner two · section 1 · body [ko]"),
        ("replaced", "corner one · hero picture"),
        ("removed", "corner one · video captions [en]"),
        ("setting", "attract · item 2 · seconds"),
        ("setting", "link venue"),
    ]
    texts = [item.property("text") for item in find(ui, "waitingChanges").childItems()]
    assert "· 미디어 교체: corner one · hero picture" in texts
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "staff-content-waiting.png")
