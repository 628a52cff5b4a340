"""The live preview: the real kiosk UI on a manifest, reloaded at each save (a real file
write), in the same place; mistakes over the last good content until they are fixed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.bridge.scene import descendants
from kiosk.composition import KioskUi
from kiosk.config import KioskConfig
from kiosk.errors import ManifestError
from kiosk.preview import Preview, open_preview
from tests.bridge.ui import (
    find,
    pictures_loaded,
    save_screenshot,
    scene_rect,
    settled,
    shown,
)
from tests.manifests import SMALL_MANIFEST, write_manifest

# Corner one with two section pages, so that the page the editor is on is kept.
TWO_PAGES = SMALL_MANIFEST.replace(
    """        body: {ko: 본문, en: Body}
""",
    """        body: {ko: 본문, en: Body}
      - kind: accomplishments
        title: {ko: 성과, en: Accomplishments}
        body: {ko: 성과 본문, en: What was done}
""",
    1,
)


@pytest.fixture
def preview(qapp, qtbot, manifest_dir: Path, tmp_path: Path) -> Iterator[Preview]:
    manifest = write_manifest(manifest_dir, TWO_PAGES)
    # The layout check has tests of its own, below: here it would only load the CPU.
    opened = open_preview(
        manifest, KioskConfig(), tmp_path / "preview", size=(1920, 1080), check_layout=False
    )
    yield opened
    qtbot.waitUntil(lambda: pictures_loaded(opened.ui), timeout=10_000)
    opened.close()


def edit(manifest: Path, before: str, after: str) -> None:
    text = manifest.read_text(encoding="utf-8")
    assert before in text
    manifest.write_text(text.replace(before, after), encoding="utf-8")


def pager_page(preview: Preview) -> int:
    return int(find(preview.ui, "sectionPager").property("currentIndex"))


def test_a_save_reloads_the_content_where_the_editor_was(
    qtbot, preview: Preview, manifest_dir: Path
) -> None:
    ui, reloader = preview.ui, preview.reloader
    ui.exhibit.set_language("en")
    ui.exhibit.openCorner("one")
    qtbot.waitUntil(lambda: shown(ui, "sectionPager"))
    find(ui, "sectionPager").setProperty("currentIndex", 1)
    with qtbot.waitSignal(reloader.reloaded, timeout=10_000):
        edit(manifest_dir / "manifest.yaml", "en: First}", "en: Edited first}")
    assert ui.exhibit.property("currentCornerTitle") == "Edited first"
    assert ui.exhibit.current_language == "en" and ui.exhibit.open_corner_id == "one"
    qtbot.waitUntil(lambda: pager_page(preview) == 1)


def test_a_media_file_saved_again_is_shown(qtbot, preview: Preview, manifest_dir: Path) -> None:
    before = preview.ui.exhibit.content.corners[0].hero
    assert before is not None
    hero = manifest_dir / "media" / "images" / "delivery-hero.jpg"
    # Each save once the editor has seen the last: a save into a picture the screen is
    # still decoding is read half-written by Qt, which warns (and the rebuild shows it).
    settled(qtbot, preview.ui)
    with qtbot.waitSignal(preview.reloader.reloaded, timeout=10_000):
        shutil.copyfile(manifest_dir / "media" / "images" / "valleys-hero.jpg", hero)
    after = preview.ui.exhibit.content.corners[0].hero
    assert after is not None and after.sha256 != before.sha256
    # Now the same bytes as the attract loop's picture: still watched, and saved again.
    settled(qtbot, preview.ui)
    with qtbot.waitSignal(preview.reloader.reloaded, timeout=10_000):
        shutil.copyfile(manifest_dir / "media" / "images" / "delivery-poster.jpg", hero)
    again = preview.ui.exhibit.content.corners[0].hero
    assert again is not None and again.sha256 not in (before.sha256, after.sha256)


def test_a_new_picture_saved_under_the_same_name_is_drawn(
    qtbot, preview: Preview, manifest_dir: Path, tmp_path: Path
) -> None:
    """Qt keeps decoded pictures by URL: the old picture must not come back from there."""
    ui = preview.ui
    hero = manifest_dir / "media" / "images" / "delivery-hero.jpg"
    settled(qtbot, ui)
    assert not is_mostly(picture_on_screen(ui, corner_one_picture(ui)), QColor("red"))
    red = QImage(QImage(str(hero)).size(), QImage.Format.Format_RGB32)
    red.fill(QColor("red"))
    assert red.save(str(tmp_path / "red.jpg"))
    with qtbot.waitSignal(preview.reloader.reloaded, timeout=10_000):
        hero.write_bytes((tmp_path / "red.jpg").read_bytes())
    settled(qtbot, ui)
    assert is_mostly(picture_on_screen(ui, corner_one_picture(ui)), QColor("red"))


def corner_one_picture(ui: KioskUi) -> QQuickItem:
    """The home screen's picture of corner one (the only corner here with one)."""
    [picture] = [
        item
        for item in descendants(ui.window.contentItem())
        if item.objectName() == "tilePicture" and not item.property("source").isEmpty()
    ]
    return picture


def picture_on_screen(ui: KioskUi, item: QQuickItem) -> QImage:
    return ui.window.grabWindow().copy(scene_rect(item).toRect())


def is_mostly(image: QImage, colour: QColor) -> bool:
    """Nine points over the picture all within a JPEG's error of ``colour``."""
    width, height = image.width(), image.height()
    points = [
        image.pixelColor(width * x // 4, height * y // 4) for x in (1, 2, 3) for y in (1, 2, 3)
    ]
    return all(
        max(
            abs(p.red() - colour.red()),
            abs(p.green() - colour.green()),
            abs(p.blue() - colour.blue()),
        )
        < 24
        for p in points
    )


def test_mistakes_show_over_the_last_good_content_and_go_when_fixed(
    qtbot, preview: Preview, manifest_dir: Path, artifacts: Path
) -> None:
    ui, reloader = preview.ui, preview.reloader
    manifest = manifest_dir / "manifest.yaml"
    with qtbot.waitSignal(reloader.problemsChanged, timeout=10_000):
        edit(manifest, "kind: accomplishments", "kind: achievements")
    line = manifest.read_text().splitlines().index("      - kind: achievements") + 1
    [problem] = reloader.property("problems")
    assert problem.startswith(f"manifest.yaml:{line}: corners[1].sections[2].kind")
    assert shown(ui, "previewProblems")
    # The last good content stays: both pages of corner one.
    assert len(ui.exhibit.content.corners[0].sections) == 2
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "preview-with-a-mistake.png")
    with qtbot.waitSignal(reloader.reloaded, timeout=10_000):
        edit(manifest, "kind: achievements", "kind: accomplishments")
    assert reloader.property("problems") == []
    qtbot.waitUntil(lambda: not shown(ui, "previewProblems"))


def test_an_editor_that_saves_by_renaming_is_followed(
    qtbot, preview: Preview, manifest_dir: Path
) -> None:
    manifest = manifest_dir / "manifest.yaml"
    before = "First"
    for title in ("Renamed once", "Renamed twice"):
        temporary = manifest_dir / ".manifest.yaml.swp"
        text = manifest.read_text(encoding="utf-8")
        assert f"en: {before}}}" in text
        temporary.write_text(text.replace(f"en: {before}}}", f"en: {title}}}", 1), "utf-8")
        before = title
        with qtbot.waitSignal(preview.reloader.reloaded, timeout=10_000):
            temporary.replace(manifest)
        assert preview.ui.exhibit.content.corners[0].title.get("en") == title


def test_a_manifest_with_mistakes_at_the_start_says_so(manifest_dir: Path, tmp_path: Path) -> None:
    manifest = write_manifest(manifest_dir, SMALL_MANIFEST.replace("kind: free", "kind: nope"))
    with pytest.raises(ManifestError, match="kind"):
        open_preview(manifest, KioskConfig(), tmp_path / "preview")


def test_the_command_says_what_is_wrong_without_a_traceback(
    run_cli, manifest_dir: Path, tmp_path: Path
) -> None:
    broken = write_manifest(manifest_dir, SMALL_MANIFEST.replace("kind: free", "kind: nope"))
    result = run_cli("preview", broken, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 2 and "manifest.yaml:" in result.stderr, result.stderr
    headless = run_cli("preview", broken, QT_QPA_PLATFORM="", DISPLAY="", WAYLAND_DISPLAY="")
    assert headless.returncode == 1 and "opens a window" in headless.stderr, headless.stderr
    assert "Traceback" not in result.stderr + headless.stderr


def test_lint_warnings_show_over_the_preview_and_fold_away(
    qtbot, preview: Preview, manifest_dir: Path, artifacts: Path
) -> None:
    ui, reloader = preview.ui, preview.reloader
    long_sentence = " ".join(["word"] * 30) + "."
    with qtbot.waitSignal(reloader.warningsChanged, timeout=10_000):
        edit(manifest_dir / "manifest.yaml", "en: What was done}", f"en: {long_sentence}}}")
    [warning] = reloader.property("warnings")
    assert warning.startswith("manifest.yaml:") and "a sentence of 30 words" in warning
    assert shown(ui, "previewProblems") and shown(ui, "previewProblem")
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "preview-with-a-warning.png")
    find(ui, "previewProblems").setProperty("folded", True)
    qtbot.waitUntil(lambda: not shown(ui, "previewProblem"))
    assert "1" in find(ui, "previewProblemsHeading").property("text")


def test_the_layout_check_runs_after_each_good_build_and_its_warnings_join_the_builds(
    qtbot, manifest_dir: Path, tmp_path: Path
) -> None:
    """A title too long for its place is told over the preview, with its line, after the
    check of every screen in the background; fixed, the warning goes."""
    long_title = "The First Corner Where the Province Shows All It Has Done for Fair Markets"
    manifest = write_manifest(manifest_dir, TWO_PAGES.replace("en: First}", f"en: {long_title}}}"))
    preview = open_preview(manifest, KioskConfig(), tmp_path / "preview", size=(1920, 1080))
    try:
        reloader = preview.reloader
        qtbot.waitUntil(lambda: len(reloader.property("warnings")) > 0, timeout=120_000)
        [warning] = reloader.property("warnings")
        line = (
            manifest.read_text().splitlines().index(f"    title: {{ko: 첫째, en: {long_title}}}")
            + 1
        )
        assert warning.startswith(f"manifest.yaml:{line}: corners[1].title.en: does not fit")
        with qtbot.waitSignal(reloader.layoutChecked, timeout=120_000):
            edit(manifest, long_title, "First")
        assert reloader.property("warnings") == []
    finally:
        preview.close()


def test_every_view_a_visitor_can_get_is_a_keystroke_away(qtbot, preview: Preview) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    ui = preview.ui

    def press(key: Qt.Key) -> None:
        QTest.keyClick(ui.window, key, Qt.KeyboardModifier.ControlModifier)

    assert "Ctrl+L language" in ui.window.title()
    press(Qt.Key.Key_L)
    assert ui.exhibit.current_language == "en"
    press(Qt.Key.Key_Right)
    assert ui.exhibit.open_corner_id == "one"
    qtbot.waitUntil(lambda: shown(ui, "sectionPager"))
    press(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: pager_page(preview) == 1)
    press(Qt.Key.Key_Right)
    assert ui.exhibit.open_corner_id == "two"
    press(Qt.Key.Key_Right)
    assert ui.exhibit.open_corner_id == ""  # home, between the last corner and the first
    for key, mode in ((Qt.Key.Key_1, "low_position"), (Qt.Key.Key_2, "high_contrast"),
                      (Qt.Key.Key_3, "large_text")):  # fmt: skip
        press(key)
        assert getattr(ui.accessibility.modes, mode)
        press(key)
        assert not getattr(ui.accessibility.modes, mode)
    width, height = ui.window.width(), ui.window.height()
    press(Qt.Key.Key_O)
    qtbot.waitUntil(lambda: (ui.window.width(), ui.window.height()) == (height, width))
    press(Qt.Key.Key_W)
    assert ui.session.property("state") == ui.session.State.Warning.value
    press(Qt.Key.Key_A)
    assert ui.session.property("state") == ui.session.State.Attract.value


def test_touch_targets_and_the_reach_band_show_over_the_preview(
    qtbot, preview: Preview, artifacts: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    ui = preview.ui
    settled(qtbot, ui)
    QTest.keyClick(ui.window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert shown(ui, "previewTargets") and shown(ui, "previewReachBand")
    targets = preview.targets.property("targets")
    # The two corner tiles, the language switch and the accessibility button at least.
    assert len(targets) >= 4
    tile = find(ui, "cornerTile_one")
    assert any(rect.contains(tile.mapToScene(tile.boundingRect().center())) for rect in targets)
    settled(qtbot, ui)
    save_screenshot(ui, artifacts / "preview-touch-targets.png")
    QTest.keyClick(ui.window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not shown(ui, "previewTargets")


def ctrl(preview: Preview, key: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(preview.ui.window, key, Qt.KeyboardModifier.ControlModifier)


def test_screen_shapes_are_a_keystroke_away_the_booths_panel_first(
    qtbot, manifest_dir: Path, tmp_path: Path
) -> None:
    """Ctrl+S: the booth panel's shape (display.panel), then 16:9, 16:10, 4:3 and 21:9, each
    as large as the desk's screen allows; Ctrl+O turns whichever is shown."""
    from PySide6.QtCore import Qt

    config = KioskConfig.model_validate({"display": {"panel": {"resolution": [1280, 1024]}}})
    manifest = write_manifest(manifest_dir, TWO_PAGES)
    preview = open_preview(manifest, config, tmp_path / "preview", size=(1920, 1080),
                           check_layout=False)  # fmt: skip
    window = preview.ui.window
    try:
        assert "16:9, 1920x1080" in window.title() and "Ctrl+S screen shape" in window.title()
        seen = []
        for _ in range(5):
            ctrl(preview, Qt.Key.Key_S)
            qtbot.waitUntil(lambda: preview.keys.shape() not in seen[-1:])
            seen.append(preview.keys.shape())
            assert window.height() <= 1080 and window.width() <= 1920  # the desk's screen
            assert f"{seen[-1]}, {window.width()}x{window.height()}" in window.title()
        assert seen == ["16:10", "4:3", "21:9", "the booth's panel", "16:9"]
        ctrl(preview, Qt.Key.Key_S)  # 16:10, turned to portrait; Ctrl+S keeps portrait
        ctrl(preview, Qt.Key.Key_O)
        qtbot.waitUntil(lambda: window.height() > window.width())
        assert preview.keys.shape() == "16:10"
        ctrl(preview, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: preview.keys.shape() == "4:3")
        assert window.height() > window.width()
    finally:
        preview.close()


def test_every_gallery_picture_is_a_keystroke_away_then_home(
    qtbot, manifest_dir: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    with_pictures = TWO_PAGES.replace(
        "  - id: two\n",
        "    gallery:\n"
        "      - image: media/images/delivery-gallery-1.jpg\n"
        "      - image: media/images/delivery-gallery-2.jpg\n"
        "  - id: two\n",
    )
    manifest = write_manifest(manifest_dir, with_pictures)
    preview = open_preview(manifest, KioskConfig(), tmp_path / "preview", size=(1920, 1080),
                           check_layout=False)  # fmt: skip
    ui = preview.ui

    def enlarged() -> int | None:
        viewer = find(ui, "viewerLoader")
        if not viewer.property("showing") or viewer.property("item") is None:
            return None
        return int(viewer.property("item").property("currentIndex"))

    try:
        ctrl(preview, Qt.Key.Key_G)
        assert ui.exhibit.open_corner_id == "one"
        qtbot.waitUntil(lambda: enlarged() == 0)
        ctrl(preview, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: enlarged() == 1)
        ctrl(preview, Qt.Key.Key_G)  # the last picture: home
        qtbot.waitUntil(lambda: ui.exhibit.open_corner_id == "")
        qtbot.waitUntil(lambda: pictures_loaded(ui), timeout=10_000)
    finally:
        preview.close()
