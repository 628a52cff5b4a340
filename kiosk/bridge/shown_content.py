"""Putting another package on screen while the show runs: open it, unpack its media, load
its fonts, hand it to the exhibit and the visitor session, and only then let go of the
one before. Anything that fails leaves the old content showing. Content put on screen
this way is on trial (kiosk/install/crash_guard.py) until it has shown a while."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.bridge.exhibit import Exhibit
from kiosk.bridge.fonts import load_fonts
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.content.package import ContentPackage
from kiosk.errors import KioskError
from kiosk.install.crash_guard import TRIAL_SECONDS, CrashGuard
from kiosk.install.installer import Installer
from kiosk.notices import Notice, notice

log = logging.getLogger(__name__)


class ShownContent(QObject):
    """The package on screen after the first one (which the application opened)."""

    def __init__(
        self,
        exhibit: Exhibit,
        session: VisitorSession,
        installer: Installer,
        crash_guard: CrashGuard | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._session = session
        self._installer = installer
        self._crash_guard = crash_guard
        self._package: ContentPackage | None = None
        self._trial = QTimer(self, singleShot=True, interval=int(TRIAL_SECONDS * 1000))
        if crash_guard is not None:
            self._trial.timeout.connect(crash_guard.passed)

    def start_trial(self) -> None:
        """The content shown now passes its trial once it has been on screen a while."""
        if self._crash_guard is not None:
            self._trial.start()

    def show(self, path: Path) -> bool:
        """Show the installed package ``path``; False (and the old content) if it cannot."""
        package: ContentPackage | None = None
        try:
            package = ContentPackage.open(path)
            media = self._installer.media.extract_all(package)
        except (KioskError, OSError) as error:
            if package is not None:
                package.close()
            log.error(
                "the new content could not be shown, keeping the old: %s",
                error,
                extra=notice(Notice.CONTENT_NOT_SHOWN),
            )
            return False
        if self._crash_guard is not None:
            self._crash_guard.begin(path.name)
            self.start_trial()
        family = load_fonts(package.content, media)
        self._exhibit.show_content(package.content, media, family)
        self._session.show_content(package.content)
        if self._package is not None:
            self._package.close()
        self._package = package
        self._installer.remove_unused_media(set(package.content.media))
        log.info("now showing %s %s", package.content.package_id, package.content.version)
        return True

    def close(self) -> None:
        self._trial.stop()
        if self._package is not None:
            self._package.close()
            self._package = None
