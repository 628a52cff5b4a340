"""Input legal in form but too large for a kiosk is refused where it enters: at build with
its manifest line, and again at install (a package can be made without the builder), with
the data folder left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from kiosk import limits
from kiosk.content.builder import build_package
from kiosk.errors import ManifestError
from kiosk.install.installer import Installer, InstallError
from tests.manifests import SMALL_MANIFEST, write_manifest
from tests.tampering import restamp_digest, snapshot, tampered


def thin_picture(manifest_dir: Path) -> Path:
    path = manifest_dir / "media" / "images" / "thin.png"
    Image.new("RGB", (10, 4000), "white").save(path)
    return path


def with_hero(manifest_dir: Path, hero: str) -> Path:
    text = SMALL_MANIFEST.replace("hero: media/images/delivery-hero.jpg", f"hero: {hero}")
    return write_manifest(manifest_dir, text, name="thin.yaml")


def test_a_title_longer_than_a_visitor_reads_is_refused_with_its_line(
    manifest_dir: Path, tmp_path: Path
) -> None:
    long = "가" * (limits.TITLE_CHARS + 1)
    text = SMALL_MANIFEST.replace(
        "title: {ko: 첫째, en: First}", f"title: {{ko: {long}, en: First}}"
    )
    with pytest.raises(ManifestError) as refused:
        build_package(write_manifest(manifest_dir, text), tmp_path / "out.kpkg")
    expected = f"String should have at most {limits.TITLE_CHARS} characters"
    assert f"manifest.yaml:13: corners[1].title.ko: {expected}" in str(refused.value)


def test_a_picture_too_thin_to_show_is_refused_at_build(manifest_dir: Path, tmp_path: Path) -> None:
    thin_picture(manifest_dir)
    with pytest.raises(
        ManifestError, match=r"thin.yaml:15: corners\[1\].hero: .*10x4000 px is too thin to show"
    ):
        build_package(with_hero(manifest_dir, "media/images/thin.png"), tmp_path / "out.kpkg")


def test_a_package_made_past_the_limits_is_refused_at_install_and_changes_nothing(
    manifest_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_package: Path
) -> None:
    """Built by a builder without the kiosk's limits (here: the limits lifted for the
    build): the installer probes the media itself and refuses."""
    booth = Installer(tmp_path / "data")
    booth.install(demo_package, approved=True)
    thin_picture(manifest_dir)
    with monkeypatch.context() as lifted:
        lifted.setattr(limits, "IMAGE_ASPECT", 1000.0)
        made = build_package(with_hero(manifest_dir, "media/images/thin.png"), tmp_path / "t.kpkg")
    before = snapshot(booth.data_dir)
    with pytest.raises(InstallError, match=r"image .*thin\.png cannot be shown: 10x4000 px"):
        booth.install(made.path, approved=True)
    assert snapshot(booth.data_dir) == before


def test_a_long_title_made_without_the_builder_is_refused_at_install(
    manifest_dir: Path, tmp_path: Path, demo_package: Path
) -> None:
    booth = Installer(tmp_path / "data")
    booth.install(demo_package, approved=True)
    made = build_package(write_manifest(manifest_dir), tmp_path / "t.kpkg").path
    long = "x" * (limits.TITLE_CHARS * 10)

    def lengthen(connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE text SET value = ? WHERE key = 'hall.title'", (long,))
        restamp_digest(connection)

    before = snapshot(booth.data_dir)
    with pytest.raises(InstallError, match=f"a title is {len(long)} characters long"):
        booth.install(tampered(made, lengthen), approved=True)
    assert snapshot(booth.data_dir) == before
