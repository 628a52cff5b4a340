"""Every manifest mistake is reported with its file and line, all at once, exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.manifest import load_manifest
from kiosk.errors import ManifestError
from tests.clips import make_clip
from tests.manifests import SMALL_MANIFEST, write_manifest


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def test_all_mistakes_are_reported_at_once_with_lines(run_cli, manifest_dir: Path) -> None:
    """Unknown key, missing translation, missing file, wrong type, unreadable media: one run."""
    (manifest_dir / "media" / "broken.mp4").write_bytes(b"this is not a video" * 100)
    text = (
        SMALL_MANIFEST.replace(
            "    summary: {ko: 첫째 요약, en: First summary}\n",
            "    summary: {ko: 첫째 요약, en: First summary}\n    colour_name: red\n",
        )
        .replace("title: {ko: 둘째, en: Second}", "title: {ko: 둘째}")
        .replace("media/images/delivery-hero.jpg", "media/images/nowhere.jpg")
        .replace("    seconds: 5", "    seconds: five")
        .replace("file: media/video/delivery.mp4", "file: media/broken.mp4")
    )
    manifest = write_manifest(manifest_dir, text)
    out = manifest_dir / "bad.kpkg"

    result = run_cli("package", "build", manifest, "-o", out)

    assert result.returncode == 2
    assert not out.exists()
    assert list(manifest_dir.glob("*.part")) == []
    assert "Traceback" not in result.stderr
    expected = {
        _line_of(text, "colour_name"): "unknown key",
        _line_of(text, "title: {ko: 둘째}"): "missing translation: en",
        _line_of(text, "nowhere.jpg"): "file not found: media/images/nowhere.jpg",
        _line_of(text, "seconds: five"): "valid number",
        _line_of(text, "broken.mp4"): "not a readable video",
    }
    for line, message in expected.items():
        pattern = rf"{re.escape(str(manifest))}:{line}: .*{re.escape(message)}"
        assert re.search(pattern, result.stderr), (line, message, result.stderr)
    assert "5 mistakes" in result.stderr


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        (("languages: [ko, en]", "languages: [ko, fr]"), "languages:", "must include en"),
        (('version: "1.2"', "version: 1.2"), "version:", "valid string"),
        (("id: one", "id: One Corner"), "id: One Corner", "lowercase letters"),
        (("id: two", "id: one"), "corners:", "used twice"),
        (("kind: free", "kind: story"), "kind: story", "'background'"),
        (("url: https://www.regionsweek.kr", "url: regionsweek"), "url:", "https://"),
        (("    seconds: 5", "    seconds: -1"), "seconds: -1", "greater than 0"),
        (
            ("- image: media/images/valleys-hero.jpg", "- picture: media/images/valleys-hero.jpg"),
            "picture:",
            "either 'video' or 'image'",
        ),
        (
            ("title: {ko: 첫째, en: First}", "title: {ko: 첫째, en: First, fr: Premier}"),
            "fr: Premier",
            "fr is not among package.languages",
        ),
        (
            ("ko: media/captions/delivery.ko.vtt", "ko: media/images/delivery-hero.jpg"),
            "ko: media/images/delivery-hero.jpg",
            "used as image elsewhere",
        ),
    ],
)
def test_each_mistake_names_its_line(
    manifest_dir: Path, change: tuple[str, str], needle: str, message: str
) -> None:
    """Each kind of mistake is caught and points at the line that has it."""
    text = SMALL_MANIFEST.replace(*change)
    assert text != SMALL_MANIFEST
    manifest = write_manifest(manifest_dir, text)
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest)
    line = _line_of(text, needle)
    assert any(
        problem.startswith(f"{manifest}:{line}:") and message in problem
        for problem in caught.value.problems
    ), caught.value.problems


def test_yaml_syntax_error_names_its_line(manifest_dir: Path) -> None:
    """Broken YAML is one clear mistake with its line, not a parser traceback."""
    text = SMALL_MANIFEST.replace('  version: "1.2"\n', '  version: "1.2\n')
    manifest = write_manifest(manifest_dir, text)
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest)
    assert re.match(rf"{re.escape(str(manifest))}:\d+: not valid YAML", caught.value.problems[0])


def test_duplicate_keys_are_mistakes(manifest_dir: Path) -> None:
    """A key given twice is reported (YAML loaders silently keep the last one)."""
    text = SMALL_MANIFEST.replace('  version: "1.2"\n', '  version: "1.2"\n  version: "2"\n')
    manifest = write_manifest(manifest_dir, text)
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest)
    line = _line_of(text, 'version: "2"')
    assert caught.value.problems == [f"{manifest}:{line}: 'version' is given twice"]


def test_av1_video_is_refused(manifest_dir: Path) -> None:
    """A video the kiosk's player cannot decode (AV1) is refused at build, not at the booth."""
    make_clip(
        manifest_dir / "media" / "av1.mp4",
        codec="libsvtav1",
        width=128,
        height=128,
        seconds=0.5,
        rate=10,
    )
    manifest = write_manifest(
        manifest_dir,
        SMALL_MANIFEST.replace("file: media/video/delivery.mp4", "file: media/av1.mp4"),
    )
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest)
    line = _line_of(manifest.read_text(), "media/av1.mp4")
    assert any(
        problem.startswith(f"{manifest}:{line}:") and "'av1' cannot be played" in problem
        for problem in caught.value.problems
    ), caught.value.problems


def test_missing_manifest_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    """Pointing at a manifest that is not there says so, exit 2."""
    result = run_cli("package", "build", tmp_path / "nope.yaml", "-o", tmp_path / "x.kpkg")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
