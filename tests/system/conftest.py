"""The system tests' booth: the image built by deploy/build-image (once per set of inputs,
cached by their hash), booted in QEMU/KVM. Run them with ``./quickstart.sh system-test``;
they need root, /dev/kvm and QEMU, and are left out of the ordinary test run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.booth_vm import BoothVM

REPO = Path(__file__).resolve().parents[2]


def _kvm_usable() -> bool:
    return os.access("/dev/kvm", os.R_OK | os.W_OK)


@pytest.fixture(scope="session")
def editor_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content editor's signing key, made for this run; the booth trusts it."""
    key = tmp_path_factory.mktemp("editor") / "editor.key"
    _cli("package", "keygen", "--out", str(key))
    return key


@pytest.fixture(scope="session")
def booth_image(tmp_path_factory: pytest.TempPathFactory, editor_key: Path) -> Path:
    if not _kvm_usable():
        pytest.skip("needs /dev/kvm (./quickstart.sh system-test)")
    folder = tmp_path_factory.mktemp("image")
    config = folder / "booth.yaml"
    public = editor_key.with_name(editor_key.name + ".pub").read_text().strip()
    config.write_text(f"trusted_keys:\n  - {json.dumps(public)}\n", encoding="utf-8")
    image = folder / "booth.img"
    # --worktree: the image holds the code under test, committed or not.
    build = [str(REPO / "deploy" / "build-image"), "--worktree", "--config", str(config)]
    subprocess.run([*build, "--out", str(image)], check=True)
    return image


@pytest.fixture(scope="session")
def signed_package(tmp_path_factory: pytest.TempPathFactory, editor_key: Path) -> Path:
    """The demo content as a new version, signed by the editor's key."""
    return _signed_demo(tmp_path_factory.mktemp("content"), editor_key, NEW_VERSION)


@pytest.fixture(scope="session")
def other_signed_package(tmp_path_factory: pytest.TempPathFactory, editor_key: Path) -> Path:
    """The same, one version on: what replaces ``signed_package``."""
    return _signed_demo(tmp_path_factory.mktemp("content"), editor_key, OTHER_VERSION)


def _signed_demo(folder: Path, editor_key: Path, version: str) -> Path:
    manifest = (REPO / "seeds" / "manifest.yaml").read_text(encoding="utf-8")
    assert 'version: "2021.10.1"' in manifest
    manifest = manifest.replace('version: "2021.10.1"', f'version: "{version}"', 1)
    manifest = manifest.replace("../media/", f"{REPO / 'media'}/")
    path = folder / "manifest.yaml"
    path.write_text(manifest, encoding="utf-8")
    package = folder / "hall.kpkg"
    _cli("package", "build", str(path), "-o", str(package), "--sign-key", str(editor_key),
         "--allow-media-outside", "--no-layout")  # fmt: skip
    return package


NEW_VERSION = "2026.12.2"
OTHER_VERSION = "2026.12.3"


def _cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kiosk", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def booth(booth_image: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoothVM]:
    """One booth PC, powered on, for the tests of a module, in order."""
    vm = BoothVM(booth_image, tmp_path_factory.mktemp("booth"))
    vm.boot()
    try:
        yield vm
    finally:
        vm.power_cut()
