"""A signed package means exactly what was signed: an attacker with a genuine signed
package and no key changes it, and the kiosk refuses it with a plain reason, whatever the
staff approve, leaving every file of its data folder as it was."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from kiosk.content.signing import TrustedKey, generate_key, load_private_key, sign_digest
from kiosk.install.installer import Installer, InstallError, NeedsStaffApproval
from tests.manifests import SMALL_MANIFEST, write_manifest
from tests.tampering import Edit, restamp_digest, snapshot, tampered


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, TrustedKey]:
    key = tmp_path / "office" / "editor.key"
    return key, generate_key(key)


@pytest.fixture
def booth(tmp_path: Path, manifest_dir: Path, office) -> Installer:
    """A kiosk that trusts the office key and shows the office's signed 1.2."""
    key, trusted = office
    installer = Installer(tmp_path / "data", [trusted])
    installer.install(build(manifest_dir, tmp_path / "shown.kpkg", "1.2", key))
    return installer


def build(manifest_dir: Path, out: Path, version: str, key: Path | None) -> Path:
    text = SMALL_MANIFEST.replace('version: "1.2"', f'version: "{version}"')
    build_package(write_manifest(manifest_dir, text, name=f"m-{version}.yaml"), out, sign_key=key)
    return out


@pytest.fixture
def signed_13(tmp_path: Path, manifest_dir: Path, office) -> Path:
    """The office's genuine signed 1.3, as it travels on a stick."""
    return build(manifest_dir, tmp_path / "stick" / "hall.kpkg", "1.3", office[0])


def new_title(connection: sqlite3.Connection) -> None:
    connection.execute("UPDATE text SET value = 'Not the office''s hall' WHERE key = 'hall.title'")


ATTACKS: dict[str, Edit] = {
    # Extra schema objects the digest does not see.
    "a trigger that rewrites the title as it is copied": lambda c: c.execute(
        "CREATE TRIGGER t AFTER INSERT ON text BEGIN "
        "UPDATE text SET value = 'Not the office''s hall' WHERE key = 'hall.title'; END"
    ),
    "a view": lambda c: c.execute("CREATE VIEW shown AS SELECT * FROM text"),
    "an unknown table": lambda c: c.execute("CREATE TABLE extra (x)"),
    "an index": lambda c: c.execute("CREATE INDEX i ON text (value)"),
    "a column the schema does not have": lambda c: c.execute(
        "ALTER TABLE link ADD COLUMN url_override TEXT DEFAULT 'https://example.invalid/'"
    ),
    "a table replaced by a view of other rows": lambda c: c.executescript(
        "ALTER TABLE link RENAME TO link_kept;"
        "CREATE VIEW link AS SELECT link_id, 'https://example.invalid/' AS url, label_key "
        "FROM link_kept;"
    ),
    # Changed rows.
    "a changed title": new_title,
    "a changed title with the digest made to fit": lambda c: (new_title(c), restamp_digest(c)),
    "another signer's id on the signature": lambda c: c.execute(
        "UPDATE package_info SET key_id = '0123456789abcdef'"
    ),
    # Values that would become paths, re-signed with the attacker's own (untrusted) key
    # makes no difference: they are refused before anything uses them.
    "a package id that climbs out of the packages folder": lambda c: c.execute(
        "UPDATE package_info SET package_id = '../../outside'"
    ),
    "a version with a path in it": lambda c: c.execute(
        "UPDATE package_info SET version = '1.3/../../x'"
    ),
    "a media digest that is a path": lambda c: c.executescript(
        "PRAGMA foreign_keys = OFF;"
        "UPDATE media SET sha256 = '../../../../tmp/owned' WHERE rowid = 1;"
    ),
    "a colour that is not one": lambda c: c.execute(
        "INSERT OR REPLACE INTO theme_colour (name, value) VALUES ('accent', 'url(x)')"
    ),
    "a link that is not a web address": lambda c: c.execute(
        "UPDATE link SET url = 'file:///etc/passwd'"
    ),
    "a key id that is not one": lambda c: c.execute(
        "UPDATE package_info SET key_id = '../../etc/x\x1b[2J'"
    ),
}


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_a_changed_signed_package_is_refused_and_changes_nothing(
    booth: Installer, signed_13: Path, attack: str
) -> None:
    changed = tampered(signed_13, ATTACKS[attack])
    before = snapshot(booth.data_dir)
    with pytest.raises((InstallError, NeedsStaffApproval)) as refused:
        booth.install(changed)
    assert snapshot(booth.data_dir) == before
    if not isinstance(refused.value, NeedsStaffApproval):
        return
    # Refused as unsigned: staff may take it as unsigned content, never as the office's.
    assert "not signed by a trusted key" in str(refused.value)
    try:
        result = booth.install(changed, approved=True)
    except InstallError:
        assert snapshot(booth.data_dir) == before
        return
    assert result.signed_by is None


def test_a_restamped_digest_under_the_office_signature_is_refused_even_with_the_pin(
    booth: Installer, signed_13: Path
) -> None:
    changed = tampered(signed_13, lambda c: (new_title(c), restamp_digest(c)))
    before = snapshot(booth.data_dir)
    with pytest.raises(InstallError, match="signature is not valid"):
        booth.install(changed, approved=True)
    assert snapshot(booth.data_dir) == before


def test_a_forger_signing_under_the_office_key_id_is_refused(
    booth: Installer, signed_13: Path, office, tmp_path: Path
) -> None:
    forger = load_private_key_of(tmp_path / "forger.key")

    def sign_as_office(connection: sqlite3.Connection) -> None:
        new_title(connection)
        restamp_digest(connection)
        (digest,) = connection.execute("SELECT manifest_digest FROM package_info").fetchone()
        signature, _their_id = sign_digest(forger, digest)
        connection.execute(
            "UPDATE package_info SET signature = ?, key_id = ?", (signature, office[1].key_id)
        )

    before = snapshot(booth.data_dir)
    with pytest.raises(InstallError, match="signature is not valid"):
        booth.install(tampered(signed_13, sign_as_office), approved=True)
    assert snapshot(booth.data_dir) == before


def load_private_key_of(path: Path):
    generate_key(path)
    return load_private_key(path)


def test_what_is_kept_is_exactly_what_was_signed(booth: Installer, signed_13: Path) -> None:
    """The installed copy holds the kiosk's schema and the signed rows, nothing else."""
    result = booth.install(signed_13)
    with sqlite3.connect(f"file:{result.path}?mode=ro", uri=True) as kept:
        objects = {row[0] for row in kept.execute("SELECT type FROM sqlite_master")}
    assert objects <= {"table", "index"}
    with ContentPackage.open(result.path) as shown, ContentPackage.open(signed_13) as signed:
        assert shown.content.title == signed.content.title
        assert shown.content.manifest_digest == signed.content.manifest_digest


def test_status_names_a_signer_only_when_the_signature_verifies(
    booth: Installer, run_cli, tmp_path: Path, office
) -> None:
    trusting = tmp_path / "trusting.yaml"
    public = office[0].with_name("editor.key.pub").read_text().strip()
    trusting.write_text(f"trusted_keys:\n  - {public}\n", encoding="utf-8")
    data = ("--data-dir", booth.data_dir)
    shown = run_cli("--config", trusting, *data, "status")
    assert f"signed by key {office[1].key_id}" in shown.stdout, shown.stdout + shown.stderr
    untrusting = run_cli(*data, "status")
    assert "signed by a key this kiosk does not trust" in untrusting.stdout
    assert f"signed by key {office[1].key_id}" not in untrusting.stdout


def test_package_info_prints_no_control_sequences(
    manifest_dir: Path, tmp_path: Path, run_cli
) -> None:
    package = build(manifest_dir, tmp_path / "p.kpkg", "1.2", None)
    with sqlite3.connect(package) as connection:
        connection.execute(
            "UPDATE text SET value = 'Hall\x1b]0;owned\x07\x1b[2J' WHERE key = 'hall.title'"
        )
    connection.close()
    shown = run_cli("package", "info", package)
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "Hall\\x1b]0;owned\\x07\\x1b[2J" in shown.stdout
    (signed,) = [line for line in shown.stdout.splitlines() if line.startswith("signed")]
    assert signed.split(maxsplit=1)[1] == "unsigned"


def test_an_installed_copy_changed_on_disk_gives_way_at_start_and_in_the_full_check(
    booth: Installer, signed_13: Path
) -> None:
    """The start check and the background check verify the signature too, not just that
    the rows fit the stored digest."""
    shown_before, _ = booth.installed()
    installed = booth.install(signed_13).path

    def forge(connection: sqlite3.Connection) -> None:
        new_title(connection)
        restamp_digest(connection)

    forged = tampered(installed, forge, name="forged.kpkg")
    forged.replace(installed)
    assert booth.package_to_show() == shown_before
    assert "its signature is not valid" in booth.verify_installed(installed)


FORMS = {
    "its package id is not of the form": "UPDATE package_info SET package_id = '../../outside'",
    "its version is not of the form": "UPDATE package_info SET version = '1/../../x'",
    "a corner or link id is not of the form": "UPDATE corner SET corner_id = 'a b' WHERE rowid = 1",
    "a language code is not of the form": "UPDATE text SET lang = '../ko' WHERE rowid = 1",
    "a colour is not written as #rrggbb": (
        "INSERT OR REPLACE INTO theme_colour (name, value) VALUES ('accent', 'url(x)')"
    ),
    "a link is not a web address": "UPDATE link SET url = 'file:///etc/passwd'",
    "media.poster_sha256 values are not SHA-256 digests": (
        "UPDATE media SET poster_sha256 = '../../x' WHERE poster_sha256 IS NOT NULL"
    ),
}


@pytest.mark.parametrize("words", FORMS, ids=list(FORMS))
def test_values_that_become_names_or_paths_are_checked_even_with_the_pin(
    booth: Installer, manifest_dir: Path, tmp_path: Path, words: str
) -> None:
    """Unsigned, with a digest that fits: only the check of each value's form stops it."""
    made = build(manifest_dir, tmp_path / "unsigned.kpkg", "1.4", None)

    def edit(connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(FORMS[words])
        restamp_digest(connection)

    before = snapshot(booth.data_dir)
    with pytest.raises(InstallError, match=re.escape(words)):
        booth.install(tampered(made, edit), approved=True)
    assert snapshot(booth.data_dir) == before
