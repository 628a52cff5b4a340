"""Every Qt warning fails the test that caused it, whenever in the test it comes.

pytest-qt fails a test on a Qt warning emitted in its setup or call (``qt_log_level_fail``),
then stops listening: a warning from a fixture's teardown (a window closing, a player
stopping, a session fixture's last clean-up) failed nothing and blamed no one. This plugin
listens through each teardown as well and reports such a warning as an error in that test's
teardown, naming the warning.

The warnings that are harmless on some machines are ``qt_log_ignore`` in pyproject.toml:
each the exact text, anchored at both ends, so a new warning that merely begins like a known
one still fails. A test's own ``qt_log_ignore`` mark extends the list, as in pytest-qt.
"""

from __future__ import annotations

import re
from collections.abc import Generator

import pytest


def _ignored_patterns(item: pytest.Item) -> list[re.Pattern[str]]:
    patterns = list(item.config.getini("qt_log_ignore"))
    mark = item.get_closest_marker("qt_log_ignore")
    if mark is not None:
        patterns = [*patterns, *mark.args] if mark.kwargs.get("extend", True) else list(mark.args)
    return [re.compile(pattern) for pattern in patterns]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    if item.get_closest_marker("no_qt_log") is not None:
        return (yield)
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    ignored = _ignored_patterns(item)
    heard: list[str] = []

    def listen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if not any(pattern.search(message) for pattern in ignored):
            heard.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(listen)
    try:
        result = yield
    finally:
        qInstallMessageHandler(previous)
    if heard:
        pytest.fail("Qt warned while the test was torn down:\n  " + "\n  ".join(heard))
    return result
