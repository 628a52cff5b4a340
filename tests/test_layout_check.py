"""The layout check: each rule on a manifest made to break it, named with its manifest line,
as `package build` prints it; a manifest that breaks none is clean. The screens are the
kiosk's own, brought up offscreen in a process of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import KioskConfig, PanelConfig
from kiosk.content.builder import build_package
from kiosk.content.layout_client import LayoutCheck
from kiosk.content.manifest_texts import ManifestTexts
from kiosk.errors import KioskError
from kiosk.layout_check import mostly_hangul
from kiosk.yamlsource import load_yaml
from tests.manifests import SMALL_MANIFEST, write_manifest

LONG_TITLE = (
    "The First Corner of the Hall Where the Province Shows All It Has Done for Fair Delivery "
    "Markets"
)
ENGLISH_IN_KOREAN = " ".join(
    ["Visitors read this page standing, so every line should stay short enough."] * 4
)


def check(manifest_dir: Path, text: str, config: KioskConfig | None = None) -> list[str]:
    manifest = write_manifest(manifest_dir, text)
    built = build_package(manifest, manifest_dir / "check.kpkg", media_bytes=False)
    return LayoutCheck(built.path, manifest, built.media_files, config or KioskConfig()).wait()


def line_of(manifest_dir: Path, needle: str) -> int:
    lines = (manifest_dir / "manifest.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def panel(**fields: object) -> KioskConfig:
    display = KioskConfig().display.model_copy(update={"panel": PanelConfig(**fields)})
    return KioskConfig().model_copy(update={"display": display})


def test_a_manifest_that_fits_everywhere_is_clean(manifest_dir: Path) -> None:
    assert check(manifest_dir, SMALL_MANIFEST) == []


def test_a_title_too_long_for_its_place_is_named_with_its_line(manifest_dir: Path) -> None:
    text = SMALL_MANIFEST.replace("en: First}", f"en: '{LONG_TITLE}'}}")
    found = check(manifest_dir, text)
    line = line_of(manifest_dir, LONG_TITLE)
    [warning] = [words for words in found if "does not fit" in words]
    assert f"manifest.yaml:{line}: corners[1].title.en: does not fit its place on " in warning
    assert "low position" in warning and "shorten it" in warning


def test_lines_too_long_to_read_standing(manifest_dir: Path) -> None:
    """English pasted into the Korean text reads at the Korean measure: lines too long."""
    text = SMALL_MANIFEST.replace(
        "body: {ko: 본문, en: Body}", f"body: {{ko: '{ENGLISH_IN_KOREAN}', en: Body}}"
    )
    found = check(manifest_dir, text)
    line = line_of(manifest_dir, ENGLISH_IN_KOREAN[:40])
    [warning] = [words for words in found if "lines of" in words]
    assert f"manifest.yaml:{line}: corners[1].sections[1].body.ko: lines of " in warning
    characters = int(warning.split("lines of ")[1].split()[0])
    assert characters > 55, warning
    assert "at most about 55 characters" in warning


def test_characters_too_small_on_a_small_panel(manifest_dir: Path) -> None:
    small = check(
        manifest_dir, SMALL_MANIFEST, panel(resolution=(1920, 1080), diagonal_inches=15.6)
    )
    sizes = [words for words in small if "mm tall on the panel" in words]
    assert sizes, small
    first = sizes[0]
    assert "(1920x1080, " in first and "display.panel.min_character_mm" in first
    assert "inches or more shows it so" in first
    # Every text a visitor reads is told of, in both languages, once per size.
    assert any(".ko:" in words for words in sizes) and any(".en:" in words for words in sizes)
    assert len(sizes) == len(set(sizes))
    # The same screen on a booth-sized panel, or with a lower minimum: nothing to say.
    assert (
        check(manifest_dir, SMALL_MANIFEST, panel(resolution=(1920, 1080), diagonal_inches=55))
        == []
    )


def test_the_panel_in_portrait_is_the_one_size_checked(manifest_dir: Path) -> None:
    text = SMALL_MANIFEST.replace("en: First}", f"en: '{LONG_TITLE}'}}")
    config = panel(resolution=(1920, 1080))
    turned = config.model_copy(
        update={"display": config.display.model_copy(update={"rotation": 90})}
    )
    found = check(manifest_dir, text, turned)
    assert found and all("1080x1920" in words for words in found), found
    assert not any("landscape" in words or "1920x1080" in words for words in found)


def test_build_prints_the_layout_warnings_and_no_layout_skips_them(
    run_cli, manifest_dir: Path, tmp_path: Path
) -> None:
    manifest = write_manifest(
        manifest_dir, SMALL_MANIFEST.replace("en: First}", f"en: '{LONG_TITLE}'}}")
    )
    built = run_cli("package", "build", manifest, "-o", tmp_path / "a.kpkg")
    assert built.returncode == 0, built.stderr
    assert "warning:" in built.stderr and "does not fit its place" in built.stderr
    assert "Traceback" not in built.stderr
    skipped = run_cli("package", "build", manifest, "-o", tmp_path / "b.kpkg", "--no-layout")
    assert skipped.returncode == 0 and "does not fit" not in skipped.stderr


def test_a_check_that_cannot_run_says_why(manifest_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.kpkg"
    junk.write_bytes(b"not a package at all")
    manifest = write_manifest(manifest_dir)
    with pytest.raises(KioskError, match=r"the layout could not be checked: .*junk\.kpkg"):
        LayoutCheck(junk, manifest, {}, KioskConfig()).wait()


def test_texts_are_found_by_words_and_language(manifest_dir: Path) -> None:
    doc = load_yaml(write_manifest(manifest_dir))
    texts = ManifestTexts(doc, ["ko", "en"])
    assert texts.place_of("Second summary", "en") == ("corners", 1, "summary", "en")
    assert texts.place_of("본문 둘", "ko") == ("corners", 1, "sections", 0, "body", "ko")
    assert texts.place_of("Second summary", "ko") is None  # not written in that language
    assert texts.place_of("Touch to start", "en") is None  # the kiosk's own words


@pytest.mark.parametrize(
    ("text", "hangul"),
    [("경기도 공공배달앱", True), ("Gyeonggi Hall", False), ("공공 디지털 SOC", True), ("", False)],
)
def test_a_texts_script_is_that_of_most_of_its_letters(text: str, hangul: bool) -> None:
    assert mostly_hangul(text) is hangul
