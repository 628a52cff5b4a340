"""``run --screenshot``: how a newcomer checks a headless install."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage


def test_run_screenshot_writes_the_home_screen(run_cli, tmp_path: Path) -> None:
    """The demo builds on first use and its home screen is saved as a non-blank PNG."""
    shot = tmp_path / "home.png"
    result = run_cli("run", "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1920, 1080)
    colours = {image.pixel(x, y) for x in range(0, 1920, 97) for y in range(0, 1080, 53)}
    assert len(colours) > 20  # a designed screen, not a blank one
    assert "Input #0" not in result.stderr  # FFmpeg's dump of each file opened is kept out

    again = run_cli("run", "--screenshot", tmp_path / "again.png", "--size", "1080x1920")
    assert again.returncode == 0, again.stderr
    assert QImage(str(tmp_path / "again.png")).height() == 1920
    # The demo was built once and then reused.
    assert len(list((tmp_path / "data" / "demo").glob("*.kpkg"))) == 1


def test_run_on_a_broken_package_says_why(run_cli, tmp_path: Path) -> None:
    """A broken --package is a one-line message and exit 1, not a traceback or a blank window."""
    bad = tmp_path / "bad.kpkg"
    bad.write_bytes(b"garbage")
    result = run_cli("run", "--package", bad, "--screenshot", tmp_path / "x.png")
    assert result.returncode == 1
    assert "not a content package" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_size_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    """--size must be WIDTHxHEIGHT."""
    result = run_cli("run", "--screenshot", tmp_path / "x.png", "--size", "huge")
    assert result.returncode == 2
    assert "WIDTHxHEIGHT" in result.stderr
