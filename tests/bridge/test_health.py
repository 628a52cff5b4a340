"""The kiosk's health metrics follow what it does: the content it shows, an install's end,
a video that cannot play, frames and the GUI thread's beat; written for node_exporter's
textfile collector; a port already taken is a plain error, not a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.bridge.health import HealthReporter
from kiosk.bridge.service_manager import ServiceManagerLink
from kiosk.errors import ConfigError
from kiosk.health_metrics import KioskHealth, MetricsExport


def samples(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    found: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append((dict(sample.labels), sample.value))
    return found


def test_the_textfile_says_what_the_kiosk_shows_and_what_happened(
    qtbot, make_kiosk, tmp_path: Path
) -> None:
    ui = make_kiosk()
    health = KioskHealth("entrance", ui.paths.root)
    reporter = HealthReporter(health, ui.exhibit, ui.session, ui.watcher,
                              ui.staff.pages.hours, [], ui.window)  # fmt: skip
    reporter.start(ui.window, ServiceManagerLink(ui.window, environ={}))
    textfile = tmp_path / "node-exporter" / "kiosk.prom"
    textfile.parent.mkdir()
    export = MetricsExport(health, ui.paths.interaction_log, textfile=textfile, every=5)
    try:
        ui.session.videoFailed("clean-valleys", "no decoder")
        ui.watcher.installEnded.emit("failed")
        ui.window.update()
        qtbot.waitUntil(lambda: health.last_frame_at is not None)
        found = samples(generate_latest(export.registry).decode())
        [(labels, value)] = found["kiosk_content_info"]
        assert labels["kiosk"] == "entrance" and value == 1
        assert (labels["package_id"], labels["version"]) == (
            ui.exhibit.content.package_id,
            ui.exhibit.content.version,
        )
        assert found["kiosk_video_errors_total"] == [({"kiosk": "entrance"}, 1.0)]
        assert ({"kiosk": "entrance", "result": "failed"}, 1.0) in found["kiosk_installs_total"]
        assert found["kiosk_last_install_success"] == [({"kiosk": "entrance"}, 0.0)]
        assert found["kiosk_screen_on"] == [({"kiosk": "entrance"}, 1.0)]
        assert found["kiosk_data_free_bytes"][0][1] > 0
        # The file node_exporter reads, written whole in the background.
        qtbot.waitUntil(textfile.exists, timeout=10_000)
        assert "kiosk_content_info{" in textfile.read_text()
    finally:
        export.stop()
        reporter.stop()


def test_a_port_already_taken_is_a_plain_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(
            ConfigError, match=f"metrics.listen: cannot serve metrics on 127.0.0.1:{port}"
        ):
            MetricsExport(
                KioskHealth("k", tmp_path), tmp_path / "log.db", listen=f"127.0.0.1:{port}"
            )


@pytest.mark.parametrize("listen", ["9731", "localhost", "127.0.0.1:99999", ":9731"])
def test_a_listen_address_without_a_port_is_a_config_mistake(tmp_path: Path, listen: str) -> None:
    from kiosk.config import load_config

    path = tmp_path / "kiosk.yaml"
    path.write_text(f'metrics:\n  listen: "{listen}"\n')
    with pytest.raises(
        ConfigError, match=r"kiosk\.yaml:2: metrics\.listen: .* such as 127\.0\.0\.1:9731"
    ):
        load_config(path)
