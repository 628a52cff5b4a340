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
