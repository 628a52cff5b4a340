"""New content goes on screen only when nobody is using it, unless staff chose it."""

from __future__ import annotations

from pathlib import Path

from kiosk.install.content_switcher import ContentSwitcher


class Screen:
    def __init__(self, visitor: bool = False, shows: bool = True) -> None:
        self.visitor = visitor
        self.shows = shows
        self.shown: list[str] = []
        self.waiting: list[str] = []  # the names staff were told of ("" for none)

    def show(self, path: Path) -> bool:
        if self.shows:
            self.shown.append(path.name)
        return self.shows

    def switcher(self) -> ContentSwitcher:
        return ContentSwitcher(
            self.show,
            lambda: self.visitor,
            lambda path: self.waiting.append(path.name if path else ""),
        )


def test_with_nobody_here_new_content_shows_at_once() -> None:
    screen = Screen()
    screen.switcher().installed(Path("b.kpkg"))
    assert screen.shown == ["b.kpkg"] and screen.waiting == ["b.kpkg", ""]


def test_during_a_visit_it_waits_for_the_session_to_end() -> None:
    screen = Screen(visitor=True)
    switcher = screen.switcher()
    switcher.installed(Path("b.kpkg"))
    assert screen.shown == [] and switcher.waiting == Path("b.kpkg")
    switcher.installed(Path("c.kpkg"))  # a newer one replaces what waits
    assert switcher.quiet() is True
    assert screen.shown == ["c.kpkg"] and switcher.waiting is None
    assert switcher.quiet() is False  # nothing waits any more
    assert screen.waiting == ["b.kpkg", "c.kpkg", ""]


def test_what_staff_chose_shows_during_a_visit_too() -> None:
    screen = Screen(visitor=True)
    screen.switcher().show_now(Path("a.kpkg"))
    assert screen.shown == ["a.kpkg"]


def test_content_that_cannot_be_shown_is_not_kept_waiting() -> None:
    """The old content stays on screen; the next quiet moment does not try again."""
    screen = Screen(shows=False)
    switcher = screen.switcher()
    switcher.installed(Path("broken.kpkg"))
    assert switcher.waiting is None and switcher.quiet() is False
