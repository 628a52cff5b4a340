"""The live preview's engine: the manifest and every media file it names are watched; each
save rebuilds the content (off the GUI thread, media bytes left out, unchanged files not
read again) and puts it on screen where the editor was: the same corner, section page,
language and accessibility modes. A manifest with mistakes keeps the last good content on
screen, with the mistakes over it, until they are fixed. After each good build the layout
check (``kiosk.layout_check``) runs in the background, and its warnings join the build's.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

from PySide6.QtCore import Property, QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.fonts import load_fonts
from kiosk.bridge.scene import find_item
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.config import KioskConfig
from kiosk.content.builder import BuildResult, build_package
from kiosk.content.layout_client import LayoutCheck, LayoutCheckStoppedError
from kiosk.content.media_memo import FileChangedError, MediaMemo
from kiosk.content.package import ContentPackage
from kiosk.errors import KioskError, ManifestError

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "PreviewReloader", "build_preview"]

log = logging.getLogger(__name__)

# Saves come in bursts (an editor writes a temporary file and renames it; a media tool
# writes in pieces): the rebuild waits this long after the last change it hears of.
SETTLE_MS = 120


class StillBeingWrittenError(Exception):
    """A file the build read changed while it was read: a save is still under way."""


def build_preview(
    manifest: Path, out: Path, memo: MediaMemo, allow_media_outside: bool
) -> BuildResult:
    """The manifest's content as a package without media bytes, for the preview. Raises
    ``StillBeingWrittenError`` when the manifest or a media file changed during the build (an
    editor's save arrives in pieces): then a later build will read it whole."""
    before = _stat(manifest)
    try:
        result = build_package(
            manifest,
            out,
            media_bytes=False,
            memo=memo,
            allow_media_outside=allow_media_outside,
        )
    except FileChangedError as error:
        raise StillBeingWrittenError(str(error)) from error
    except ManifestError:
        # A picture saved half-way is no picture: a mistake only if it stays so.
        if _stat(manifest) != before or memo.changed_since_read(memo.read_paths()):
            raise StillBeingWrittenError(str(manifest)) from None
        raise
    if _stat(manifest) != before or memo.changed_since_read(result.media_sources):
        raise StillBeingWrittenError(str(manifest))
    return result


def _line_of(problem: str) -> int:
    """The line a "manifest.yaml:LINE: ..." problem names (0 when it names none)."""
    match = re.match(r"[^:]*:(\d+):", problem)
    return int(match.group(1)) if match else 0


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


@QmlElement
@QmlUncreatable("The preview is made by the application.")
class PreviewReloader(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """``problems`` are the manifest's mistakes now ("file:LINE: where: what"), empty when
    the content on screen is the manifest as saved."""

    problemsChanged = Signal()
    warningsChanged = Signal()
    # A rebuild put new content on screen (with the seconds from the save it followed).
    reloaded = Signal(float)
    # The layout check of the content on screen has finished (its warnings are in).
    layoutChecked = Signal()
    _finished = Signal(object, object, float)  # from the build thread: result, error, started
    _laidOut = Signal(object, int)  # from a layout check's thread: its warnings, its build

    def __init__(
        self,
        manifest: Path,
        out: Path,
        window: QQuickWindow,
        exhibit: Exhibit,
        session: VisitorSession,
        package: ContentPackage,
        first: BuildResult,
        allow_media_outside: bool = False,
        memo: MediaMemo | None = None,
        config: KioskConfig | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``config`` (the booth's panel) for the layout check after each good build; None:
        no layout check."""
        super().__init__(parent)
        self._manifest = manifest.resolve()
        self._out = out
        self._window = window
        self._exhibit = exhibit
        self._session = session
        self._package = package
        self._allow_outside = allow_media_outside
        self._memo = memo or MediaMemo()
        self._problems: list[str] = []
        self._build_warnings: list[str] = self._short(first.warnings)
        self._layout_warnings: list[str] = []
        self._config = config
        self._layout: LayoutCheck | None = None
        self._builds = 0  # good builds so far: a layout check answers for one of them
        self._building = False
        self._again = False
        self._changed_at = 0.0
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.rebuild)
        self._finished.connect(self._built)
        self._laidOut.connect(self._layout_checked)
        self._watch(first)
        self._check_layout(first)

    @Property("QStringList", notify=problemsChanged)  # type: ignore[arg-type]  # a Qt type name
    def problems(self) -> list[str]:
        return self._problems

    @Property("QStringList", notify=warningsChanged)  # type: ignore[arg-type]  # a Qt type name
    def warnings(self) -> list[str]:
        """What builds but reads or plays worse at a booth (kiosk/content/lint.py), as of
        the last good build, and the layout check's once it has run, in the manifest's
        order."""
        return sorted(self._build_warnings + self._layout_warnings, key=_line_of)

    def close(self) -> None:
        self._settle.stop()
        self._stop_layout_check()
        self._package.close()

    # -- watching

    def _watch(self, result: BuildResult | None) -> None:
        """The manifest, its folder (an editor that saves by renaming replaces the file)
        and each media file the last good build read."""
        files = {self._manifest, *(result.media_sources if result else ())}
        folders = {self._manifest.parent} | {path.parent for path in files}
        wanted = {str(path) for path in files | folders if path.exists()}
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        if stale := sorted(watched - wanted):
            self._watcher.removePaths(stale)
        if new := sorted(wanted - watched):
            self._watcher.addPaths(new)

    @Slot(str)
    def _changed(self, _path: str) -> None:
        self._changed_at = time.monotonic()
        self._settle.start()

    # -- building

    @Slot()
    def rebuild(self) -> None:
        """Build again now (or as soon as the build under way ends)."""
        if self._building:
            self._again = True
            return
        self._building = True
        started = self._changed_at or time.monotonic()

        def build() -> None:
            try:
                result = build_preview(self._manifest, self._out, self._memo, self._allow_outside)
            except StillBeingWrittenError:
                self._finished.emit(None, None, started)  # the save's next piece builds again
            except ManifestError as error:
                self._finished.emit(None, error.problems, started)
            except KioskError as error:
                self._finished.emit(None, [str(error)], started)
            except Exception as error:  # a preview must outlive any one bad save
                log.exception("the preview could not be rebuilt")
                self._finished.emit(None, [f"{self._manifest}: {error}"], started)
            else:
                self._finished.emit(result, None, started)

        threading.Thread(target=build, name="preview-build", daemon=True).start()

    @Slot(object, object, float)
    def _built(
        self, result: BuildResult | None, problems: list[str] | None, started: float
    ) -> None:
        self._building = False
        if result is None and problems is None:
            # Still being written: build again once it has settled, leaving the content
            # and the mistakes on screen as they are.
            self._settle.start()
            return
        if result is not None:
            try:
                self._show(result)
            except KioskError as error:
                problems = [str(error)]
            else:
                before = self.warnings
                self._build_warnings = self._short(result.warnings)
                self._layout_warnings = []  # of the content before: checked again now
                if self.warnings != before:
                    self.warningsChanged.emit()
                self.reloaded.emit(time.monotonic() - started)
                self._check_layout(result)
        self._set_problems(problems or [])
        self._watch(result)
        if self._again:
            self._again = False
            self.rebuild()

    # -- the layout check

    def _check_layout(self, result: BuildResult) -> None:
        """The layout of the content just shown, checked in a process of its own at a lower
        priority; a newer build's check replaces it."""
        self._stop_layout_check()
        self._builds += 1
        if self._config is None:
            return
        build = self._builds
        try:
            check = LayoutCheck(
                result.path, self._manifest, result.media_files, self._config, background=True
            )
        except KioskError as error:
            self._laidOut.emit([str(error)], build)
            return
        self._layout = check

        def wait() -> None:
            try:
                warnings = check.wait()
            except LayoutCheckStoppedError:
                return
            except KioskError as error:
                warnings = [str(error)]
            self._laidOut.emit(warnings, build)

        threading.Thread(target=wait, name="preview-layout", daemon=True).start()

    def _stop_layout_check(self) -> None:
        if self._layout is not None:
            self._layout.stop()
            self._layout = None

    @Slot(object, int)
    def _layout_checked(self, warnings: list[str], build: int) -> None:
        if build != self._builds:
            return  # of content no longer shown
        self._layout = None
        warnings = self._short(warnings)
        if warnings != self._layout_warnings:
            self._layout_warnings = warnings
            self.warningsChanged.emit()
        self.layoutChecked.emit()

    def _short(self, lines: tuple[str, ...] | list[str]) -> list[str]:
        # "manifest.yaml:12: ...": the editor knows which folder they are working in.
        folder = f"{self._manifest.parent}/"
        return [line.removeprefix(folder) for line in lines]

    def _set_problems(self, problems: list[str]) -> None:
        problems = self._short(problems)
        if problems != self._problems:
            self._problems = problems
            self.problemsChanged.emit()

    def _show(self, result: BuildResult) -> None:
        """The new content on screen where the editor was."""
        package = ContentPackage.open(result.path)
        content = package.content
        language = self._exhibit.current_language
        corner = self._exhibit.open_corner_id
        pager = self.find_item("sectionPager")
        section = int(pager.property("currentIndex")) if pager and corner else 0
        family = load_fonts(content, result.media_files)
        self._exhibit.show_content(content, result.media_files, family)
        self._session.show_content(content)
        self._package.close()
        self._package = package
        if language in content.languages:
            self._exhibit.set_language(language)
        if corner and self._exhibit.openCorner(corner):
            # The corner's pages are laid out by QML first; then the same page again.
            QTimer.singleShot(0, lambda: self._restore_section(section))
        log.info("preview: %s reloaded", self._manifest.name)

    def _restore_section(self, index: int) -> None:
        pager = self.find_item("sectionPager")
        if pager is not None:
            pager.setProperty("currentIndex", index)

    def find_item(self, name: str) -> QQuickItem | None:
        """The window's item of that objectName."""
        return find_item(self._window, name)
