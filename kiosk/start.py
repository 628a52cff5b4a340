"""The kiosk's entry point (``gyeonggi-kiosk``, ``python -m kiosk``): the show's first
frame first, then the command line.

At the booth (``run``) a kept copy of the show's first frame goes on screen before the
command line and the kiosk are even imported (kiosk/curtain.py); every other command
goes straight to ``kiosk.cli``.
"""

from __future__ import annotations

import sys

from kiosk import trace
from kiosk.heap import keep_large_blocks_apart


def main() -> None:
    """Raise the curtain where one fits, then run the command line."""
    keep_large_blocks_apart()  # before the first large block is ever allocated
    trace.configure_from_environment()
    trace.mark("process_start", argv=sys.argv[1:])
    from kiosk.curtain import raise_curtain

    raise_curtain(sys.argv[1:])
    from kiosk.cli import main as command_line

    command_line()
