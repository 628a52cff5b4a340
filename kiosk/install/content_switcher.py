"""When new content goes on screen: installed → waiting → shown when quiet.

A package installed in the background must never change the screen under a visitor's
finger: it waits until the session ends (or shows at once when nobody is there). One that
staff approved at the screen, or rolled back to, shows at once: they are the ones there.
Qt-free: the kiosk calls it on the GUI thread and passes how content is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)


class ContentSwitcher:
    """``show(path)`` puts a package on screen (False when it could not, and the old one
    stays); ``visitor_present()`` says whether a session runs; ``waiting_changed(path)``
    hears of the package waiting (None when none), for the staff panel."""

    def __init__(
        self,
        show: Callable[[Path], bool],
        visitor_present: Callable[[], bool],
        waiting_changed: Callable[[Path | None], None] = lambda path: None,
    ) -> None:
        self._show = show
        self._visitor_present = visitor_present
        self._waiting_changed = waiting_changed
        self._waiting: Path | None = None

    @property
    def waiting(self) -> Path | None:
        """The package that shows at the next quiet moment, if any."""
        return self._waiting

    def installed(self, path: Path) -> None:
        """A package was installed in the background: now if nobody is here, else later."""
        self._wait_for(path)
        if not self._visitor_present():
            self.quiet()

    def show_now(self, path: Path) -> None:
        """Staff chose it at the screen: show it at once, visitor or not."""
        self._wait_for(path)
        self.quiet()

    def quiet(self) -> bool:
        """Nobody is using the screen (a session ended): show what waits. True if
        something new went on screen."""
        path = self._waiting
        if path is None:
            return False
        self._wait_for(None)
        return self._show(path)

    def _wait_for(self, path: Path | None) -> None:
        if path != self._waiting:
            self._waiting = path
            self._waiting_changed(path)
