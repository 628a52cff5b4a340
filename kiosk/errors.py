"""The kiosk's error hierarchy.

Every error a user can cause (a content editor, booth staff, a technician) is a
``KioskError`` whose message is written for that person: it says what is wrong and,
where it helps, what to do. The command line prints the message and exits non-zero;
the screen shows it as a notice. Anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class KioskError(Exception):
    """An error a user can cause and understand; ``str(error)`` is the message."""

    exit_code = 1


class ArgumentError(KioskError):
    """What the command was given cannot work (an output that is one of its inputs)."""

    exit_code = 2


class ManifestError(KioskError):
    """A content manifest has one or more mistakes; each names its file and line."""

    exit_code = 2

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = len(problems)
        noun = "mistake" if count == 1 else "mistakes"
        super().__init__(f"{count} {noun} in the manifest:\n" + "\n".join(problems))


class PackageError(KioskError):
    """A content package cannot be opened or used (not a package, damaged, too new)."""


class ConfigError(KioskError):
    """The kiosk configuration file has mistakes; each names its file and line."""

    exit_code = 2
