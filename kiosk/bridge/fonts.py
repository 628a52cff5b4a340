"""The package's fonts for Qt: loaded, and the first one made the application's default."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kiosk.content.package import PackageContent
from kiosk.notices import Notice, notice
from kiosk.resources import demo_dir

log = logging.getLogger(__name__)


def load_fonts(content: PackageContent, media: Mapping[str, Path]) -> str:
    """Load the package's fonts (else the demo's) and make the first the default; its family."""
    files = [media[item.sha256] for item in content.fonts if item.sha256 in media]
    if not files:
        files = sorted((demo_dir() / "media" / "fonts").glob("*.woff2"))
    family = ""
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the font %s", path.name)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        font = QFont(family)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        QGuiApplication.setFont(font)
    else:
        log.warning(
            "no font with Korean glyphs could be loaded; Hangul may not show",
            extra=notice(Notice.NO_KOREAN_FONT),
        )
    return family
