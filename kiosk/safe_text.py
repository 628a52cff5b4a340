"""Text from a package or a stick, made safe to print on a terminal, in a report, or in a
spreadsheet cell.

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


# A spreadsheet runs a cell that starts with one of these as a formula (and some a DDE
# command): such a cell is written with a leading apostrophe, which shows it as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """``value`` for a CSV cell: numbers as they are, text printable and never a formula."""
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
