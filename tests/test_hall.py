"""A real two-kiosk hall on loopback: two Syncthing instances (Debian's) share the hall's
content folder, one kiosk's send-only folder being the other's receive-only drop folder,
and a reports folder the other way; two kiosk processes (offscreen) watch them and serve
their metrics; a real Prometheus (Debian's) scrapes both. A signed package saved into the
source folder is shown by both kiosks and the far kiosk's report comes back; a package cut
short mid-sync is never installed; Prometheus answers each kiosk's content version.

Every process the tests start, they stop; every loop has a deadline."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.content.builder import build_package
from kiosk.content.signing import generate_key, public_line
from tests.manifests import SMALL_MANIFEST, write_manifest
from tests.syncthing_peer import SyncthingPeer, free_port

REPO = Path(__file__).resolve().parent.parent
PROMETHEUS = shutil.which("prometheus") or "/usr/bin/prometheus"
PROMTOOL = shutil.which("promtool") or "/usr/bin/promtool"
RULES = REPO / "config" / "prometheus"


def until(what: Callable[[], object], seconds: float, why: Callable[[], str] = str) -> object:
    """``what()`` once it is true; fails after ``seconds`` with ``why()``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := what():
            return found
        time.sleep(0.3)
    raise AssertionError(f"not within {seconds:.0f} s: {why()}")


def metrics(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
            return str(answer.read().decode())
    except OSError:
        return ""


def shown_version(port: int) -> str | None:
    """The content version a kiosk's metrics say it shows."""
    for line in metrics(port).splitlines():
        if line.startswith("kiosk_content_info{"):
            labels = line[line.index("{") + 1 : line.index("}")]
            fields = dict(part.split("=", 1) for part in labels.split('",'))
            return fields["version"].strip('"')
    return None


@dataclass
class Kiosk:
    name: str
    folder: Path
    content: Path
    reports: Path
    metrics_port: int
    process: subprocess.Popen[bytes] | None = None

    def start(self, config: str) -> None:
        (self.folder / "kiosk.yaml").write_text(config, encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   KIOSK_DATA_DIR=str(self.folder / "data"),
                   XDG_CACHE_HOME=str(self.folder / "cache"))  # fmt: skip
        with (self.folder / "kiosk.log").open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "--config", str(self.folder / "kiosk.yaml"),
                 "run", "--windowed"],
                stdout=log, stderr=log, env=env, start_new_session=True,
            )  # fmt: skip
        until(lambda: self.alive() and metrics(self.metrics_port), 120, self.log_tail)

    def alive(self) -> bool:
        assert self.process is not None and self.process.poll() is None, self.log_tail()
        return True

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)

    def log_tail(self) -> str:
        log = self.folder / "kiosk.log"
        return log.read_text(errors="replace")[-3000:] if log.exists() else ""

    def report(self) -> str:
        path = self.reports / f"{self.name}-report.txt"
        return path.read_text(encoding="utf-8") if path.exists() else ""


@dataclass
class Hall:
    source: SyncthingPeer  # the entrance kiosk's Syncthing: the hall's source
    far: SyncthingPeer  # the stage kiosk's
    entrance: Kiosk
    stage: Kiosk
    editor_key: Path
    manifest_dir: Path
    versions: list[int]

    def package(self, version: int, new_picture: bool = False) -> Path:
        """A signed package of SMALL_MANIFEST at version 1.<version>; with a picture of
        its own (megabytes no earlier package has: Syncthing must send them, it cannot
        copy them from the packages it has)."""
        text = SMALL_MANIFEST.replace('version: "1.2"', f'version: "1.{version}"')
        if new_picture:
            from PIL import Image

            noise = Image.frombytes("RGB", (1600, 1200), os.urandom(1600 * 1200 * 3))
            noise.save(self.manifest_dir / "media" / "images" / f"noise-{version}.jpg", quality=92)
            text = text.replace("hero: media/images/delivery-hero.jpg",
                                f"hero: media/images/noise-{version}.jpg")  # fmt: skip
        out = self.manifest_dir / f"hall-1.{version}.kpkg"
        build_package(write_manifest(self.manifest_dir, text, f"v{version}.yaml"), out,
                      sign_key=self.editor_key)  # fmt: skip
        return out

    def save_into_source(self, package: Path) -> Path:
        """As an editor saves: a temporary name in the folder, then the real one."""
        target = self.entrance.content / package.name
        temporary = self.entrance.content / f".{package.name}.part"
        shutil.copyfile(package, temporary)
        temporary.replace(target)
        return target


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory, demo_media: Path) -> Iterator[Hall]:
    root = tmp_path_factory.mktemp("hall")
    manifest_dir = root / "editor"
    shutil.copytree(demo_media, manifest_dir / "media",
                    ignore=shutil.ignore_patterns("*.py", "*.md", "fonts"))  # fmt: skip
    key = generate_key(root / "editor.key")
    source, far = (
        SyncthingPeer(root / "st-entrance", "entrance"),
        SyncthingPeer(root / "st-stage", "stage"),
    )
    entrance = Kiosk("entrance", root / "entrance", root / "entrance" / "content",
                     root / "entrance" / "reports", free_port())  # fmt: skip
    stage = Kiosk("stage", root / "stage", root / "stage" / "content",
                  root / "stage" / "reports", free_port())  # fmt: skip
    try:
        for peer in (source, far):
            peer.start()
        source.knows(far)
        far.knows(source)
        # Content: the entrance sends, the stage receives; reports: the other way.
        source.shares("hall-content", entrance.content, "sendonly", far)
        far.shares("hall-content", stage.content, "receiveonly", source)
        far.shares("hall-reports", stage.reports, "sendonly", source)
        source.shares("hall-reports", entrance.reports, "receiveonly", far)
        until(lambda: source.connected_to(far), 60, far.log_tail)
        for kiosk, peer in ((entrance, source), (stage, far)):
            kiosk.start(
                f"kiosk_name: {kiosk.name}\n"
                f"drop_folders: [{kiosk.content}]\n"
                f"report_folder: {kiosk.reports}\n"
                f'trusted_keys: ["{public_line(key.public_key)}"]\n'
                f'metrics:\n  listen: "127.0.0.1:{kiosk.metrics_port}"\n'
                f'syncthing:\n  url: "{peer.url}"\n  api_key: "{peer.api_key}"\n'
            )
        yield Hall(source, far, entrance, stage, root / "editor.key", manifest_dir, [1])
    finally:
        for kiosk in (entrance, stage):
            kiosk.stop()
        for peer in (source, far):
            peer.stop()


def test_a_package_saved_at_the_source_is_shown_by_both_kiosks_and_reported_back(
    hall: Hall,
) -> None:
    hall.versions.append(hall.versions[-1] + 1)
    version = f"1.{hall.versions[-1]}"
    hall.save_into_source(hall.package(hall.versions[-1]))
    for kiosk in (hall.entrance, hall.stage):
        until(lambda k=kiosk: shown_version(k.metrics_port) == version, 120,
              lambda k=kiosk: f"{k.name}: {k.log_tail()}")  # fmt: skip
    # The stage's report travels back to the source's reports folder.
    came_back = hall.entrance.reports / "stage-report.txt"
    until(lambda: came_back.exists() and f"test.small {version}" in came_back.read_text(), 60,
          hall.far.log_tail)  # fmt: skip
    report = came_back.read_text(encoding="utf-8")
    assert "Kiosk stage, " in report and f"Installed test.small {version}" in report
    # The stage never wrote into the folder it only receives.
    assert not (hall.stage.content / "kiosk-report.txt").exists()
    assert f"Installed test.small {version}" in hall.entrance.report()


def test_a_package_cut_short_mid_sync_is_never_installed(hall: Hall) -> None:
    """The source's Syncthing sends slowly and is killed mid-way: the stage has only
    Syncthing's temporary file, and installs nothing; once the source is back, the whole
    package arrives and is installed."""
    before = shown_version(hall.stage.metrics_port)
    hall.versions.append(hall.versions[-1] + 1)
    version = f"1.{hall.versions[-1]}"
    package = hall.package(hall.versions[-1], new_picture=True)
    hall.source.call("PATCH", "/rest/config/options", {"maxSendKbps": 64})
    try:
        hall.save_into_source(package)

        def partial() -> list[Path]:
            return [p for p in hall.stage.content.glob(".syncthing.*.tmp") if p.stat().st_size]

        until(partial, 60, lambda: str(list(hall.stage.content.iterdir())))
        hall.source.stop()  # the connection is gone mid-file
        time.sleep(8)  # longer than the kiosk's settle and a few of its looks
        assert partial(), "the partial file was finished or removed"
        assert not (hall.stage.content / package.name).exists()
        assert shown_version(hall.stage.metrics_port) == before
        assert 'kiosk_installs_total{kiosk="stage",result="failed"} 0.0' in metrics(
            hall.stage.metrics_port
        )
        assert f"1.{hall.versions[-1]}" not in hall.stage.report()
    finally:
        hall.source.start()
        hall.source.call("PATCH", "/rest/config/options", {"maxSendKbps": 0})
    until(lambda: shown_version(hall.stage.metrics_port) == version, 180,
          lambda: hall.stage.log_tail() + hall.far.log_tail())  # fmt: skip


def test_prometheus_scrapes_both_kiosks_and_answers_each_ones_content(
    hall: Hall, tmp_path: Path
) -> None:
    port = free_port()
    shutil.copy(RULES / "kiosk-alerts.yml", tmp_path / "kiosk-alerts.yml")
    targets = [f"127.0.0.1:{k.metrics_port}" for k in (hall.entrance, hall.stage)]
    (tmp_path / "prometheus.yml").write_text(
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "rule_files: [kiosk-alerts.yml]\n"
        "scrape_configs:\n  - job_name: gyeonggi-kiosk\n"
        f"    static_configs: [{{targets: {json.dumps(targets)}}}]\n",
        encoding="utf-8",
    )
    with (tmp_path / "prometheus.log").open("wb") as log:
        server = subprocess.Popen(
            [PROMETHEUS, f"--config.file={tmp_path / 'prometheus.yml'}",
             f"--storage.tsdb.path={tmp_path / 'data'}",
             f"--web.listen-address=127.0.0.1:{port}"],
            stdout=log, stderr=log, start_new_session=True,
        )  # fmt: skip
    try:

        def query(promql: str) -> list[dict[str, object]]:
            address = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode(
                {"query": promql}
            )
            try:
                with urllib.request.urlopen(address, timeout=5) as answer:
                    return list(json.loads(answer.read())["data"]["result"])
            except OSError:
                return []

        def versions() -> dict[str, str]:
            return {
                str(row["metric"]["kiosk"]): str(row["metric"]["version"])  # type: ignore[index]
                for row in query("kiosk_content_info")
            }

        found = until(lambda: len(versions()) == 2 and versions(), 90,
                      lambda: (tmp_path / "prometheus.log").read_text()[-2000:])  # fmt: skip
        assert found == {"entrance": shown_version(hall.entrance.metrics_port),
                         "stage": shown_version(hall.stage.metrics_port)}  # fmt: skip
        up = query('up{job="gyeonggi-kiosk"}')
        assert sorted(row["value"][1] for row in up) == ["1", "1"]  # type: ignore[index]
        # The hall agrees: no kiosk's content differs from the others'.
        assert query("ALERTS{alertname='KioskContentDiffersFromTheHall'}") == []
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_doctor_reports_the_synced_folders_as_syncthing_sees_them(hall: Hall) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(hall.stage.folder / "kiosk.yaml"),
         "doctor", "--json"],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, KIOSK_DATA_DIR=str(hall.stage.folder / "data")),
    )  # fmt: skip
    findings = [f for f in json.loads(done.stdout)["findings"] if f["subject"] == "syncthing"]
    details = {f["detail"].split(": ", 1)[0]: f for f in findings}
    content = details[str(hall.stage.content)]
    assert content["outcome"] == "ok", content
    assert "hall-content (receive only): up to date" in content["detail"]
    assert "1 of 1 devices connected" in content["detail"]
    assert "hall-reports (send only)" in details[str(hall.stage.reports)]["detail"]


def test_the_alert_rules_and_scrape_config_pass_promtool() -> None:
    for command in (
        [PROMTOOL, "check", "rules", str(RULES / "kiosk-alerts.yml")],
        [PROMTOOL, "check", "config", str(RULES / "prometheus.yml")],
        [PROMTOOL, "test", "rules", str(RULES / "kiosk-alerts.test.yml")],
    ):
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=RULES)
        assert done.returncode == 0, done.stdout + done.stderr
