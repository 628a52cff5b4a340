"""Putting packages on the kiosk: the content-addressed media store (and, later, discovery,
staging, the atomic switch and rollback). Imports no Qt module."""
