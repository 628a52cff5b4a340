"""Media larger than one chunk come back byte for byte."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from kiosk.content.verify import verify_package
from tests.manifests import write_manifest


def test_media_larger_than_a_chunk_round_trip(manifest_dir: Path, tmp_path: Path) -> None:
    """A video stored in many 64 KiB chunks reads back identical, with matching SHA-256."""
    manifest = write_manifest(manifest_dir)
    video = manifest_dir / "media" / "video" / "delivery.mp4"
    original = video.read_bytes()
    chunk_size = 64 * 1024
    assert len(original) > 3 * chunk_size

    out = tmp_path / "chunked.kpkg"
    build_package(manifest, out, chunk_size=chunk_size)

    sha = hashlib.sha256(original).hexdigest()
    with sqlite3.connect(out) as connection:
        chunks = connection.execute(
            "SELECT COUNT(*), MAX(LENGTH(data)) FROM media_chunk WHERE media_sha256 = ?", (sha,)
        ).fetchone()
    assert chunks[0] == -(-len(original) // chunk_size)
    assert chunks[1] == chunk_size

    with ContentPackage.open(out) as package:
        item = package.content.media[sha]
        assert item.size == len(original)
        assert item.mime_type == "video/mp4"
        assert (item.width, item.height) == (1280, 720)
        assert item.duration_ms is not None and 7500 <= item.duration_ms <= 8500
        restored = b"".join(package.read_media(sha))
        exported = tmp_path / "exported.mp4"
        package.export_media(item, exported)
    assert restored == original
    assert exported.read_bytes() == original
    assert verify_package(out).ok


def test_the_same_file_twice_is_stored_once(manifest_dir: Path, tmp_path: Path) -> None:
    """A picture used as a hero and in the attract loop is one media item."""
    text = (
        write_manifest(manifest_dir)
        .read_text()
        .replace("media/images/valleys-hero.jpg", "media/images/delivery-hero.jpg")
    )
    manifest = write_manifest(manifest_dir, text)
    out = tmp_path / "dedup.kpkg"
    result = build_package(manifest, out)
    assert result.media_count == 6


def test_large_media_report_progress(
    manifest_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Media above the progress threshold report every byte hashed and stored."""
    from kiosk.content import builder

    monkeypatch.setattr(builder, "PROGRESS_THRESHOLD", 500 * 1024)
    reports: dict[str, list[int]] = {}

    class Recorder:
        def __init__(self, name: str, total: int) -> None:
            self.name = name
            reports[name] = [total, 0]

        def advance(self, count: int) -> None:
            reports[self.name][1] += count

        def close(self) -> None:
            pass

    build_package(write_manifest(manifest_dir), tmp_path / "p.kpkg", progress=Recorder)
    assert set(reports) == {"delivery.mp4", "attract.mp4"}  # the two files over 500 KiB
    for total, done in reports.values():
        assert done == total
