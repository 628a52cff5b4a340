"""The content package format (``*.kpkg``): schema, build from YAML, open, verify.

A package is one SQLite file (SQLite's "application file format"): staff copy a single
file, and ``sqlite3 file.kpkg`` opens it. This package imports no Qt module.
"""
