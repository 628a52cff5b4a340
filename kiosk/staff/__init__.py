"""Staff access: the PIN, kept only as a salted hash, and the lock after wrong tries.
Imports no Qt module."""
