"""package build → verify → info, as a content editor runs them."""

from __future__ import annotations

from pathlib import Path

from tests.manifests import write_manifest


def test_build_verify_info_round_trip(run_cli, manifest_dir: Path) -> None:
    """A valid manifest builds into a package that verifies and describes itself."""
    manifest = write_manifest(manifest_dir)
    out = manifest_dir / "out" / "small.kpkg"

    built = run_cli("package", "build", manifest, "-o", out, "--no-layout")
    assert built.returncode == 0, built.stderr
    assert out.is_file()
    assert "test.small 1.2" in built.stdout

    verified = run_cli("package", "verify", out)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("OK ")

    info = run_cli("package", "info", out)
    assert info.returncode == 0, info.stderr
    fields = dict(
        line.split(None, 1) for line in info.stdout.splitlines() if not line.startswith(" ")
    )
    assert fields["id"] == "test.small"
    assert fields["version"] == "1.2"
    assert fields["languages"] == "ko, en"
    assert fields["corners"] == "2"
    assert fields["media"].startswith("7 items")  # hero, video, poster, 2 captions, attract 2
    assert "one: 첫째" in info.stdout and "two: 둘째" in info.stdout
    assert fields["signed"] == "unsigned"


def test_build_leaves_no_temporary_files(run_cli, manifest_dir: Path) -> None:
    """Only the package itself is left in the output folder."""
    manifest = write_manifest(manifest_dir)
    out_dir = manifest_dir / "out"
    assert (
        run_cli("package", "build", manifest, "-o", out_dir / "a.kpkg", "--no-layout").returncode
        == 0
    )
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.kpkg"]


def test_rebuilding_replaces_the_package(run_cli, manifest_dir: Path) -> None:
    """Building over an existing package replaces it with the new content."""
    out = manifest_dir / "p.kpkg"
    manifest = write_manifest(manifest_dir)
    assert run_cli("package", "build", manifest, "-o", out, "--no-layout").returncode == 0
    write_manifest(manifest_dir, manifest.read_text().replace('version: "1.2"', 'version: "1.3"'))
    assert run_cli("package", "build", manifest, "-o", out, "--no-layout").returncode == 0
    assert "1.3" in run_cli("package", "info", out).stdout


def test_build_warns_about_a_video_without_captions(run_cli, manifest_dir: Path) -> None:
    """A public kiosk needs captions: their absence is a warning at build."""
    text = write_manifest(manifest_dir).read_text()
    text = text.replace("        en: media/captions/delivery.en.vtt\n", "")
    manifest = write_manifest(manifest_dir, text)
    built = run_cli("package", "build", manifest, "-o", manifest_dir / "w.kpkg", "--no-layout")
    assert built.returncode == 0
    assert "no en captions" in built.stderr


def test_help_lists_the_commands(run_cli) -> None:
    """The command line explains itself."""
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("package", "run"):
        assert command in result.stdout


def test_build_warns_about_colours_too_faint_to_read(run_cli, manifest_dir: Path) -> None:
    """Theme and corner colours below 4.5:1 are named, with their line and what the kiosk
    shows instead; the package still builds."""
    text = write_manifest(manifest_dir).read_text()
    text = text.replace(
        "corners:\n  - id: one\n",
        'theme:\n  text: "#aaaaaa"\ncorners:\n  - id: one\n    colour: "#ffd0d0"\n',
    )
    manifest = write_manifest(manifest_dir, text)
    built = run_cli("package", "build", manifest, "-o", manifest_dir / "c.kpkg", "--no-layout")
    assert built.returncode == 0
    warnings = [
        line for line in built.stderr.splitlines() if "contrast" in line or "corner one" in line
    ]
    assert len(warnings) == 2
    assert "text #aaaaaa on the" in warnings[0] and "manifest.yaml:" in warnings[0]
    assert "corner one's colour #ffd0d0" in warnings[1]
