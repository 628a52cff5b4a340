"""The staff PIN: hashed, checked, and locked against guessing."""

from __future__ import annotations

import pytest

from kiosk.errors import KioskError
from kiosk.staff.pin import PinGate, hash_pin, pin_matches


def test_the_hash_is_salted_and_checks() -> None:
    """Two hashes of one PIN differ (salt); each matches the PIN and nothing else."""
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and "2468" not in first
    assert pin_matches(first, "2468") and pin_matches(second, "2468")
    assert not pin_matches(first, "2469")
    assert not pin_matches("nonsense", "2468")


def test_a_pin_is_4_to_8_digits() -> None:
    with pytest.raises(KioskError):
        hash_pin("12a4")
    with pytest.raises(KioskError):
        hash_pin("123")


def test_five_wrong_tries_lock_for_a_minute_then_doubling() -> None:
    """After five wrong PINs nothing is accepted for 60 s, then 120 s after five more."""
    now = [0.0]
    gate = PinGate(hash_pin("2468"), clock=lambda: now[0])
    for _ in range(5):
        assert not gate.check("0000")
    assert gate.locked_for() == 60
    assert not gate.check("2468")  # locked, even the right PIN
    now[0] += 60
    assert gate.check("2468")
    for _ in range(5):
        gate.check("0000")
    assert gate.locked_for() == 120


def test_no_pin_set_accepts_nothing() -> None:
    gate = PinGate(None, clock=lambda: 0.0)
    assert not gate.configured and not gate.check("0000")


def test_set_pin_keeps_only_a_hash_in_the_config(run_cli, tmp_path) -> None:
    """'staff set-pin' writes a hash, keeps the file's other lines, and never the PIN."""
    from kiosk.config import load_config
    from kiosk.staff.pin import pin_matches

    config = tmp_path / "kiosk.yaml"
    config.write_text("# booth 1\ndisplay:\n  screen: 0\n")
    result = run_cli("--config", config, "staff", "set-pin", stdin="73914\n73914\n")
    assert result.returncode == 0, result.stderr
    text = config.read_text()
    assert "73914" not in text and "# booth 1" in text
    stored = load_config(config).staff_pin_hash
    assert stored is not None and pin_matches(stored, "73914")
    assert "73914" not in result.stdout + result.stderr
    again = run_cli("--config", config, "staff", "set-pin", stdin="12\n12\n")
    assert again.returncode == 1 and "4 to 8 digits" in again.stderr
