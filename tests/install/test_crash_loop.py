"""No content can make the booth loop through crashes: a package that brings the kiosk
down twice in a row soon after it is shown is set aside, and the one before it shows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.content.builder import build_package
from kiosk.install.crash_guard import CrashGuard
from kiosk.install.installer import Installer
from tests.kiosk_process import SHOWING, wait_for_log
from tests.manifests import SMALL_MANIFEST, write_manifest

# The real kiosk, with one fault put in by the test: content version 1.3 ends the process
# the moment it would be shown, as content that crashes Qt would.
CRASHING_KIOSK = """
import os, sys
from kiosk import composition
from kiosk.cli import main

shown = composition.KioskUi.show
def show(self, options):
    if self.exhibit.content.version == "1.3":
        os._exit(3)
    shown(self, options)
composition.KioskUi.show = show
sys.argv = ["gyeonggi-kiosk", "run", "--windowed"]
main()
"""


def test_a_package_on_trial_counts_each_crash_and_a_pass_clears_them(tmp_path: Path) -> None:
    guard = CrashGuard(tmp_path)
    guard.begin("b.kpkg")
    assert guard.failures("b.kpkg") == 1  # as a next start would find it, after a crash
    assert not guard.should_set_aside("b.kpkg")
    guard.begin("b.kpkg")
    assert guard.should_set_aside("b.kpkg")
    assert not guard.should_set_aside("a.kpkg")
    guard.passed()
    assert guard.failures("b.kpkg") == 0
    guard.begin("b.kpkg")
    guard.passed()
    assert CrashGuard(tmp_path).failures("b.kpkg") == 0


def start(data: Path, tmp_path: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(data))
    return subprocess.Popen(
        [sys.executable, "-c", CRASHING_KIOSK],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_package_that_crashes_the_kiosk_twice_gives_way_to_the_one_before(
    manifest_dir: Path, tmp_path: Path, run_cli
) -> None:
    data = tmp_path / "data"
    installer = Installer(data)
    for version in ("1.2", "1.3"):
        text = SMALL_MANIFEST.replace('version: "1.2"', f'version: "{version}"')
        made = build_package(write_manifest(manifest_dir, text), tmp_path / f"{version}.kpkg")
        installer.install(made.path, approved=True)
    for _crash in range(2):
        crashed = start(data, tmp_path)
        _out, err = crashed.communicate(timeout=120)
        assert crashed.returncode == 3, err
    kiosk = start(data, tmp_path)
    log = data / "logs" / "kiosk.log"
    try:
        assert wait_for_log(log, SHOWING, kiosk), "the kiosk did not start"
        kiosk.send_signal(signal.SIGTERM)
        kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.communicate()
    assert kiosk.returncode == 0
    text = log.read_text()
    assert "INFO kiosk.app: showing test.small 1.2" in text
    assert "stopped the kiosk 2 times in a row soon after it was shown: it is set aside" in text
    status = run_cli("--data-dir", data, "status")
    assert "set aside" in status.stdout, status.stdout
    assert "test.small 1.2" in status.stdout


def test_a_trial_the_machine_ended_is_no_failure_of_the_content(tmp_path: Path) -> None:
    """A power cut during a trial leaves it open too, but in an earlier boot: the content
    did not bring the kiosk down, and no number of power cuts sets it aside."""
    for boot in ("boot-1", "boot-2", "boot-3"):
        guard = CrashGuard(tmp_path, boot=lambda boot=boot: boot)
        assert guard.failures("b.kpkg") == 0
        guard.begin("b.kpkg")  # ... and the power goes
    same_boot = CrashGuard(tmp_path, boot=lambda: "boot-3")
    assert same_boot.failures("b.kpkg") == 1  # the kiosk died within the boot: it counts
    # A record from before boots were noted counts as it did.
    (tmp_path / "content-trial.json").write_text(
        '{"package": "b.kpkg", "failures": 1, "open": true, "since": 0}'
    )
    assert CrashGuard(tmp_path, boot=lambda: "boot-9").should_set_aside("b.kpkg")
