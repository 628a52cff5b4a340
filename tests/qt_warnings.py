"""Every Qt warning fails the test phase (setup, call or teardown) in which Qt said it.

Qt keeps its own message handler in the tests, as in the running kiosk (docs/decisions/0012):
a Python handler is called on the thread that speaks, and Qt Multimedia's threads speak
while the GUI thread, holding the GIL, waits for them; under load the suite froze so
(pytest-qt's handler, found in gdb). Qt writes each message to file descriptor 2 in a
pattern this plugin knows; pytest's own capture of that descriptor keeps what each phase
wrote, and after the phase this plugin reads the Qt messages out of it. No thread ever
waits for Python to hear Qt. pytest-qt's capture is turned off (``--no-qt-log``).

The warnings that are harmless on some machines are ``qt_log_ignore`` in pyproject.toml
(pytest-qt's setting, read here): each the exact text, anchored at both ends, so a new
warning that merely begins like a known one still fails. A test's ``qt_log_ignore`` mark
extends the list; ``no_qt_log`` turns the check off for one test.

Only pytest's default capture (``--capture=fd``) sees what Qt writes; with ``-s`` Qt's
messages go to the terminal unchecked, and the header says so.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator

import pytest

# One message: a start mark, its type, the text (which may span lines), an end mark.
_START, _END = "\x1eqt ", "\x1e"
_PATTERN = _START + "%{type}: %{message}" + _END
_MESSAGE = re.compile(re.escape(_START) + r"(\w+): (.*?)" + re.escape(_END) + "\n", re.DOTALL)
_FAILING = {"warning", "critical", "fatal"}


def qt_messages(written: str) -> Iterator[tuple[str, str]]:
    """The (type, text) of each Qt message in what a test phase wrote to stderr."""
    for match in _MESSAGE.finditer(written):
        yield match.group(1), match.group(2)


def _checking(config: pytest.Config) -> bool:
    return bool(config.getoption("capture") == "fd")


def pytest_configure(config: pytest.Config) -> None:
    if not _checking(config):
        return
    from PySide6.QtCore import QLoggingCategory, qInstallMessageHandler, qSetMessagePattern

    qInstallMessageHandler(None)  # Qt's own handler, writing to stderr
    qSetMessagePattern(_PATTERN)
    # Only warnings are checked; Qt's chatter (FFmpeg's decoder search at each play) is
    # not written at all, so none of it reaches the terminal between two tests.
    QLoggingCategory.setFilterRules("*.debug=false\n*.info=false")


def pytest_report_header(config: pytest.Config) -> str | None:
    if _checking(config):
        return None
    return "Qt warnings are not checked: only --capture=fd (the default) sees them"


def _ignored_patterns(item: pytest.Item) -> list[re.Pattern[str]]:
    patterns = list(item.config.getini("qt_log_ignore"))
    mark = item.get_closest_marker("qt_log_ignore")
    if mark is not None:
        patterns = [*patterns, *mark.args] if mark.kwargs.get("extend", True) else list(mark.args)
    return [re.compile(pattern) for pattern in patterns]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if not _checking(item.config) or item.get_closest_marker("no_qt_log") is not None:
        return report
    written = "".join(
        text for name, text in report.sections if name == f"Captured stderr {call.when}"
    )
    ignored = _ignored_patterns(item)
    heard = [
        f"Qt{kind.capitalize()}Msg: {text}"
        for kind, text in qt_messages(written)
        if kind in _FAILING and not any(pattern.search(text) for pattern in ignored)
    ]
    if not heard:
        return report
    words = f"Qt warned during the test's {call.when}:\n  " + "\n  ".join(heard)
    if report.outcome == "failed":  # keep the first failure; show the warnings beside it
        report.sections.append((f"Qt warnings {call.when}", words))
    else:
        report.outcome = "failed"
        report.longrepr = words
    return report
