"""Gyeonggi Hall kiosk: the exhibit touchscreen of the Gyeonggi Hall.

The package is split as docs/decisions/0001-layout.md explains: ``content`` (the package
format), ``bridge`` (what QML sees), ``app`` (wiring) and ``cli`` (the command line).
Nothing here opens, connects or reads on import.
"""

__version__ = "0.1.0"
