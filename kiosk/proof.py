"""`package proof`: every screen a visitor can reach, rendered by the kiosk's own QML
(offscreen, with the booth's software renderer), in every language, landscape and
portrait, and each accessibility mode, as one PDF for the client to sign off, with a
contents page, and an HTML contact sheet beside it.

Each page says what it shows and which package (id, version, digest) it shows it from.
The PDF is written by Qt's QPdfWriter, the pictures by Qt. Like ``kiosk.app``, this is a
composition root; Qt is imported here.
"""

from __future__ import annotations

import html
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontInfo,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from kiosk.app import choose_renderer
from kiosk.bridge.ffmpeg_log import quiet_ffmpeg
from kiosk.bridge.fonts import load_fonts
from kiosk.config import KioskConfig
from kiosk.content.package import ContentPackage, PackageContent
from kiosk.errors import KioskError
from kiosk.files import write_atomically
from kiosk.install.media_store import MediaStore
from kiosk.screens import ORIENTATIONS, Screen, every_screen, plan_of

log = logging.getLogger(__name__)

THUMBNAIL_PX = 480


@dataclass(frozen=True)
class ProofResult:
    pages: int
    pdf: Path
    contact_sheet: Path | None


def make_proof(package_path: Path, pdf: Path, contact_sheet: Path | None = None) -> ProofResult:
    """Render every screen of the package at ``package_path`` into ``pdf`` (and a contact
    sheet folder); raises ``PackageError`` for a package that cannot be opened."""
    choose_renderer(KioskConfig())  # the booth's renderer, before any window exists
    app = QGuiApplication.instance() or QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    quiet_ffmpeg()
    with ContentPackage.open(package_path) as package, tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        media = MediaStore(folder / "media").extract_all(package)
        content = package.content
        plan = plan_of(content, ORIENTATIONS)
        # The proof's own words: the system's sans for Latin letters and digits (a subset
        # font's digits come back from the PDF as control characters), the package's font
        # for Hangul, which the system may not have at all.
        # By its real name: the alias ("Sans Serif") may match the package's font once
        # that is loaded.
        latin = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)).family()
        families = [latin, load_fonts(content, media)]
        writer = _ProofWriter(pdf, content, plan, contact_sheet, families)
        try:
            # Each picture is written as it is made: hundreds of pages are never all in memory.
            for ui, screen in every_screen(content, media, folder, ORIENTATIONS):
                image = ui.window.grabWindow()
                if image.isNull():
                    raise KioskError(f"could not render {screen}")
                writer.add(image)
                log.info("proof: %s, %s, %s, %s", screen.orientation, screen.mode,
                         screen.language, screen.label)  # fmt: skip
        except BaseException:
            writer.abandon()
            raise
        writer.finish()
    return ProofResult(len(plan) + 1, pdf, contact_sheet)


# -- writing


def _caption(content: PackageContent, screen: Screen) -> tuple[str, str]:
    what = f"{screen.label} — {screen.orientation}, {screen.mode}, {screen.language}"
    which = f"{content.package_id} {content.version} · digest {content.manifest_digest[:16]}…"
    return what, which


class _ProofWriter:
    """The PDF (written beside its name, renamed into place when whole) and the contact
    sheet, a page and a picture at a time, in the plan's order."""

    def __init__(
        self,
        pdf: Path,
        content: PackageContent,
        plan: list[Screen],
        sheet: Path | None,
        families: list[str],
    ) -> None:
        self._pdf, self._content, self._plan, self._sheet = pdf, content, plan, sheet
        self._families = [family for family in families if family]
        self._part = pdf.with_name(pdf.name + ".part")
        self._done = 0
        self._cells: list[str] = []
        pdf.parent.mkdir(parents=True, exist_ok=True)
        if sheet is not None:
            sheet.mkdir(parents=True, exist_ok=True)
        self._writer = QPdfWriter(str(self._part))
        self._writer.setTitle(f"Proof: {content.package_id} {content.version}")
        self._writer.setCreator("gyeonggi-kiosk package proof")
        self._writer.setResolution(150)
        self._writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                        QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        )  # fmt: skip
        self._painter = QPainter()
        if not self._painter.begin(self._writer):
            raise KioskError(f"cannot write {pdf}")
        _contents_page(self._painter, self._writer, self._families, content, plan)

    def add(self, image: QImage) -> None:
        screen = self._plan[self._done]
        self._done += 1
        self._writer.newPage()
        _screen_page(self._painter, self._writer, self._families, self._content, screen, image)
        if self._sheet is not None:
            self._cells.append(
                _sheet_picture(self._sheet, self._done, self._content, screen, image)
            )

    def finish(self) -> None:
        self._painter.end()
        self._part.replace(self._pdf)
        if self._sheet is not None:
            _sheet_page(self._sheet, self._content, self._cells)

    def abandon(self) -> None:
        if self._painter.isActive():
            self._painter.end()
        self._part.unlink(missing_ok=True)


class _Type:
    """The proof's own type: one family list, a few sizes; each line is set below the one
    before by the height of its own font, so nothing overlaps whatever the fonts."""

    def __init__(self, painter: QPainter, families: list[str], width: float) -> None:
        self._painter, self._families, self._width = painter, families, width
        self.y = 0.0

    def line(self, text: str, points: int, bold: bool = False, x: float = 0.0) -> None:
        self.put(text, points, bold, x)
        self.y += self._painter.fontMetrics().lineSpacing() * 1.4

    def put(self, text: str, points: int, bold: bool = False, x: float = 0.0) -> None:
        """``text`` at ``x`` on the current line, which stays."""
        font = QFont()
        font.setFamilies(self._families)
        font.setPointSize(points)
        font.setBold(bold)
        # Digests and ids are read back letter by letter: no "ff" or "fi" as one glyph.
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
        self._painter.setFont(font)
        # Hangul comes from another font, whose ascent may be taller: never clipped.
        height = self._painter.fontMetrics().height()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextDontClip
        )
        self._painter.drawText(QRectF(x, self.y, self._width - x, height), flags, text)


def _contents_page(
    painter: QPainter,
    writer: QPdfWriter,
    families: list[str],
    content: PackageContent,
    plan: list[Screen],
) -> None:
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    width = area.width()
    text = _Type(painter, families, width)
    titles = " / ".join(dict.fromkeys(content.title.get(lang) for lang in content.languages))
    text.line(f"Proof — {titles}", 20, bold=True)
    text.line(f"{content.package_id} {content.version} · built {content.built_at}", 10)
    text.line(f"digest {content.manifest_digest}", 9)
    text.y += 24
    text.line("Contents", 11, bold=True)
    groups: dict[tuple[str, str, str], int] = {}
    for number, screen in enumerate(plan, start=2):
        groups.setdefault((screen.orientation, screen.mode, screen.language), number)
    top = text.y
    rows_per_column = max(1, int((area.height() - top) // 30))
    for index, ((orientation, mode, language), page) in enumerate(groups.items()):
        column, row = divmod(index, rows_per_column)
        text.y = top + row * 30
        text.put(f"page {page}: {orientation}, {mode}, {language}", 9, x=column * width / 2)


def _screen_page(
    painter: QPainter,
    writer: QPdfWriter,
    families: list[str],
    content: PackageContent,
    screen: Screen,
    image: QImage,
) -> None:
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    what, which = _caption(content, screen)
    text = _Type(painter, families, area.width())
    text.line(what, 12, bold=True)
    text.line(which, 9)
    top = text.y + 12
    room = QRectF(0, top, area.width(), area.height() - top)
    scale = min(room.width() / image.width(), room.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    target = QRectF(room.x() + (room.width() - w) / 2, room.y(), w, h)
    painter.drawImage(target, image)
    painter.drawRect(target)


def _sheet_picture(
    folder: Path, number: int, content: PackageContent, screen: Screen, image: QImage
) -> str:
    name = f"screen-{number:03d}.jpg"
    small = image.scaled(THUMBNAIL_PX, THUMBNAIL_PX, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    if not small.save(str(folder / name), quality=85):
        raise KioskError(f"cannot write {folder / name}")
    what, _which = _caption(content, screen)
    return (
        f'<figure><img src="{name}" alt=""><figcaption>{number}. {html.escape(what)}'
        "</figcaption></figure>"
    )


def _sheet_page(folder: Path, content: PackageContent, cells: list[str]) -> None:
    title = html.escape(f"Proof: {content.package_id} {content.version}")
    page = (
        f'<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_SHEET_STYLE}</style></head><body><h1>{title}</h1>"
        f"<p>digest {html.escape(content.manifest_digest)}</p>"
        f'<div class="sheet">{"".join(cells)}</div></body></html>'
    )
    write_atomically(folder / "index.html", page.encode("utf-8"))


_SHEET_STYLE = """
body { font-family: "Noto Sans KR", sans-serif; margin: 2rem; color: #14213d; }
.sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
         gap: 1rem; }
figure { margin: 0; } img { width: 100%; border: 1px solid #ccc; }
figcaption { font-size: .8rem; margin-top: .25rem; }
"""
