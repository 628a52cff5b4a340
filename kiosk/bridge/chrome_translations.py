"""The UI's own words (button names, notices) in the visitor's language, with Qt's tools.

QML marks them with ``qsTr``; ``ui/i18n/kiosk_<lang>.ts`` holds the translations (English
is the source language). Qt loads only compiled ``.qm`` files, which are build outputs and
not kept in git: they are compiled here with the ``lrelease`` that ships with PySide6,
once per change of a ``.ts`` file, into the kiosk's cache.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtQml import QQmlEngine

log = logging.getLogger(__name__)


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease here (PySide6's own, else one on PATH)."""
    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.is_file():
        return [str(bundled)]
    for name in ("pyside6-lrelease", "lrelease"):
        if found := shutil.which(name):
            return [found]
    return None


def compile_translation(ts_file: Path, cache_dir: Path) -> Path | None:
    """The ``.qm`` for ``ts_file`` in ``cache_dir``, compiled now if the source changed."""
    digest = hashlib.sha256(ts_file.read_bytes()).hexdigest()[:16]
    qm_file = cache_dir / f"{ts_file.stem}-{digest}.qm"
    if qm_file.is_file():
        return qm_file
    command = lrelease_command()
    if command is None:
        log.warning("lrelease not found: the UI's own words stay in English")
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = qm_file.with_suffix(".part")
    result = subprocess.run(
        [*command, "-silent", str(ts_file), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not partial.is_file():
        log.warning("could not compile %s: %s", ts_file.name, result.stderr.strip())
        partial.unlink(missing_ok=True)
        return None
    partial.replace(qm_file)
    for old in cache_dir.glob(f"{ts_file.stem}-*.qm"):
        if old != qm_file:
            old.unlink(missing_ok=True)
    return qm_file


class ChromeTranslations(QObject):
    """Switches the UI's own words between languages and re-renders the QML."""

    def __init__(
        self, engine: QQmlEngine, ts_dir: Path, cache_dir: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._ts_dir = ts_dir
        self._cache_dir = cache_dir
        self._translators: dict[str, QTranslator] = {}
        self._installed: QTranslator | None = None

    def _translator(self, language: str) -> QTranslator | None:
        if language not in self._translators:
            ts_file = self._ts_dir / f"kiosk_{language}.ts"
            if not ts_file.is_file():
                return None
            qm_file = compile_translation(ts_file, self._cache_dir)
            translator = QTranslator(self)
            if qm_file is None or not translator.load(str(qm_file)):
                return None
            self._translators[language] = translator
        return self._translators[language]

    def use(self, language: str) -> None:
        """Show the UI's words in ``language`` (English when there is no translation)."""
        wanted = self._translator(language)
        if wanted is self._installed:
            return
        if self._installed is not None:
            QCoreApplication.removeTranslator(self._installed)
        if wanted is not None:
            QCoreApplication.installTranslator(wanted)
        self._installed = wanted
        self._engine.retranslate()

    def stop(self) -> None:
        """Take the UI's words out of the application (the kiosk's window is closing)."""
        if self._installed is not None:
            QCoreApplication.removeTranslator(self._installed)
            self._installed = None
