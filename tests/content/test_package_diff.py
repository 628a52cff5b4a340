"""`package diff`: two variants of a package, and exactly what one changes in the other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.builder import build_package
from kiosk.content.diff import diff_packages, word_diff
from kiosk.content.package import ContentPackage
from tests.manifests import SMALL_MANIFEST, build_variants, write_manifest


@pytest.fixture
def variants(manifest_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    return build_variants(manifest_dir, tmp_path)


def test_the_diff_lists_exactly_what_changed(variants: tuple[Path, Path]) -> None:
    old, new = variants
    with ContentPackage.open(old) as before, ContentPackage.open(new) as after:
        diff = diff_packages(before.content, after.content)
    assert [(change.where, change.language) for change in diff.texts] == [
        ("corner one · title", "en"),
        ("corner two · section 1 · body", "ko"),
    ]
    assert [(media.where, media.change) for media in diff.media] == [
        ("corner one · hero picture", "replaced"),
        ("corner one · video captions [en]", "removed"),
    ]
    assert [(value.where, value.old, value.new) for value in diff.values] == [
        ("attract · item 2 · seconds", "5", "8"),
        ("link venue", "https://www.regionsweek.kr", "https://www.regionsweek.kr/gyeonggi"),
    ]
    assert not diff.corners_added and not diff.corners_removed
    with ContentPackage.open(old) as same:
        assert diff_packages(same.content, same.content).same


def test_words_that_changed_are_marked_and_the_rest_kept() -> None:
    assert word_diff("맑은 계곡 되찾기", "맑은 계곡 돌려주기") == [
        ("=", "맑은 계곡 "),
        ("-", "되찾기"),
        ("+", "돌려주기"),
    ]
    assert word_diff("", "new words") == [("+", "new words")]


def test_the_command_prints_the_diff_and_writes_a_page_with_thumbnails(
    run_cli, variants: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = variants
    page = tmp_path / "diff.html"
    result = run_cli("package", "diff", old, new, "--html", page)
    assert result.returncode == 0, result.stderr
    assert "test.small 1.2 → test.small 1.3" in result.stdout
    assert "{+The +}First{+ Corner+}" in result.stdout
    assert "본문 둘{+ 고침+}" in result.stdout
    assert "replaced  corner one · hero picture: delivery-hero.jpg" in result.stdout
    text = page.read_text(encoding="utf-8")
    assert "<ins>The </ins>" in text
    # The replaced hero's old and new pictures, as small JPEGs in the page itself.
    assert len(re.findall(r'src="data:image/jpeg;base64,', text)) == 2


def test_text_from_a_package_cannot_mark_up_the_page_or_the_terminal(
    run_cli, manifest_dir: Path, tmp_path: Path
) -> None:
    hostile = SMALL_MANIFEST.replace(
        "title: {ko: 첫째, en: First}", 'title: {ko: 첫째, en: "<script>x</script>\\e[31m"}'
    )
    old, new = tmp_path / "old.kpkg", tmp_path / "new.kpkg"
    build_package(write_manifest(manifest_dir), old)
    build_package(write_manifest(manifest_dir, hostile, "new.yaml"), new)
    page = tmp_path / "diff.html"
    result = run_cli("package", "diff", old, new, "--html", page)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "<script>" not in page.read_text(encoding="utf-8")


def test_a_file_that_is_not_a_package_is_a_clear_error(
    run_cli, variants: tuple[Path, Path], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.kpkg"
    junk.write_bytes(b"not sqlite")
    result = run_cli("package", "diff", variants[0], junk)
    assert result.returncode != 0
    assert "junk.kpkg" in result.stderr and "Traceback" not in result.stderr
