"""Signing, installing, rolling back: and every failure leaves the active content as it was."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from kiosk.content.signing import TrustedKey, generate_key
from kiosk.install.installer import (
    Installer,
    InstallError,
    NeedsStaffApproval,
    PackageStillChangingError,
)
from tests.manifests import SMALL_MANIFEST, write_manifest


@pytest.fixture
def key(tmp_path: Path) -> tuple[Path, TrustedKey]:
    path = tmp_path / "keys" / "editor.key"
    trusted = generate_key(path)
    return path, trusted


def build(manifest_dir: Path, out: Path, version: str, sign_key: Path | None) -> Path:
    text = SMALL_MANIFEST.replace('version: "1.2"', f'version: "{version}"')
    manifest = write_manifest(manifest_dir, text, name=f"manifest-{version}.yaml")
    build_package(manifest, out, sign_key=sign_key)
    return out


def active_name(data_dir: Path) -> str | None:
    return json.loads((data_dir / "active.json").read_text())["active"]


def test_keygen_sign_and_trust(manifest_dir: Path, tmp_path: Path, key) -> None:
    """A package signed with a generated key names the key, and the public line parses."""
    key_path, trusted = key
    assert oct(key_path.stat().st_mode & 0o777) == "0o600"
    line = key_path.with_name("editor.key.pub").read_text().strip()
    assert TrustedKey.parse(line).key_id == trusted.key_id
    package = build(manifest_dir, tmp_path / "p.kpkg", "1.2", key_path)
    with ContentPackage.open(package) as opened:
        assert opened.content.key_id == trusted.key_id
        assert opened.content.signature


def test_a_trusted_package_installs_and_an_older_one_needs_approval(
    manifest_dir: Path, tmp_path: Path, key
) -> None:
    """Signed by a trusted key: installs. The same version again: staff must approve."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    result = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    assert result.signed_by == trusted.key_id
    assert active_name(data) == result.path.name
    with ContentPackage.open(result.path) as package:
        for item in package.content.media.values():
            assert installer.media.has(item)
    with pytest.raises(NeedsStaffApproval, match="not newer"):
        installer.install(build(manifest_dir, tmp_path / "b.kpkg", "1.1", key_path))
    assert active_name(data) == result.path.name


def test_an_unsigned_package_needs_approval(manifest_dir: Path, tmp_path: Path, key) -> None:
    """Unsigned: refused without staff approval, installed with it."""
    _key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    package = build(manifest_dir, tmp_path / "u.kpkg", "1.2", None)
    with pytest.raises(NeedsStaffApproval, match="not signed by a trusted key"):
        installer.install(package)
    assert not (data / "active.json").exists()
    assert list((data / "staging").iterdir()) == []
    result = installer.install(package, approved=True)
    assert result.signed_by is None and active_name(data) == result.path.name


def test_an_untrusted_signature_needs_approval(manifest_dir: Path, tmp_path: Path, key) -> None:
    """Signed, but by a key this kiosk does not list."""
    key_path, _trusted = key
    other = generate_key(tmp_path / "other.key")
    installer = Installer(tmp_path / "data", [other])
    with pytest.raises(NeedsStaffApproval):
        installer.install(build(manifest_dir, tmp_path / "s.kpkg", "1.2", key_path))


def test_damaged_packages_change_nothing(manifest_dir: Path, tmp_path: Path, key) -> None:
    """Damaged bytes or a tampered text after signing: refused, active content kept."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    newer = build(manifest_dir, tmp_path / "n.kpkg", "1.3", key_path)

    damaged = tmp_path / "damaged.kpkg"
    shutil.copyfile(newer, damaged)
    with sqlite3.connect(damaged) as connection:
        connection.execute(
            "UPDATE media_chunk SET data = zeroblob(LENGTH(data)) "
            "WHERE rowid = (SELECT MIN(rowid) FROM media_chunk)"
        )
    with pytest.raises(InstallError, match="damaged"):
        installer.install(damaged)

    tampered = tmp_path / "tampered.kpkg"
    shutil.copyfile(newer, tampered)
    with sqlite3.connect(tampered) as connection:
        connection.execute("UPDATE text SET value = 'x' WHERE key = 'hall.title'")
    with pytest.raises(InstallError, match="digest"):
        installer.install(tampered)

    garbage = tmp_path / "garbage.kpkg"
    garbage.write_bytes(b"nothing useful" * 1000)
    with pytest.raises(InstallError, match="not a content package"):
        installer.install(garbage)

    assert active_name(data) == first.path.name
    assert list((data / "staging").iterdir()) == []


def test_a_stick_pulled_out_mid_copy_changes_nothing(
    manifest_dir: Path, tmp_path: Path, key, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read fails half-way: a plain message, no partial file, the content as it was."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    newer = build(manifest_dir, tmp_path / "n.kpkg", "1.3", key_path)

    def pulled_out(self, file, total: int):
        yield file.read(64 * 1024)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Installer, "_read_blocks", pulled_out)
    with pytest.raises(InstallError, match="USB stick was removed"):
        installer.install(newer)
    assert active_name(data) == first.path.name
    assert list((data / "staging").iterdir()) == []


def test_a_package_cut_short_mid_copy_changes_nothing(
    manifest_dir: Path, tmp_path: Path, key
) -> None:
    """The file shrinks while it is copied (a stick pulled out, a sync still writing it):
    a plain message, no partial file, the content as it was."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    newer = build(manifest_dir, tmp_path / "n.kpkg", "1.3", key_path)
    cut = False

    def cut_short(done: int, total: int) -> None:
        nonlocal cut
        if not cut and done < total:
            cut = True
            with newer.open("r+b") as file:
                file.truncate(total // 2)

    with pytest.raises(PackageStillChangingError, match="changed while it was copied"):
        installer.install(newer, progress=cut_short)
    assert cut, "the package was copied in one block; the test needs a larger one"
    assert active_name(data) == first.path.name
    assert list((data / "staging").iterdir()) == []


def test_a_full_disk_changes_nothing(
    manifest_dir: Path, tmp_path: Path, key, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No space while unpacking media: a plain message, the content as it was."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    newer = build(manifest_dir, tmp_path / "n.kpkg", "1.3", key_path)

    def disk_full(self, package, **options):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.install.media_store.MediaStore.extract_all", disk_full)
    with pytest.raises(InstallError, match="disk is full"):
        installer.install(newer)
    assert active_name(data) == first.path.name


def test_rollback_and_fallback_at_start(manifest_dir: Path, tmp_path: Path, key) -> None:
    """Rollback swaps active and previous; a broken active package falls back at start."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    second = installer.install(build(manifest_dir, tmp_path / "b.kpkg", "1.3", key_path))
    assert installer.package_to_show() == second.path
    assert installer.rollback() == first.path
    assert installer.package_to_show() == first.path
    installer.rollback()
    second.path.write_bytes(b"broken by a power cut")
    assert installer.package_to_show() == first.path
    first.path.write_bytes(b"broken too")
    assert installer.package_to_show() is None  # the built-in demo then


def test_install_and_rollback_commands(run_cli, manifest_dir: Path, tmp_path: Path) -> None:
    """keygen, build --sign-key, install (with the key trusted in the config), rollback."""
    keys = tmp_path / "k"
    keys.mkdir()
    made = run_cli("package", "keygen", "--out", keys / "editor.key")
    assert made.returncode == 0, made.stderr
    line = (keys / "editor.key.pub").read_text().strip()
    config = tmp_path / "kiosk.yaml"
    config.write_text(f'trusted_keys:\n  - "{line}"\n')
    manifest = write_manifest(manifest_dir)
    built = run_cli(
        "package",
        "build",
        manifest,
        "-o",
        tmp_path / "a.kpkg",
        "--sign-key",
        keys / "editor.key",
        "--no-layout",
    )
    assert built.returncode == 0, built.stderr
    installed = run_cli("--config", config, "package", "install", tmp_path / "a.kpkg")
    assert installed.returncode == 0, installed.stderr
    assert "installed test.small 1.2 (signed by key" in installed.stdout
    again = run_cli("--config", config, "package", "install", tmp_path / "a.kpkg")
    assert again.returncode == 1 and "needs staff approval" in again.stderr
    trace = tmp_path / "trace.jsonl"
    shown = run_cli(
        "--config", config, "run", "--screenshot", tmp_path / "home.png", KIOSK_TRACE=str(trace)
    )
    assert shown.returncode == 0, shown.stderr
    opened = [
        json.loads(line) for line in trace.read_text().splitlines() if '"package_opened"' in line
    ]
    assert opened[0]["package_id"] == "test.small"  # the installed package, not the demo
    back = run_cli("--config", config, "package", "rollback")
    assert back.returncode == 1 and "no previous content" in back.stderr
    assert "Traceback" not in again.stderr + back.stderr


def test_media_on_screen_survive_an_install(
    manifest_dir: Path, tmp_path: Path, key, demo_package: Path
) -> None:
    """Installing never removes media the screen shows; the clean-up keeps what is in use."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    with ContentPackage.open(demo_package) as shown:
        installer.media.extract_all(shown)
        on_screen = set(shown.content.media)
        installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
        assert all(installer.media.has(shown.content.media[sha]) for sha in on_screen)
        installer.remove_unused_media(on_screen)
        assert all(installer.media.has(shown.content.media[sha]) for sha in on_screen)
        removed = installer.remove_unused_media(set())
    assert removed > 0  # the demo's own media, once nothing shows them


def test_a_damaged_active_package_gives_way_to_the_previous(
    manifest_dir: Path, tmp_path: Path, key
) -> None:
    """The full check in the background finds damage: the content before takes over."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    second = installer.install(build(manifest_dir, tmp_path / "b.kpkg", "1.3", key_path))
    assert installer.verify_installed(second.path) == []
    with sqlite3.connect(second.path) as connection:
        connection.execute("UPDATE text SET value = 'changed' WHERE rowid = 1")
    problems = installer.verify_installed(second.path)
    assert problems and "digest" in " ".join(problems)
    assert active_name(data) == first.path.name
    assert installer.package_to_show() == first.path


def test_installed_packages_keep_no_media_bytes_and_media_are_checked(
    manifest_dir: Path, tmp_path: Path, key
) -> None:
    """The installed package is the package without its media chunks (they were unpacked,
    so each byte is written once); its digest and signature still hold. Damaged or missing
    unpacked media are found: by the full check, and by the cheap one at start."""
    key_path, trusted = key
    installer = Installer(tmp_path / "data", [trusted])
    source = build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path)
    result = installer.install(source)
    assert result.path.stat().st_size < source.stat().st_size / 4
    with sqlite3.connect(result.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM media_chunk").fetchone() == (0,)
    assert installer.verify_installed(result.path) == []
    with ContentPackage.open(result.path) as package:
        item = max(package.content.media.values(), key=lambda m: m.size)
    stored = installer.media.path_for(item)
    stored.write_bytes(b"\0" * item.size)  # same size: only the full check sees it
    assert installer.package_to_show() == result.path
    problems = installer.verify_installed(result.path)
    assert problems and item.name in problems[0]
    stored.unlink()  # gone: the cheap check at start sees it
    assert installer.package_to_show() is None  # the built-in demo shows


def test_a_package_rewritten_in_place_while_copied_is_tried_again_later(
    manifest_dir: Path, tmp_path: Path, key
) -> None:
    """The same size, written again as it is read (a new modification time): refused as
    still being written, not as damaged, and the content as it was."""
    key_path, trusted = key
    data = tmp_path / "data"
    installer = Installer(data, [trusted])
    first = installer.install(build(manifest_dir, tmp_path / "a.kpkg", "1.2", key_path))
    newer = build(manifest_dir, tmp_path / "n.kpkg", "1.3", key_path)
    touched = False

    def rewrite(done: int, total: int) -> None:
        nonlocal touched
        if not touched:
            touched = True
            with newer.open("r+b") as file:
                head = file.read(16)
                file.seek(0)
                file.write(head)
            os.utime(newer, ns=(time.time_ns(), time.time_ns() + 10**9))

    with pytest.raises(PackageStillChangingError, match="still writing it"):
        installer.install(newer, progress=rewrite)
    assert active_name(data) == first.path.name
    assert installer.install(newer).version == "1.3"  # once it stays the same
