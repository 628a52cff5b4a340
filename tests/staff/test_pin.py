"""The staff PIN: hashed, checked, and locked against guessing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.errors import ConfigError, KioskError
from kiosk.staff.pin import PinGate, hash_pin, lock_file, pin_matches


def test_the_hash_is_salted_and_checks() -> None:
    """Two hashes of one PIN differ (salt); each matches the PIN and nothing else."""
    first, second = hash_pin("246802"), hash_pin("246802")
    assert first != second and "246802" not in first
    assert pin_matches(first, "246802") and pin_matches(second, "246802")
    assert not pin_matches(first, "246803")
    assert not pin_matches("nonsense", "246802")


@pytest.mark.parametrize(
    "pin",
    ["12345", "123456789", "12a456", "١٢٣٤٥٦", "１２３４５６", " 123456", "123456\n"],
    ids=[
        "five digits",
        "nine digits",
        "a letter",
        "Arabic-Indic digits",
        "full-width digits",
        "a space",
        "a newline",
    ],
)
def test_a_pin_is_6_to_8_ascii_digits(pin: str) -> None:
    with pytest.raises(KioskError, match="6 to 8 digits"):
        hash_pin(pin)


def test_a_hash_with_other_parameters_is_refused_in_words(tmp_path: Path) -> None:
    """A config whose hash is cheaper to guess (or would hang the kiosk) does not load."""
    stored = hash_pin("246802")
    for changed in (stored.replace("$16384$", "$2$"), stored.replace("$8$1$", "$8$64$")):
        assert not pin_matches(changed, "246802")
        config = tmp_path / "kiosk.yaml"
        config.write_text(f'staff_pin_hash: "{changed}"\n')
        with pytest.raises(ConfigError, match=r"kiosk\.yaml:1: staff_pin_hash: .*staff set-pin"):
            load_config(config)


def test_the_lock_survives_a_restart(tmp_path: Path) -> None:
    """Five wrong tries, a restart (a new gate on the same data folder): still locked, for
    what remained of the minute; then free, with the next lock twice as long."""
    wall = [1_000_000.0]
    mono = [5.0]
    state = lock_file(tmp_path)

    def gate() -> PinGate:
        return PinGate(hash_pin("246802"), lambda: mono[0], state, wall_clock=lambda: wall[0])

    first = gate()
    for _ in range(5):
        assert not first.check("000000")
    wall[0] += 20
    mono[0] = 1.0  # the machine restarted: its monotonic clock began again
    second = gate()
    assert second.locked_for() == pytest.approx(40)
    assert not second.check("246802")
    wall[0] += 40
    mono[0] += 40
    assert gate().check("246802")
    again = gate()
    for _ in range(5):
        again.check("000000")
    assert gate().locked_for() == pytest.approx(120)


def test_wrong_tries_below_the_lock_also_survive_a_restart(tmp_path: Path) -> None:
    state = lock_file(tmp_path)
    for _ in range(4):
        assert not PinGate(hash_pin("246802"), lambda: 0.0, state).check("000000")
    last = PinGate(hash_pin("246802"), lambda: 0.0, state)
    last.check("000000")
    assert last.locked_for() == pytest.approx(60)


def test_five_wrong_tries_lock_for_a_minute_then_doubling() -> None:
    """After five wrong PINs nothing is accepted for 60 s, then 120 s after five more."""
    now = [0.0]
    gate = PinGate(hash_pin("246802"), clock=lambda: now[0])
    for _ in range(5):
        assert not gate.check("000000")
    assert gate.locked_for() == 60
    assert not gate.check("246802")  # locked, even the right PIN
    now[0] += 60
    assert gate.check("246802")
    for _ in range(5):
        gate.check("000000")
    assert gate.locked_for() == 120


def test_no_pin_set_accepts_nothing() -> None:
    gate = PinGate(None, clock=lambda: 0.0)
    assert not gate.configured and not gate.check("000000")


def test_set_pin_keeps_only_a_hash_in_the_config(run_cli, tmp_path) -> None:
    """'staff set-pin' writes a hash, keeps the file's other lines, and never the PIN."""
    from kiosk.config import load_config
    from kiosk.staff.pin import pin_matches

    config = tmp_path / "kiosk.yaml"
    config.write_text("# booth 1\ndisplay:\n  screen: 0\n")
    result = run_cli("--config", config, "staff", "set-pin", stdin="739145\n739145\n")
    assert result.returncode == 0, result.stderr
    text = config.read_text()
    assert "739145" not in text and "# booth 1" in text
    stored = load_config(config).staff_pin_hash
    assert stored is not None and pin_matches(stored, "739145")
    assert "739145" not in result.stdout + result.stderr
    assert oct(config.stat().st_mode & 0o777) == "0o600"
    again = run_cli("--config", config, "staff", "set-pin", stdin="12\n12\n")
    assert again.returncode == 1 and "6 to 8 digits" in again.stderr
