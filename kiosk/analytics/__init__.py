"""The local interaction log and its reports: what visitors did, never who they are.
Imports no Qt module."""
