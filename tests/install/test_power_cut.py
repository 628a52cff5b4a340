"""SIGKILL of an installing process at each step, then a restart: the kiosk comes up on a
valid package, and nothing half-written is left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.content.builder import build_package
from kiosk.content.signing import TrustedKey, generate_key
from kiosk.install.installer import Installer
from tests.manifests import SMALL_MANIFEST, write_manifest

# Run in a child process: install, but stop dead at one step (a test-side patch) after
# saying so, so the parent can kill it exactly there.
CHILD = """
import sys, time
from pathlib import Path
from kiosk.content.signing import TrustedKey
from kiosk.install import installer as module
from kiosk.install.installer import Installer

data, package, key_line, step, flag = sys.argv[1:]

def stop_here(*args, **kwargs):
    Path(flag).write_text("here")
    time.sleep(600)

if step == "copy":
    original = Installer._read_blocks
    def blocks(self, file, total):
        generator = original(self, file, total)
        yield next(generator)
        stop_here()
    Installer._read_blocks = blocks
elif step == "verify":
    import kiosk.content.verify  # the installer imports it when it verifies
    kiosk.content.verify.verify_package = stop_here
elif step == "extract":
    module.MediaStore.extract_all = stop_here
elif step == "switch":
    Installer._write_pointer = stop_here
Installer(Path(data), [TrustedKey.parse(key_line)]).install(Path(package))
"""


@pytest.mark.parametrize("step", ["copy", "verify", "extract", "switch"])
def test_a_power_cut_at_each_step(manifest_dir: Path, tmp_path: Path, step: str) -> None:
    key = tmp_path / "editor.key"
    trusted: TrustedKey = generate_key(key)
    line = key.with_name("editor.key.pub").read_text().strip()
    data = tmp_path / "data"
    first = tmp_path / "first.kpkg"
    build_package(write_manifest(manifest_dir), first, sign_key=key)
    installed = Installer(data, [trusted]).install(first)
    newer = tmp_path / "newer.kpkg"
    text = SMALL_MANIFEST.replace('version: "1.2"', 'version: "1.3"')
    build_package(write_manifest(manifest_dir, text, "n.yaml"), newer, sign_key=key)

    flag = tmp_path / "flag"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), str(newer), line, step, str(flag)]
    )
    deadline = time.monotonic() + 60
    while not flag.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    assert flag.exists(), "the child never reached the step"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    # The restart.
    restarted = Installer(data, [trusted])
    restarted.recover()
    shown = restarted.package_to_show()
    assert shown is not None
    assert restarted.verify_installed(shown) == []
    # Killed before the pointer moved (at "switch": the new file was already in place),
    # so the content before is the one shown; nothing half-done is left behind.
    assert shown == installed.path
    assert not list((data / "staging").glob("*.part"))
    assert not list(data.glob(".active.*"))
    assert sorted(p.name for p in (data / "packages").glob("*.kpkg")) == [installed.path.name]
