"""Text from a package or a stick, made safe to print on a terminal or in a log line.

A package's titles and names are its author's: an escape sequence in them could move the
cursor, rewrite what the terminal showed before, or set its title. Control and format
characters are shown as escapes instead (``\\x1b``, ``\\u202e``); everything printable,
Hangul included, is left as it is.
"""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """``text`` with every control or format character (tab and the rest) escaped."""
    return "".join(
        character
        if unicodedata.category(character) not in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
        else repr(character)[1:-1]
        for character in text
    )
