#!/usr/bin/env python3
"""Make the demo package's media: fonts, images, videos, captions, narration.

Everything in media/ except this script and its README is made here, so the demo can be
remade or changed. It needs, besides the kiosk's own dependencies:
  - Debian: ffmpeg (H.264/AAC encoding), fonts-noto-cjk (the source of the Korean font),
    espeak-ng (a synthetic voice reading each corner's background page as its narration);
  - PyPI: fonttools[woff] (subsetting, WOFF2).
Run: python media/make_demo_media.py
     (add --only fonts|images|video|captions|narration to redo a part)

The pictures are drawn with Qt (QPainter), frame by frame for the videos, and encoded by
ffmpeg. They restate the press release in graphic form; they invent no figures.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
FONTS, IMAGES, VIDEO, CAPTIONS, NARRATION = (
    HERE / name for name in ("fonts", "images", "video", "captions", "narration")
)
MANIFEST = HERE.parent / "seeds" / "manifest.yaml"
# espeak-ng voices: a plain synthetic reading, small enough to ship with the demo; a real
# exhibit records a narrator instead.
VOICES = {"ko": "ko", "en": "en-us"}
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
NOTO_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
KOREAN_FACE = 1  # index of "Noto Sans CJK KR" in Debian's collection files
FAMILY = "Noto Sans CJK KR"

# Basic Latin, Latin-1, general punctuation, arrows, CJK punctuation, Hangul compatibility
# jamo and all Hangul syllables. Without Latin-1 and the jamo Qt takes the font for a
# symbol font and synthesises bold badly.
UNICODES = (
    "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+2190-2193,U+2022,U+25CF,"
    "U+3000-3011,U+3131-318E,U+AC00-D7A3"
)

FPS = 30
VIDEO_SIZE = (1280, 720)


@dataclass(frozen=True)
class Cue:
    """A caption: start and end in seconds, Korean and English text."""

    start: float
    end: float
    ko: str
    en: str


@dataclass(frozen=True)
class CornerArt:
    """How one corner looks: its colours, its motif, its title card and captions."""

    slug: str
    number: str
    colour: str
    deep: str
    motif: str
    ko: str
    en: str
    cues: tuple[Cue, ...]


CORNERS = (
    CornerArt(
        "delivery",
        "01",
        "#e4572e",
        "#5a1a0b",
        "network",
        "경기도 공공배달앱",
        "Gyeonggi Public Delivery App",
        (
            Cue(
                0.3,
                2.8,
                "디지털 플랫폼 독점 문제를 풀기 위해",
                "To resolve the problem of digital platform monopoly",
            ),
            Cue(
                2.8,
                5.4,
                "경기도는 공공 디지털 SOC의 기반을 세웠습니다",
                "Gyeonggi laid the foundation of a public digital SOC",
            ),
            Cue(5.4, 7.9, "공정한 시장경제 질서를 향해", "toward a fair market economy"),
        ),
    ),
    CornerArt(
        "relocation",
        "02",
        "#2f6bd8",
        "#0d2257",
        "blocks",
        "경기 동북부 공공기관 이전",
        "Public Agencies to the Northeast",
        (
            Cue(
                0.3,
                2.8,
                "특별한 희생에는 특별한 보상을",
                "Special compensation for special sacrifices",
            ),
            Cue(
                2.8,
                5.4,
                "공공기관을 경기 동북부로 나누어 배치합니다",
                "Public agencies are spread to Gyeonggi's northeast",
            ),
            Cue(5.4, 7.9, "지역 간 균형발전을 위하여", "for balanced development among regions"),
        ),
    ),
    CornerArt(
        "valleys",
        "03",
        "#139a7e",
        "#063c33",
        "waves",
        "청정계곡 복원과 도민 환원",
        "Clean Valleys Restored and Returned",
        (
            Cue(
                0.3,
                2.8,
                "깨끗하게 복원한 계곡을 도민에게",
                "Valleys restored and returned to the people",
            ),
            Cue(
                2.8,
                5.4,
                "정부·민간·지역공동체가 함께",
                "Government, private sector and local communities together",
            ),
            Cue(5.4, 7.9, "지속가능한 청정계곡 운영 모델", "a sustainable model for clean valleys"),
        ),
    ),
)

NAVY, NAVY_DEEP, PAPER = "#14213d", "#0a1228", "#f6f4ef"


# ----------------------------------------------------------------------------- fonts


def make_fonts() -> None:
    """Subset Noto Sans CJK KR (Regular, Bold) to Latin + Hangul as WOFF2, with its licence."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    FONTS.mkdir(exist_ok=True)
    notice = ""
    for weight in ("Regular", "Bold"):
        collection = TTCollection(str(NOTO_CJK / f"NotoSansCJK-{weight}.ttc"))
        font = collection.fonts[KOREAN_FACE]
        notice = font["name"].getDebugName(0) or notice
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        out = FONTS / f"NotoSansKR-Subset-{weight}.woff2"
        font.flavor = "woff2"
        font.save(str(out))
        print(f"font   {out.relative_to(HERE)}  {out.stat().st_size // 1024} KiB")
    (FONTS / "OFL.txt").write_text(_ofl_text(notice), encoding="utf-8")


def _ofl_text(notice: str) -> str:
    # The licence text as Debian's package of the font carries it, in plain-text form.
    text = NOTO_COPYRIGHT.read_text(encoding="utf-8")
    match = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", text, re.MULTILINE)
    if not match:
        raise SystemExit("could not find the OFL text in " + str(NOTO_COPYRIGHT))
    body = "\n".join(
        "" if line.strip() == "." else line[1:] for line in match.group(1).splitlines()
    )
    header = (
        f"{notice}\n\nThe files NotoSansKR-Subset-*.woff2 are subsets of Noto Sans CJK KR "
        "(Latin and Hangul only), made by make_demo_media.py.\n\n"
    )
    return header + body.rstrip() + "\n"


def load_fonts() -> None:
    for path in sorted(FONTS.glob("*.woff2")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise SystemExit(f"Qt could not load {path}")


def font(pixels: float, bold: bool = False) -> QFont:
    result = QFont(FAMILY)
    result.setPixelSize(round(pixels))
    result.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


# ----------------------------------------------------------------------------- drawing


def ease(t: float) -> float:
    """Ease-out cubic on 0..1."""
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


def background(p: QPainter, w: int, h: int, top: str, bottom: str) -> None:
    gradient = QLinearGradient(0, 0, w, h)
    gradient.setColorAt(0, QColor(top))
    gradient.setColorAt(1, QColor(bottom))
    p.fillRect(0, 0, w, h, gradient)


def motif(p: QPainter, art: CornerArt, w: int, h: int, t: float, seed: int = 0) -> None:
    """The corner's moving pattern at time ``t`` seconds (t is fixed for still images)."""
    p.save()
    light = QColor(art.colour).lighter(150)
    if art.motif == "network":
        # Many small shops linked into one open network: nodes with lines between them.
        nodes = []
        for i in range(14):
            angle = i * 2.399 + seed
            radius = (0.18 + 0.3 * ((i * 37 + seed * 11) % 10) / 10) * h
            cx = w * 0.68 + math.cos(angle + t * 0.15) * radius * 1.2
            cy = h * 0.5 + math.sin(angle + t * 0.15) * radius
            nodes.append(QPointF(cx, cy))
        pen = QPen(QColor(255, 255, 255, 60), 2)
        p.setPen(pen)
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 : i + 4]:
                p.drawLine(a, b)
        p.setPen(Qt.PenStyle.NoPen)
        for i, node in enumerate(nodes):
            pulse = 1 + 0.25 * math.sin(t * 2 + i)
            colour = QColor(light if i % 3 else QColor("#ffffff"))
            colour.setAlpha(220)
            p.setBrush(colour)
            r = (10 + (i % 4) * 6) * pulse
            p.drawEllipse(node, r, r)
    elif art.motif == "blocks":
        # Blocks moving up and to the right: agencies relocating to the northeast.
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(18):
            phase = (t * 0.12 + i * 0.137 + seed * 0.05) % 1.0
            x = w * (0.35 + 0.75 * phase) - 120 + (i % 3) * 40
            y = h * (0.95 - 0.8 * phase) + (i % 4) * 30
            size = 28 + (i % 5) * 14
            colour = QColor("#ffffff" if i % 4 == 0 else light)
            colour.setAlpha(int(230 * math.sin(math.pi * phase)))
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(x, y, size, size), 6, 6)
        pen = QPen(QColor(255, 255, 255, 90), 3)
        p.setPen(pen)
        for k in range(3):
            x0, y0 = w * (0.45 + 0.12 * k), h * 0.8
            p.drawLine(QPointF(x0, y0), QPointF(x0 + 120, y0 - 120))
            p.drawLine(QPointF(x0 + 120, y0 - 120), QPointF(x0 + 70, y0 - 120))
            p.drawLine(QPointF(x0 + 120, y0 - 120), QPointF(x0 + 120, y0 - 70))
    else:
        # Layers of flowing water between hills: a valley kept clean.
        p.setPen(Qt.PenStyle.NoPen)
        for layer in range(6):
            path = QPainterPath()
            base = h * (0.45 + layer * 0.1)
            path.moveTo(0, h)
            for x in range(0, w + 20, 20):
                y = base + math.sin(x / (140 + layer * 30) + t * (0.6 + layer * 0.15) + seed) * (
                    18 + layer * 6
                )
                path.lineTo(x, y)
            path.lineTo(w, h)
            path.closeSubpath()
            colour = QColor(light if layer % 2 else QColor("#ffffff"))
            colour.setAlpha(40 + layer * 22)
            p.setBrush(colour)
            p.drawPath(path)
    p.restore()


def title_card(p: QPainter, art: CornerArt, w: int, h: int, t: float) -> None:
    """Number, Korean title and English title, sliding in during the first second."""
    s = w / 1280
    rise = ease((t - 0.2) / 0.8)
    p.setPen(QColor(255, 255, 255, int(255 * rise)))
    p.setFont(font(26 * s, bold=True))
    p.drawText(QPointF(80 * s, (150 + 30 * (1 - rise)) * s), art.number)
    p.fillRect(QRectF(80 * s, 170 * s, 56 * s * rise, 4 * s), QColor(255, 255, 255))
    p.setFont(font(64 * s, bold=True))
    p.drawText(QPointF(80 * s, (270 + 40 * (1 - rise)) * s), art.ko)
    fade = ease((t - 0.8) / 0.8)
    p.setPen(QColor(255, 255, 255, int(200 * fade)))
    p.setFont(font(30 * s))
    p.drawText(QPointF(82 * s, 330 * s), art.en)


def corner_frame(art: CornerArt, t: float, duration: float, size: tuple[int, int]) -> QImage:
    w, h = size
    image = QImage(w, h, QImage.Format.Format_RGB888)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    background(p, w, h, art.colour, art.deep)
    motif(p, art, w, h, t)
    title_card(p, art, w, h, t)
    p.fillRect(QRectF(0, h - 6, w * t / duration, 6), QColor(255, 255, 255, 150))
    p.end()
    return image


def attract_frame(t: float, duration: float, size: tuple[int, int]) -> QImage:
    """The attract clip: the hall's name, its theme, and the three corners in turn."""
    w, h = size
    s = w / 1280
    image = QImage(w, h, QImage.Format.Format_RGB888)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    background(p, w, h, NAVY, NAVY_DEEP)
    slot = duration / len(CORNERS)
    current = CORNERS[min(int(t / slot), len(CORNERS) - 1)]
    local = t - slot * CORNERS.index(current)
    # Each corner's motif fades in and out under the title: the loop point is the first
    # frame again, so it is drawn so that t=duration looks like t=0.
    p.setOpacity(math.sin(math.pi * local / slot) ** 2 * 0.55)
    motif(p, current, w, h, t)
    p.setOpacity(1)
    p.setPen(QColor("#ffffff"))
    p.setFont(font(40 * s, bold=True))
    p.drawText(QPointF(80 * s, 140 * s), "경기도관")
    p.setFont(font(84 * s, bold=True))
    p.drawText(QPointF(76 * s, 260 * s), "더 공정한 경기")
    p.setPen(QColor(255, 255, 255, 190))
    p.setFont(font(30 * s))
    p.drawText(QPointF(80 * s, 315 * s), "More Just and Fair Gyeonggi")
    # The lower part of the frame stays clear: the kiosk puts its call to touch there.
    for i, art in enumerate(CORNERS):
        active = art is current
        y = (385 + i * 64) * s
        colour = QColor(art.colour)
        p.fillRect(QRectF(80 * s, y - 34 * s, (12 if not active else 22) * s, 44 * s), colour)
        p.setPen(QColor(255, 255, 255, 255 if active else 120))
        p.setFont(font(30 * s, bold=active))
        p.drawText(QPointF(124 * s, y), f"{art.number}  {art.ko}")
    p.end()
    return image


def still(size: tuple[int, int], draw: object) -> QImage:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB888)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(p, *size)  # type: ignore[operator]
    p.end()
    return image


# ----------------------------------------------------------------------------- outputs


def make_images() -> None:
    IMAGES.mkdir(exist_ok=True)
    for art in CORNERS:

        def hero(p: QPainter, w: int, h: int, art: CornerArt = art) -> None:
            background(p, w, h, art.colour, art.deep)
            motif(p, art, w, h, 2.0)

        save(still((1600, 900), hero), IMAGES / f"{art.slug}-hero.jpg")
        # The attract loop's version for a portrait screen.
        save(still((900, 1600), hero), IMAGES / f"{art.slug}-hero-portrait.jpg")
        save(corner_frame(art, 2.5, 8.0, VIDEO_SIZE), IMAGES / f"{art.slug}-poster.jpg")
        palettes = ((art.colour, art.deep), (art.deep, NAVY_DEEP), ("#f1ede4", art.colour))
        for index, (top, bottom) in enumerate(palettes, start=1):

            def plate(
                p: QPainter,
                w: int,
                h: int,
                art: CornerArt = art,
                top: str = top,
                bottom: str = bottom,
                index: int = index,
            ) -> None:
                background(p, w, h, top, bottom)
                motif(p, art, w, h, 1.3 * index, seed=index)

            save(still((1600, 1000), plate), IMAGES / f"{art.slug}-gallery-{index}.jpg")
    save(attract_frame(0.0, 12.0, (1920, 1080)), IMAGES / "attract-still.jpg")


def save(image: QImage, path: Path) -> None:
    if not image.save(str(path), quality=84):
        raise SystemExit(f"could not write {path}")
    print(f"image  {path.relative_to(HERE)}  {path.stat().st_size // 1024} KiB")


def encode(path: Path, duration: float, frame: object, size: tuple[int, int], tone: float) -> None:
    """Encode frames to H.264 + a quiet AAC tone bed (so audio paths are exercised)."""
    w, h = size
    command = [
        shutil.which("ffmpeg") or "ffmpeg",
        "-v",
        "error",
        "-y",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-s",
        f"{w}x{h}",
        "-r",
        str(FPS),
        "-i",
        "-",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency={tone}:sample_rate=48000:duration={duration},volume=0.08,"
        f"afade=t=in:d=0.5,afade=t=out:st={duration - 0.6}:d=0.6",
        "-c:v",
        "libx264",
        "-preset",
        "slow",
        "-crf",
        "26",
        "-pix_fmt",
        "yuv420p",
        "-profile:v",
        "high",
        "-g",
        str(FPS),
        "-threads",
        "1",
        "-c:a",
        "aac",
        "-b:a",
        "48k",
        "-ac",
        "1",
        "-movflags",
        "+faststart",
        "-shortest",
        str(path),
    ]
    process = subprocess.Popen(command, stdin=subprocess.PIPE)
    assert process.stdin is not None
    for index in range(round(duration * FPS)):
        image = frame(index / FPS, duration, size)  # type: ignore[operator]
        process.stdin.write(bytes(image.constBits()))
    process.stdin.close()
    if process.wait() != 0:
        raise SystemExit(f"ffmpeg failed for {path}")
    print(f"video  {path.relative_to(HERE)}  {path.stat().st_size // 1024} KiB")


def make_videos() -> None:
    VIDEO.mkdir(exist_ok=True)
    for art, tone in zip(CORNERS, (220.0, 247.0, 196.0), strict=True):
        encode(
            VIDEO / f"{art.slug}.mp4",
            8.0,
            lambda t, d, s, art=art: corner_frame(art, t, d, s),
            VIDEO_SIZE,
            tone,
        )
    encode(VIDEO / "attract.mp4", 12.0, attract_frame, VIDEO_SIZE, 174.6)


def make_captions() -> None:
    CAPTIONS.mkdir(exist_ok=True)
    for art in CORNERS:
        for lang in ("ko", "en"):
            lines = ["WEBVTT", ""]
            for number, cue in enumerate(art.cues, start=1):
                lines += [
                    str(number),
                    f"{_ts(cue.start)} --> {_ts(cue.end)}",
                    getattr(cue, lang),
                    "",
                ]
            path = CAPTIONS / f"{art.slug}.{lang}.vtt"
            path.write_text("\n".join(lines), encoding="utf-8")
            print(f"vtt    {path.relative_to(HERE)}")


def make_narration() -> None:
    """Read each corner's background page aloud in Korean and English (AAC, mono, 24 kbit/s)."""
    import tempfile

    import yaml

    NARRATION.mkdir(exist_ok=True)
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    corners = manifest["corners"]
    slugs = {corner["id"]: art.slug for corner, art in zip(corners, CORNERS, strict=True)}
    for corner in manifest["corners"]:
        section = next(s for s in corner["sections"] if s["kind"] == "background")
        for lang, voice in VOICES.items():
            text = " ".join(section["body"][lang].split())
            path = NARRATION / f"{slugs[corner['id']]}-background.{lang}.m4a"
            with tempfile.NamedTemporaryFile(suffix=".wav") as wav:
                speak = [shutil.which("espeak-ng") or "espeak-ng", "-v", voice, "-s", "150"]
                subprocess.run([*speak, "-w", wav.name, text], check=True)
                subprocess.run(
                    [
                        shutil.which("ffmpeg") or "ffmpeg", "-y", "-loglevel", "error",
                        "-i", wav.name, "-ac", "1", "-ar", "22050",
                        "-c:a", "aac", "-b:a", "24k", "-map_metadata", "-1",
                        "-fflags", "+bitexact", "-flags:a", "+bitexact", str(path),
                    ],
                    check=True,
                )  # fmt: skip
            print(f"audio  {path.relative_to(HERE)}")


def _ts(seconds: float) -> str:
    whole = int(seconds)
    return f"00:{whole // 60:02d}:{whole % 60:02d}.{round((seconds - whole) * 1000):03d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("fonts", "images", "video", "captions", "narration"))
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    if args.only in (None, "fonts"):
        make_fonts()
    load_fonts()
    if args.only in (None, "images"):
        make_images()
    if args.only in (None, "video"):
        make_videos()
    if args.only in (None, "captions"):
        make_captions()
    if args.only in (None, "narration"):
        make_narration()
    del app


if __name__ == "__main__":
    main()
