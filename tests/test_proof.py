"""`package proof`: one PDF page per screen × language × orientation × mode, each showing
its screen (not blank) and labelled with what it shows and the package; read back with a
PDF library, as the client's reader would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from kiosk.content.builder import build_package
from kiosk.content.package import ContentPackage
from tests.manifests import SMALL_MANIFEST, write_manifest

# The small manifest's screens in one language and mode: home, corner one's page, corner
# two's page, two attract items, the idle warning.
SCREENS = 6
COMBINATIONS = 2 * 2 * 4  # languages × orientations × modes


@pytest.fixture(scope="module")
def proof(tmp_path_factory: pytest.TempPathFactory, demo_media: Path) -> tuple[Path, Path, Path]:
    import shutil
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("proof")
    shutil.copytree(demo_media, folder / "media", ignore=shutil.ignore_patterns("*.py", "*.md"))
    package = folder / "small.kpkg"
    build_package(write_manifest(folder, SMALL_MANIFEST), package)
    pdf, sheet = folder / "proof.pdf", folder / "sheet"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "package", "proof", str(package), "-o", str(pdf),
         "--contact-sheet", str(sheet)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"({1 + SCREENS * COMBINATIONS} pages)" in done.stdout
    return package, pdf, sheet


def plain(text: str) -> str:
    """Text as a reader sees it (PDF text has tabs where the page has spaces)."""
    return " ".join(text.split())


def test_one_labelled_page_per_screen_language_orientation_and_mode(proof) -> None:
    package, pdf, _sheet = proof
    with ContentPackage.open(package) as opened:
        content = opened.content
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1 + SCREENS * COMBINATIONS
    contents = plain(reader.pages[0].extract_text())
    assert "page 2: landscape, standard, ko" in contents
    assert content.manifest_digest in contents
    # Hangul and digits come back as themselves, whatever fonts the machine has.
    assert content.title.get("ko") in contents and content.title.get("en") in contents
    assert not any(ord(char) < 32 for char in contents.replace("\n", "").replace("\t", ""))
    seen = set()
    for page in reader.pages[1:]:
        lines = [plain(line) for line in page.extract_text().splitlines()]
        text = " ".join(lines)
        assert f"{content.package_id} {content.version}" in text
        assert content.manifest_digest[:16] in text
        what = lines[0]
        seen.add(what)
        [picture] = page.images
        image = Image.open(io.BytesIO(picture.data)).convert("RGB").resize((64, 36))
        assert len(image.getcolors(64 * 36) or []) > 16, f"a blank page: {what}"
    # Every screen once in each combination: no page repeats another's label.
    assert len(seen) == SCREENS * COMBINATIONS
    expected = {
        "home — portrait, high contrast, en",
        "idle warning — landscape, large text, ko",
        "corner 2 (two) · page 1 of 1 — landscape, low position, ko",
        "attract loop · item 2 of 2 — portrait, standard, en",
    }
    assert expected <= seen, sorted(seen)[:5]


def test_the_contact_sheet_shows_every_screen(proof) -> None:
    _package, _pdf, sheet = proof
    page = (sheet / "index.html").read_text(encoding="utf-8")
    assert page.count("<figure>") == SCREENS * COMBINATIONS
    assert len(list(sheet.glob("screen-*.jpg"))) == SCREENS * COMBINATIONS


def test_a_file_that_is_not_a_package_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.kpkg"
    junk.write_bytes(b"SQLite format 3\x00 but not really")
    result = run_cli("package", "proof", junk, "-o", tmp_path / "proof.pdf")
    assert result.returncode != 0 and "junk.kpkg" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "proof.pdf").exists()
