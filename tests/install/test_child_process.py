"""The kiosk's background install runs Installer.install in a child process: same result,
same errors, progress reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.signing import generate_key
from kiosk.install.child_process import install_in_child_process
from kiosk.install.installer import Installer, InstallError, NeedsStaffApproval
from tests.install.test_installer import active_name, build


def test_a_child_installs_with_progress(manifest_dir: Path, tmp_path: Path) -> None:
    trusted = generate_key(tmp_path / "k" / "editor.key")
    package = build(manifest_dir, tmp_path / "a.kpkg", "1.2", tmp_path / "k" / "editor.key")
    data = tmp_path / "data"
    seen: list[tuple[int, int]] = []
    result = install_in_child_process(
        Installer(data, [trusted]), package, progress=lambda done, total: seen.append((done, total))
    )
    assert result.signed_by == trusted.key_id
    assert active_name(data) == result.path.name
    assert seen and seen[-1][0] == seen[-1][1] == package.stat().st_size


def test_a_child_reports_the_same_errors(manifest_dir: Path, tmp_path: Path) -> None:
    """Unsigned: staff approval; approved: installed; not a package: a plain message."""
    package = build(manifest_dir, tmp_path / "a.kpkg", "1.2", None)
    installer = Installer(tmp_path / "data")
    with pytest.raises(NeedsStaffApproval, match="needs staff approval"):
        install_in_child_process(installer, package)
    assert install_in_child_process(installer, package, approved=True).signed_by is None
    text = tmp_path / "notes.kpkg"
    text.write_text("not a package\n")
    with pytest.raises(InstallError, match="not a content package"):
        install_in_child_process(installer, text)
