"""Lint while writing: each rule on a manifest made to break it, with its line; none stops
the build, and the demo's own manifest is what it warns about, no more."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kiosk.content.lint import reading_length
from kiosk.content.manifest import load_manifest
from tests.manifests import SMALL_MANIFEST, write_manifest


def warnings_of(manifest_dir: Path, text: str) -> list[str]:
    return list(load_manifest(write_manifest(manifest_dir, text)).warnings)


def line_of(manifest_dir: Path, needle: str) -> int:
    lines = (manifest_dir / "manifest.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def vtt(path: Path, *cues: tuple[float, float]) -> None:
    def clock(seconds: float) -> str:
        return f"00:{int(seconds // 60):02d}:{seconds % 60:06.3f}"

    body = "".join(f"\n{clock(a)} --> {clock(b)}\nwords\n" for a, b in cues)
    path.write_text("WEBVTT\n" + body, encoding="utf-8")


def test_the_small_manifest_is_clean(manifest_dir: Path) -> None:
    assert warnings_of(manifest_dir, SMALL_MANIFEST) == []


def test_a_video_without_captions_in_a_language(manifest_dir: Path) -> None:
    text = SMALL_MANIFEST.replace("        en: media/captions/delivery.en.vtt\n", "")
    [warning] = warnings_of(manifest_dir, text)
    line = line_of(manifest_dir, "    video:")
    assert warning.endswith(f"manifest.yaml:{line}: corners[1].video: the video has no en captions")


def test_captions_past_the_end_of_the_video(manifest_dir: Path) -> None:
    vtt(manifest_dir / "media" / "captions" / "delivery.en.vtt", (0.3, 3.0), (3.0, 14.5))
    [warning] = warnings_of(manifest_dir, SMALL_MANIFEST)
    line = line_of(manifest_dir, "en: media/captions/delivery.en.vtt")
    assert f"manifest.yaml:{line}: corners[1].video.captions.en: the captions run to 14.5 s" in (
        warning
    )
    assert "past the video's end at 8.0 s" in warning


def test_captions_that_leave_the_video_long_without_a_word(manifest_dir: Path) -> None:
    vtt(manifest_dir / "media" / "captions" / "delivery.ko.vtt", (0.2, 1.0), (7.0, 7.9))
    [warning] = warnings_of(manifest_dir, SMALL_MANIFEST)
    line = line_of(manifest_dir, "ko: media/captions/delivery.ko.vtt")
    assert f"manifest.yaml:{line}: corners[1].video.captions.ko: no caption for 6 s from 0:01" in (
        warning
    )


def test_reading_text_longer_than_a_visitor_reads_standing(manifest_dir: Path) -> None:
    sentence = " ".join(["word"] * 30) + "."
    label = " ".join(["Short sentence here."] * 40)
    text = SMALL_MANIFEST.replace(
        "body: {ko: 본문, en: Body}", f"body: {{ko: 본문, en: {sentence}}}"
    )
    text = text.replace("body: {ko: 본문 둘, en: Body two}", f"body: {{ko: {label}, en: Body}}")
    found = warnings_of(manifest_dir, text)
    first = line_of(manifest_dir, "en: word word")
    second = line_of(manifest_dir, "Short sentence here.")
    assert found == [
        f"{manifest_dir / 'manifest.yaml'}:{first}: corners[1].sections[1].body.en: a sentence "
        "of 30 words: keep sentences to about 25 for reading standing",
        f"{manifest_dir / 'manifest.yaml'}:{second}: corners[2].sections[1].body.ko: 120 words: "
        "a visitor standing at a booth reads about 100; split it into pages or shorten it",
    ]


def test_korean_sentences_are_counted_by_their_own_ends() -> None:
    korean = "경기도는 공공배달앱을 만들었습니다. " * 20
    assert [words for words in reading_length(korean) if "sentence" in words] == []


def test_a_picture_far_larger_than_any_screen_says_what_it_would_save(
    manifest_dir: Path,
) -> None:
    huge = manifest_dir / "media" / "images" / "huge.jpg"
    Image.new("RGB", (8000, 4000), (40, 90, 160)).save(huge, quality=95)
    text = SMALL_MANIFEST.replace(
        "hero: media/images/delivery-hero.jpg", "hero: media/images/huge.jpg"
    )
    [warning] = warnings_of(manifest_dir, text)
    line = line_of(manifest_dir, "hero: media/images/huge.jpg")
    assert (
        f"manifest.yaml:{line}: corners[1].hero: media/images/huge.jpg is 8000x4000 px" in warning
    )
    assert "no booth screen shows more than 3840 px of it" in warning and "MB smaller" in warning


def test_warnings_do_not_stop_the_build(run_cli, manifest_dir: Path, tmp_path: Path) -> None:
    sentence = " ".join(["word"] * 30) + "."
    text = SMALL_MANIFEST.replace(
        "body: {ko: 본문, en: Body}", f"body: {{ko: 본문, en: {sentence}}}"
    )
    result = run_cli(
        "package",
        "build",
        write_manifest(manifest_dir, text),
        "-o",
        tmp_path / "a.kpkg",
        "--no-layout",
    )
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "a sentence of 30 words" in result.stderr


def picture(text: str = "", at: float = 0.85, size: tuple[int, int] = (1920, 1080)) -> Image.Image:
    """A graded ground, with ``text`` in white at ``at`` of its height (if any)."""
    from PIL import ImageDraw, ImageFont

    ground = Image.new("RGB", size)
    draw = ImageDraw.Draw(ground)
    for y in range(size[1]):
        draw.line([(0, y), (size[0], y)], fill=(30 + y * 60 // size[1], 90, 160))
    if text:
        font = ImageFont.load_default(size=size[0] // 36)
        draw.text((size[0] // 16, round(size[1] * at)), text, font=font, fill=(255, 255, 255))
    return ground


WORDS = "Visit the hall online at www.regionsweek.kr"


def test_an_attract_picture_with_words_where_the_call_to_touch_stands(manifest_dir: Path) -> None:
    picture(WORDS).save(manifest_dir / "media" / "images" / "words.jpg", quality=90)
    picture(WORDS, at=0.1).save(manifest_dir / "media" / "images" / "words-above.jpg", quality=90)
    text = SMALL_MANIFEST.replace(
        "image: media/images/valleys-hero.jpg", "image: media/images/words.jpg"
    )
    [warning] = warnings_of(manifest_dir, text)
    line = line_of(manifest_dir, "image: media/images/words.jpg")
    assert (
        f"manifest.yaml:{line}: attract[2].image: media/images/words.jpg looks like it has text"
        in warning
    )
    assert "call to touch" in warning
    above = SMALL_MANIFEST.replace(
        "image: media/images/valleys-hero.jpg", "image: media/images/words-above.jpg"
    )
    assert warnings_of(manifest_dir, above) == []


def test_an_attract_pictures_portrait_version_is_looked_at_too(manifest_dir: Path) -> None:
    picture(WORDS, size=(1080, 1920), at=0.9).save(
        manifest_dir / "media" / "images" / "tall.jpg", quality=90
    )
    text = SMALL_MANIFEST.replace(
        "    seconds: 5", "    portrait: media/images/tall.jpg\n    seconds: 5"
    )
    [warning] = warnings_of(manifest_dir, text)
    line = line_of(manifest_dir, "portrait: media/images/tall.jpg")
    assert f"manifest.yaml:{line}: attract[2].portrait: media/images/tall.jpg looks like" in warning


def test_an_attract_video_with_words_burnt_into_its_foot(manifest_dir: Path) -> None:
    from tests.clips import make_clip_of

    make_clip_of(
        manifest_dir / "media" / "video" / "titled.mp4", [picture(), picture(WORDS), picture(WORDS)]
    )
    text = SMALL_MANIFEST.replace("video: media/video/attract.mp4", "video: media/video/titled.mp4")
    [warning] = warnings_of(manifest_dir, text)
    line = line_of(manifest_dir, "video: media/video/titled.mp4")
    assert f"manifest.yaml:{line}: attract[1].video: media/video/titled.mp4 looks like" in warning


@pytest.mark.parametrize("kind", ["stripes", "texture", "blobs"])
def test_pictures_without_words_are_not_taken_for_text(manifest_dir: Path, kind: str) -> None:
    """A fence of stripes over the whole foot, a mottled texture, scattered bright spots."""
    import random

    from PIL import ImageDraw, ImageFilter

    random.seed(7)
    ground = picture()
    draw = ImageDraw.Draw(ground)
    if kind == "stripes":
        for x in range(0, 1920, 24):
            draw.rectangle([x, 700, x + 8, 1080], fill=(250, 250, 250))
    elif kind == "texture":
        ground = (
            Image.effect_noise((1920, 1080), 80)
            .convert("RGB")
            .filter(ImageFilter.GaussianBlur(1.5))
        )
    else:
        for _ in range(400):
            x, y, r = random.randrange(1920), random.randrange(1080), random.randrange(4, 40)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, random.randrange(120, 256), 40))
    ground.save(manifest_dir / "media" / "images" / "plain.jpg", quality=90)
    text = SMALL_MANIFEST.replace(
        "image: media/images/valleys-hero.jpg", "image: media/images/plain.jpg"
    )
    assert warnings_of(manifest_dir, text) == []
