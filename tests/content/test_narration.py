"""Recorded narration in a package: built from the manifest, read per language, and
packages from before narration existed still verify."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from kiosk.content.verify import verify_package
from tests.manifests import write_manifest


def test_the_demo_reads_its_background_pages_aloud(demo_package: Path) -> None:
    with ContentPackage.open(demo_package) as package:
        for corner in package.content.corners:
            background, *others = corner.sections
            assert set(background.narration) == {"ko", "en"}
            assert all(
                item.kind == "audio" and item.mime_type == "audio/mp4"
                for item in background.narration.values()
            )
            assert all(not section.narration for section in others)


def test_a_package_from_before_narration_still_verifies(manifest_dir: Path, tmp_path: Path) -> None:
    """A package without the narration table (built by an older kiosk) opens, verifies
    and simply has no narration."""
    built = build_package(write_manifest(manifest_dir), tmp_path / "old.kpkg")
    with sqlite3.connect(built.path) as connection:
        connection.execute("DROP TABLE narration_track")
    assert verify_package(built.path).ok
    with ContentPackage.open(built.path) as package:
        assert all(not s.narration for c in package.content.corners for s in c.sections)


def test_removing_narration_from_a_package_is_detected(demo_package: Path, tmp_path: Path) -> None:
    """The narration is covered by the manifest digest (and so by the signature)."""
    copy = tmp_path / "copy.kpkg"
    shutil.copyfile(demo_package, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("DROP TABLE narration_track")
    report = verify_package(copy)
    assert not report.ok
    assert any("digest" in problem for problem in report.problems)


def test_narration_in_an_unknown_language_is_refused(run_cli, manifest_dir: Path) -> None:
    text = (
        write_manifest(manifest_dir)
        .read_text()
        .replace(
            "      - kind: background\n",
            "      - kind: background\n"
            "        narration: {fr: media/narration/delivery-background.en.m4a}\n",
            1,
        )
    )
    result = run_cli(
        "package", "build", write_manifest(manifest_dir, text), "-o", manifest_dir / "x.kpkg"
    )
    assert result.returncode == 2
    assert "fr is not among package.languages" in result.stderr
