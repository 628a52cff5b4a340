"""A manifest from anywhere cannot hang or crash the build, nor pack up files from outside
its folder: each such manifest is refused with `manifest.yaml:LINE: what`, exit 2, and no
package written."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kiosk.content.manifest import load_manifest
from kiosk.errors import ManifestError
from tests.manifests import SMALL_MANIFEST, write_manifest

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def refused(path: Path) -> str:
    """The manifest's problems, read in a thread so a hang fails the test instead of CI."""
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            load_manifest(path)
        except BaseException as error:  # reported to the test below
            outcome.append(error)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "reading the manifest hung"
    (error,) = outcome
    assert isinstance(error, ManifestError), repr(error)
    return str(error)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (BOMB, "manifest.yaml:5: more than 100000 values"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 32 levels"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", "manifest.yaml:1: nested more than 32 levels"),
        ("a: &a [*a]\n", "nested more than 32 levels"),
        ("a: '" + "x" * 1_100_000 + "'\n", "larger than 1000 kB"),
    ],
    ids=[
        "an alias bomb",
        "deep nesting",
        "nesting past the limit",
        "a recursive alias",
        "a huge file",
    ],
)
def test_legal_but_huge_yaml_is_a_mistake_not_a_hang(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(text)
    assert words in refused(path)


def test_a_manifest_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "manifest.yaml"
    os.mkfifo(path)
    assert "not a file" in refused(path)


@pytest.mark.parametrize(
    "hero",
    ["/etc/hostname", "../outside.jpg", "media/leads-out.jpg"],
    ids=["an absolute path", "a path up and out", "a link out of the folder"],
)
def test_media_outside_the_manifests_folder_are_refused(
    manifest_dir: Path, tmp_path: Path, hero: str, run_cli
) -> None:
    picture = manifest_dir / "media" / "images" / "delivery-hero.jpg"
    (tmp_path / "outside.jpg").write_bytes(picture.read_bytes())
    (manifest_dir / "media" / "leads-out.jpg").symlink_to(tmp_path / "outside.jpg")
    text = SMALL_MANIFEST.replace("hero: media/images/delivery-hero.jpg", f"hero: {hero}")
    manifest = write_manifest(manifest_dir, text)
    built = run_cli("package", "build", manifest, "-o", tmp_path / "out.kpkg")
    assert built.returncode == 2
    line = manifest.read_text().splitlines().index(f"    hero: {hero}") + 1
    expected = f"manifest.yaml:{line}: corners[1].hero: {hero} is outside the manifest's folder"
    assert expected in built.stderr, built.stderr
    assert not (tmp_path / "out.kpkg").exists()
    if hero != "/etc/hostname":
        allowed = run_cli(
            "package",
            "build",
            manifest,
            "-o",
            tmp_path / "out.kpkg",
            "--allow-media-outside",
            "--no-layout",
        )
        assert allowed.returncode == 0, allowed.stderr


def test_an_output_that_is_an_input_is_refused(manifest_dir: Path, run_cli) -> None:
    manifest = write_manifest(manifest_dir)
    before = manifest.read_bytes()
    video = manifest_dir / "media" / "video" / "delivery.mp4"
    for output in (manifest, video):
        built = run_cli("package", "build", manifest, "-o", output)
        assert built.returncode == 2, built.stderr
        assert "is one of the build's own inputs" in built.stderr
        assert "Traceback" not in built.stderr
    assert manifest.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("package_id: 2026-13-01\n", "manifest.yaml:1: package_id"),
        ("package_id: 2026-02-30 25:61:00\n", "manifest.yaml:1: package_id"),
        ("? 2026-02-31\n: x\n", "manifest.yaml:1"),
        ("version: !!binary '@@@'\n", "manifest.yaml:1: version"),
        ("version: !!int '0x'\n", "manifest.yaml:1: version"),
    ],
    ids=["a date with no such month", "a timestamp with no such day", "a key that is no date",
         "binary that is not base64", "a number that is not one"],
)  # fmt: skip
def test_values_yaml_cannot_make_are_mistakes_with_their_line(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(text)
    assert words in refused(path)
