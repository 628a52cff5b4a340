"""The suite's rule for Qt warnings: any warning fails the test that caused it, in its call
or its teardown, from any thread, whatever ran before; only the exact texts listed as
harmless pass."""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import REPO

pytest_plugins = ["pytester"]

_TESTS = """
import pytest
from PySide6.QtCore import QThread, qWarning

@pytest.fixture
def warns_when_closed():
    yield
    qWarning(WORDS)

def test_teardown(warns_when_closed):
    pass

def test_call():
    qWarning(WORDS)

class Speaker(QThread):
    def run(self):
        qWarning(WORDS)

def test_other_thread(qapp):
    speaker = Speaker()
    speaker.start()
    speaker.wait()
"""


@pytest.fixture
def run_suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """Run a two-test suite with the project's Qt settings; WORDS is what Qt 'warns'."""
    options = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]
    ini = options["ini_options"]
    ignored = "\n".join(f"    {pattern}" for pattern in ini["qt_log_ignore"])
    pytester.makeini(f"[pytest]\nqt_api = pyside6\nqt_log_ignore =\n{ignored}\n")
    monkeypatch.setenv("PYTHONPATH", str(REPO))

    def run(words: str) -> pytest.RunResult:
        pytester.makepyfile(f"WORDS = {words!r}\n" + _TESTS)
        return pytester.runpytest_subprocess("-p", "tests.qt_warnings", "--no-qt-log")

    return run


def test_a_warning_fails_the_test_in_whose_call_teardown_or_thread_it_came(run_suite) -> None:
    result = run_suite("libfoo.so: cannot load")
    result.assert_outcomes(passed=1, failed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_teardown*",
            "*Qt warned during the test's teardown*",
            "*QtWarningMsg: libfoo.so: cannot load*",
        ]
    )
    result.stdout.fnmatch_lines(["FAILED *::test_call*", "FAILED *::test_other_thread*"])


def test_a_warning_of_several_lines_is_told_whole(run_suite) -> None:
    result = run_suite("Main.qml:3: first line\nsecond line")
    result.assert_outcomes(passed=1, failed=2, errors=1)
    result.stdout.fnmatch_lines(["*QtWarningMsg: Main.qml:3: first line", "second line"])


def test_a_known_harmless_warning_passes_by_its_exact_text(run_suite) -> None:
    run_suite("PulseAudioService: pa_context_connect() failed").assert_outcomes(passed=3)


def test_a_warning_that_only_begins_like_a_harmless_one_fails(run_suite) -> None:
    result = run_suite("PulseAudioService: pa_context_connect() failed; and the codec is gone")
    result.assert_outcomes(passed=1, failed=2, errors=1)
