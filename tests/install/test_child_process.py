"""The kiosk's background install runs Installer.install in a child process: same result,
same errors, progress reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.signing import generate_key
from kiosk.install.child_process import CHILD_NICENESS, install_in_child_process
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


def installer_niceness() -> list[int]:
    """The niceness of each installer child of this process (multiprocessing's resource
    tracker, a child too, is not one)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
            command = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"spawn_main" in command:  # ppid
            found.append(int(fields[16]))  # nice
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_child_installs_at_a_lower_priority_than_the_show(
    manifest_dir: Path, tmp_path: Path
) -> None:
    package = build(manifest_dir, tmp_path / "a.kpkg", "1.2", None)
    seen: list[int] = []
    install_in_child_process(
        Installer(tmp_path / "data"), package, approved=True,
        progress=lambda done, total: seen.extend(installer_niceness()),
    )  # fmt: skip
    assert seen and min(seen) >= CHILD_NICENESS > os.getpriority(os.PRIO_PROCESS, 0)
