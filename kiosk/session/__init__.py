"""Visitor sessions: when a visitor is using the screen, when they have left, and what
the screen does in between (the idle warning, the attract loop). Imports no Qt module."""
