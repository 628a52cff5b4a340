"""Everything that happens when a visitor's session ends, in one place and in order: the
next visitor starts on the home screen in the package's first language, with every
accessibility mode off and its panel closed and no staff PIN pad open, and sees new
content that waited for them to go. A new reset is one more step here, not one more
connection somewhere else."""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.bridge.visitor_session import VisitorSession

log = logging.getLogger(__name__)


class SessionLifecycle:
    """Runs each step, in the order added, when ``session`` ends; a failing step is
    logged and the next still runs."""

    def __init__(self, session: VisitorSession) -> None:
        self._steps: list[tuple[str, Callable[[], object]]] = []
        session.sessionEnded.connect(self._ended)

    def at_session_end(self, words: str, step: Callable[[], object]) -> None:
        """Do ``step`` (``words`` say what, for the log) at every session's end."""
        self._steps.append((words, step))

    def steps(self) -> list[str]:
        return [words for words, _ in self._steps]

    def _ended(self, reason: str) -> None:
        for words, step in self._steps:
            try:
                step()
            except Exception:  # a supervision boundary: the next visitor still gets the rest
                log.exception("at the session's end (%s): %s failed", reason, words)
