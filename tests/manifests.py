"""Small manifests for tests, written next to a copy of the demo media."""

from __future__ import annotations

from pathlib import Path

SMALL_MANIFEST = """\
package:
  id: test.small
  version: "1.2"
  languages: [ko, en]
  title: {ko: 시험관, en: Test Hall}
  subtitle: {ko: 시험 부제, en: Test subtitle}
links:
  venue:
    url: https://www.regionsweek.kr
    label: {ko: 온라인, en: Online}
corners:
  - id: one
    title: {ko: 첫째, en: First}
    summary: {ko: 첫째 요약, en: First summary}
    hero: media/images/delivery-hero.jpg
    video:
      file: media/video/delivery.mp4
      poster: media/images/delivery-poster.jpg
      captions:
        ko: media/captions/delivery.ko.vtt
        en: media/captions/delivery.en.vtt
    sections:
      - kind: background
        title: {ko: 배경, en: Background}
        body: {ko: 본문, en: Body}
  - id: two
    title: {ko: 둘째, en: Second}
    summary: {ko: 둘째 요약, en: Second summary}
    sections:
      - kind: free
        title: {ko: 자유, en: Free}
        body: {ko: 본문 둘, en: Body two}
attract:
  - video: media/video/attract.mp4
  - image: media/images/valleys-hero.jpg
    seconds: 5
"""


def write_manifest(folder: Path, text: str = SMALL_MANIFEST, name: str = "manifest.yaml") -> Path:
    """Write ``text`` as a manifest in ``folder`` and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# A second version of SMALL_MANIFEST that changes exactly these, and nothing else: two
# texts, a picture replaced, a caption track removed, a playlist time and a link.
VARIANT_EDITS = [
    ('version: "1.2"', 'version: "1.3"'),
    ("title: {ko: 첫째, en: First}", "title: {ko: 첫째, en: The First Corner}"),
    ("body: {ko: 본문 둘, en: Body two}", "body: {ko: 본문 둘 고침, en: Body two}"),
    ("hero: media/images/delivery-hero.jpg", "hero: media/images/valleys-hero.jpg"),
    ("        en: media/captions/delivery.en.vtt\n", ""),
    ("    seconds: 5", "    seconds: 8"),
    ("url: https://www.regionsweek.kr", "url: https://www.regionsweek.kr/gyeonggi"),
]


def build_variants(manifest_dir: Path, out: Path) -> tuple[Path, Path]:
    """Packages of SMALL_MANIFEST and of its variant (VARIANT_EDITS), in ``out``."""
    from kiosk.content.builder import build_package

    text = SMALL_MANIFEST
    for before, after in VARIANT_EDITS:
        assert before in text, before
        text = text.replace(before, after)
    old, new = out / "old.kpkg", out / "new.kpkg"
    build_package(write_manifest(manifest_dir), old)
    build_package(write_manifest(manifest_dir, text, "variant.yaml"), new)
    return old, new
