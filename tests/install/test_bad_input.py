"""Every bad package offered to 'package install': a clear message, a non-zero exit, and
the active content byte for byte as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content import format_spec
from kiosk.content.builder import build_package
from kiosk.content.signing import generate_key
from tests.manifests import SMALL_MANIFEST, write_manifest


def _sql(statement: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with sqlite3.connect(path) as connection:
            connection.executescript(statement)

    return damage


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _flip_a_byte(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        sha, seq, data = connection.execute(
            "SELECT media_sha256, seq, data FROM media_chunk ORDER BY rowid LIMIT 1"
        ).fetchone()
        connection.execute(
            "UPDATE media_chunk SET data = ? WHERE media_sha256 = ? AND seq = ?",
            (bytes([data[0] ^ 1]) + data[1:], sha, seq),
        )


NEWER = format_spec.SCHEMA_VERSION + 1
CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "zero bytes": (lambda p: p.write_bytes(b""), "not a content package"),
    "a text file": (lambda p: p.write_text("hello, kiosk\n" * 50), "not a content package"),
    "truncated": (_truncate, "damaged"),
    "one flipped byte": (_flip_a_byte, "SHA-256"),
    "text changed after signing": (
        _sql("UPDATE text SET value = 'changed' WHERE key = 'hall.title';"),
        "digest",
    ),
    "newer schema": (
        _sql(f"PRAGMA user_version={NEWER}; UPDATE package_info SET schema_version={NEWER};"),
        "newer kiosk",
    ),
    "missing tables": (_sql("DROP TABLE gallery_image;"), "missing tables"),
    "media without chunks": (
        _sql(
            "DELETE FROM media_chunk WHERE media_sha256 = "
            "(SELECT sha256 FROM media ORDER BY sha256 LIMIT 1);"
        ),
        "bytes stored",
    ),
    "digest that does not match": (
        _sql("UPDATE package_info SET manifest_digest = '" + "0" * 64 + "';"),
        "digest",
    ),
}


@pytest.fixture
def kiosk_with_content(run_cli, manifest_dir: Path, tmp_path: Path):
    """A kiosk (config trusting one key) with a signed package installed; the key."""
    key = tmp_path / "editor.key"
    generate_key(key)
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f'trusted_keys:\n  - "{key.with_name("editor.key.pub").read_text().strip()}"\n'
    )
    first = tmp_path / "first.kpkg"
    build_package(write_manifest(manifest_dir), first, sign_key=key)
    assert run_cli("--config", config, "package", "install", first).returncode == 0
    text = SMALL_MANIFEST.replace('version: "1.2"', 'version: "1.3"')
    newer = tmp_path / "newer.kpkg"
    build_package(write_manifest(manifest_dir, text, "newer.yaml"), newer, sign_key=key)
    return config, newer, key


def _state(data: Path) -> dict[str, str]:
    files = [data / "active.json", *sorted((data / "packages").glob("*"))]
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_packages_change_nothing(
    run_cli, kiosk_with_content, tmp_path: Path, case: str
) -> None:
    """Each kind of bad package is refused with its reason; the kiosk's content is untouched."""
    config, newer, _key = kiosk_with_content
    damage, expected = CASES[case]
    bad = tmp_path / "bad.kpkg"
    shutil.copyfile(newer, bad)
    damage(bad)
    before = _state(tmp_path / "data")
    result = run_cli("--config", config, "package", "install", bad)
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert _state(tmp_path / "data") == before
    assert list((tmp_path / "data" / "staging").iterdir()) == []


def test_an_untrusted_key_changes_nothing(
    run_cli, kiosk_with_content, manifest_dir: Path, tmp_path: Path
) -> None:
    """A valid package signed by a key this kiosk does not trust needs staff approval."""
    config, _newer, _key = kiosk_with_content
    stranger = tmp_path / "stranger.key"
    generate_key(stranger)
    text = SMALL_MANIFEST.replace('version: "1.2"', 'version: "1.4"')
    package = tmp_path / "stranger.kpkg"
    build_package(write_manifest(manifest_dir, text, "s.yaml"), package, sign_key=stranger)
    before = _state(tmp_path / "data")
    result = run_cli("--config", config, "package", "install", package)
    assert result.returncode == 1 and "needs staff approval" in result.stderr
    assert _state(tmp_path / "data") == before


def test_the_same_package_twice_installs_once(run_cli, kiosk_with_content, tmp_path: Path) -> None:
    """Offered again (a stick left in), an installed package is not installed again."""
    config, newer, _key = kiosk_with_content
    assert run_cli("--config", config, "package", "install", newer).returncode == 0
    before = _state(tmp_path / "data")
    again = run_cli("--config", config, "package", "install", newer)
    assert again.returncode == 1 and "not newer" in again.stderr
    assert _state(tmp_path / "data") == before
