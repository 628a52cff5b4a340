"""The layout check: every screen a visitor can reach, brought up by the kiosk's own QML at
the booth panel's size (``kiosk.screens``), and each text of the package on it measured:

- it fits its place: not cut short, not wider than its box;
- its lines are no longer than a visitor reads comfortably standing (the Smithsonian's 45
  to 55 characters for Latin script; about 40 for Hangul, whose syllables say more);
- its characters are tall enough on the panel, in millimetres (``display.panel``).

Each finding is a warning on the manifest's line of that text, with the screen where it
is worst. It runs in a process of its own (``python -m kiosk.layout_check``, a JSON
request on stdin, JSON lines on stdout; ``kiosk.content.layout_client`` starts it), so
that Qt's windows, its messages and its start never touch the editor's build or preview.

Like ``kiosk.app``, this is a composition root; Qt is imported here.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.config import DisplayConfig, KioskConfig, PanelConfig
from kiosk.content.manifest_texts import ManifestTexts
from kiosk.content.package import ContentPackage, PackageContent
from kiosk.yamlsource import Location, label_of, load_yaml

log = logging.getLogger(__name__)

# The longest comfortable line, in characters.
LATIN_LINE = 55
HANGUL_LINE = 40

FIT, LINE, SIZE = "fit", "line", "size"

Progress = Callable[[int, int], None]
"""Told how many screens of how many are checked."""


@dataclass(frozen=True)
class Finding:
    """One text measured wrong on one screen: which rule, where in the manifest, by how
    much (characters a line, millimetres; nothing for a text that does not fit)."""

    rule: str
    place: Location
    language: str
    amount: float
    where: str


def mostly_hangul(text: str) -> bool:
    """True when most of the letters in ``text`` are Hangul (or other CJK) characters."""
    letters = [char for char in text if char.isalpha()]
    wide = sum(1 for char in letters if unicodedata.east_asian_width(char) in ("W", "F"))
    return bool(letters) and wide * 2 >= len(letters)


def check_sizes(display: DisplayConfig) -> dict[str, tuple[int, int]]:
    """The screen sizes to check at: the panel's picture, else both orientations of a
    full-HD screen."""
    from kiosk.screens import ORIENTATIONS

    size = display.picture_size()
    if size is None:
        return dict(ORIENTATIONS)
    return {f"{size[0]}x{size[1]}": size}


def check_layout(
    content: PackageContent,
    media: Mapping[str, Path],
    texts: ManifestTexts,
    config: KioskConfig,
    folder: Path,
    progress: Progress | None = None,
) -> list[str]:
    """Every warning of the check on ``content`` (its media files in ``media``), each on
    the line of ``texts``' manifest where that text is written, in the manifest's order."""
    from kiosk.screens import every_screen, plan_of

    sizes = check_sizes(config.display)
    total = len(plan_of(content, sizes))
    tallies: dict[tuple[object, ...], _Tally] = {}
    line = texts.doc.lines.get
    for done, (ui, screen) in enumerate(
        every_screen(content, media, folder, sizes, config), start=1
    ):
        where = f"on {screen.label} ({screen.orientation}, {screen.mode})"
        panel = config.display.panel
        for finding in findings_on(ui.window, screen.language, texts, panel, where):
            key = _key(finding)
            tally = tallies.setdefault(key, _Tally(finding))
            tally.add(finding, line(finding.place, 0) < line(tally.finding.place, 0))
        if progress is not None:
            progress(done, total)
    found = [
        (line(tally.finding.place, 0), texts.doc.problem(tally.finding.place, tally.words(config)))
        for tally in tallies.values()
    ]
    return [words for _number, words in sorted(found)]


def _key(finding: Finding) -> tuple[object, ...]:
    # Characters too small are the panel's and the type scale's doing, not one text's: one
    # warning for every text of a language at one size, on the first of them.
    if finding.rule == SIZE:
        return (SIZE, finding.language, round(finding.amount, 1))
    return (finding.rule, finding.place)


@dataclass
class _Tally:
    """One warning's findings: the one it shows, on how many screens, in how many texts."""

    finding: Finding
    screens: set[str] = field(default_factory=set)
    places: set[Location] = field(default_factory=set)

    def add(self, finding: Finding, earlier_in_manifest: bool) -> None:
        self.screens.add(finding.where)  # a text shown twice on a screen is one screen
        self.places.add(finding.place)
        worse = finding.rule == LINE and finding.amount > self.finding.amount
        if worse or (finding.rule == SIZE and earlier_in_manifest):
            self.finding = finding

    def words(self, config: KioskConfig) -> str:
        finding = self.finding
        label = label_of(finding.place)
        others = len(self.screens) - 1
        also = f" and {others} other screen{'s' if others > 1 else ''}" if others else ""
        if finding.rule == FIT:
            return (
                f"{label}: does not fit its place {finding.where}{also}: the kiosk cuts it "
                "short; shorten it"
            )
        if finding.rule == LINE:
            return (
                f"{label}: lines of {finding.amount:.0f} characters {finding.where}{also}: a "
                f"visitor reads lines of at most about {LATIN_LINE} characters ({HANGUL_LINE} "
                "of Hangul) most easily"
            )
        panel = config.display.panel
        texts = len(self.places) - 1
        more = f" (and {texts} more text{'s' if texts > 1 else ''} in {finding.language})"
        # Down, not to the nearest: 3.96 mm is not "4.0 mm", which would pass.
        tall = math.floor(finding.amount * 10) / 10
        # The kiosk sizes its type by the screen's short side: only a larger panel helps.
        diagonal = panel.diagonal()
        larger = (
            f"; a panel of {math.ceil(diagonal * panel.min_character_mm / finding.amount)} "
            "inches or more shows it so"
            if diagonal
            else ""
        )
        return (
            f"{label}: characters {tall:.1f} mm tall on the panel {finding.where}"
            f"{more if texts else ''}: at least {panel.min_character_mm:g} mm reads well "
            f"where a visitor stands (display.panel.min_character_mm){larger}"
        )


def findings_on(
    window: object,
    language: str,
    texts: ManifestTexts,
    panel: PanelConfig,
    where: str,
) -> Iterator[Finding]:
    """What is wrong with the manifest's texts that ``window`` (at the panel's resolution)
    shows now."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtQuick import QQuickWindow

    from kiosk.bridge.scene import shown_texts

    assert isinstance(window, QQuickWindow)
    mm_per_px = panel.mm_per_px()
    for item in shown_texts(window):
        text = str(item.property("text"))
        place = texts.place_of(text, language)
        if place is None:
            continue  # the kiosk's own words
        width = item.width()
        if item.property("truncated") or float(item.property("contentWidth")) > width + 1:
            yield Finding(FIT, place, language, 0, where)
        metrics = QFontMetricsF(item.property("font"))
        hangul = mostly_hangul(text)
        words = " ".join(text.split())
        if int(item.property("lineCount")) >= 2 and (advance := metrics.horizontalAdvance(words)):
            per_line = width * len(words) / advance
            if per_line > (HANGUL_LINE if hangul else LATIN_LINE) + 0.5:
                yield Finding(LINE, place, language, per_line, where)
        if mm_per_px is not None and item.height() > 0:
            # Hangul by a syllable's height, Latin by a capital's (as ISO 9241-303 counts).
            glyph = metrics.tightBoundingRect("한").height() if hangul else metrics.capHeight()
            shown = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
            tall = glyph * shown.height() / item.height() * mm_per_px
            if tall < panel.min_character_mm:
                yield Finding(SIZE, place, language, tall, where)


# -- as a process of its own


def _say(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> int:
    """``python -m kiosk.layout_check``: a request (``kiosk.content.layout_client``) on
    stdin; ``{"done": N, "of": M}`` lines as screens are checked, then ``{"warnings": [...]}``
    (or ``{"error": "..."}`` and exit 1) on stdout."""
    try:
        request = json.load(sys.stdin)
        config = KioskConfig.model_validate(request["config"])
        package, manifest = Path(request["package"]), Path(request["manifest"])
        media = {sha: Path(path) for sha, path in request["media"].items()}
    except (ValueError, KeyError, TypeError) as error:
        _say({"error": f"not a layout check request: {error}"})
        return 2
    if request.get("background"):
        os.nice(10)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window on the editor's desk
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import choose_renderer
    from kiosk.bridge.ffmpeg_log import quiet_ffmpeg
    from kiosk.errors import KioskError

    choose_renderer(config)
    app = QGuiApplication.instance() or QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    quiet_ffmpeg()
    doc = load_yaml(manifest)
    parent = os.getppid()

    def progress(done: int, total: int) -> None:
        if os.getppid() != parent:  # the build or preview that asked is gone: so is the question
            raise SystemExit(1)
        _say({"done": done, "of": total})

    try:
        with ContentPackage.open(package) as opened, tempfile.TemporaryDirectory() as folder:
            content = opened.content
            texts = ManifestTexts(doc, content.languages)
            warnings = check_layout(content, media, texts, config, Path(folder), progress)
    except KioskError as error:
        _say({"error": str(error)})
        return 1
    _say({"warnings": warnings})
    return 0


if __name__ == "__main__":
    sys.exit(main())
