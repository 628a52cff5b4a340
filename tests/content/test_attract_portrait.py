"""Portrait versions of attract items: built from the manifest, read with the item, of
the item's own kind, and packages from before them still verify."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from kiosk.content.verify import verify_package
from tests.manifests import SMALL_MANIFEST, write_manifest
from tests.tampering import restamp_digest, tampered

WITH_PORTRAITS = SMALL_MANIFEST.replace(
    "  - video: media/video/attract.mp4\n",
    "  - video: media/video/attract.mp4\n    portrait: media/video/valleys.mp4\n",
).replace(
    "  - image: media/images/valleys-hero.jpg\n",
    "  - image: media/images/valleys-hero.jpg\n"
    "    portrait: media/images/valleys-hero-portrait.jpg\n",
)


def test_each_item_carries_its_portrait_version(manifest_dir: Path, tmp_path: Path) -> None:
    built = build_package(write_manifest(manifest_dir, WITH_PORTRAITS), tmp_path / "p.kpkg")
    assert verify_package(built.path).ok
    with ContentPackage.open(built.path) as package:
        video, image = package.content.attract
    assert video.portrait is not None and video.portrait.name == "valleys.mp4"
    assert video.portrait.kind == "video"
    assert image.portrait is not None and image.portrait.name == "valleys-hero-portrait.jpg"
    assert (image.portrait.width, image.portrait.height) == (900, 1600)
    assert image.duration_ms == 5000


def test_the_demo_gives_its_pictures_a_portrait_version(demo_package: Path) -> None:
    with ContentPackage.open(demo_package) as package:
        attract = package.content.attract
    assert [item.media.kind for item in attract] == ["video", "image", "image", "image"]
    assert attract[0].portrait is None  # a video that shows on its own blurred colours
    assert all(item.portrait is not None for item in attract[1:])


def test_a_package_from_before_portraits_still_verifies(manifest_dir: Path, tmp_path: Path) -> None:
    built = build_package(write_manifest(manifest_dir), tmp_path / "old.kpkg")
    with sqlite3.connect(built.path) as connection:
        connection.execute("DROP TABLE attract_portrait")
    connection.close()
    assert verify_package(built.path).ok
    with ContentPackage.open(built.path) as package:
        assert all(item.portrait is None for item in package.content.attract)


def test_removing_a_portrait_version_is_detected(manifest_dir: Path, tmp_path: Path) -> None:
    """The portrait versions are covered by the digest (and so by the signature)."""
    built = build_package(write_manifest(manifest_dir, WITH_PORTRAITS), tmp_path / "p.kpkg")
    changed = tampered(built.path, lambda c: c.execute("DELETE FROM attract_portrait"))
    report = verify_package(changed)
    assert not report.ok
    assert any("digest" in problem for problem in report.problems)


def test_a_portrait_version_of_another_kind_is_left_out(manifest_dir: Path, tmp_path: Path) -> None:
    """A package not made by the builder pairs a picture with a video: the picture shows
    alone rather than play the video for a picture's time, or hold a still to a video's end."""
    built = build_package(write_manifest(manifest_dir, WITH_PORTRAITS), tmp_path / "p.kpkg")

    def swap(connection: sqlite3.Connection) -> None:
        portraits = dict(connection.execute("SELECT position, media_sha256 FROM attract_portrait"))
        connection.execute(
            "UPDATE attract_portrait SET media_sha256 = ? WHERE position = 1", (portraits[0],)
        )
        restamp_digest(connection)

    changed = tampered(built.path, swap)
    with ContentPackage.open(changed) as package:
        video, image = package.content.attract
    assert video.portrait is not None
    assert image.portrait is None


def test_a_portrait_version_must_be_of_the_items_kind(run_cli, manifest_dir: Path) -> None:
    text = SMALL_MANIFEST.replace(
        "  - image: media/images/valleys-hero.jpg\n",
        "  - image: media/images/valleys-hero.jpg\n    portrait: media/video/valleys.mp4\n",
    )
    result = run_cli(
        "package", "build", write_manifest(manifest_dir, text), "-o", manifest_dir / "x.kpkg"
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "manifest.yaml:" in result.stderr and "portrait" in result.stderr, result.stderr
