"""Idle warning, session end, attract loop and the interaction log, on a clock the test moves."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.analytics.log import InteractionLog
from kiosk.bridge.visitor_session import VisitorSession
from kiosk.composition import KioskUi
from kiosk.content.package import AttractContent, MediaItem, PackageContent
from tests.bridge.conftest import DemoShow
from tests.bridge.ui import attract_looks_blank, find, find_item, settled, shown, tap
from tests.clips import make_clip


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclasses.dataclass
class Booth:
    ui: KioskUi
    clock: FakeClock
    log: InteractionLog
    log_file: Path

    def wait(self, qtbot, seconds: float) -> None:
        self.clock.now += seconds
        self.ui.session.tick()
        settled(qtbot, self.ui)

    def rows(self) -> list[tuple[object, ...]]:
        self.log.flush()
        with sqlite3.connect(self.log_file) as connection:
            return connection.execute(
                "SELECT kind, corner_id, detail FROM event ORDER BY event_id"
            ).fetchall()


@pytest.fixture
def make_booth(make_kiosk, tmp_path: Path) -> Iterator[Callable[..., Booth]]:
    """Booths on a fake clock, with an interaction log: ``make(content=, media=)``."""
    logs: list[InteractionLog] = []

    def make(content: PackageContent | None = None, media: dict[str, Path] | None = None) -> Booth:
        clock = FakeClock()
        log_file = tmp_path / f"log-{len(logs)}.sqlite"
        log = InteractionLog(log_file)
        logs.append(log)
        ui = make_kiosk(
            content=content, media=media, interaction_log=log, clock=clock, visitor=False
        )
        return Booth(ui, clock, log, log_file)

    yield make
    for log in logs:
        log.close()


@pytest.fixture
def booth(make_booth) -> Booth:
    return make_booth()


def state(booth: Booth) -> str:
    """The session's state as QML sees it, by name: attract, active or warning."""
    return VisitorSession.State(booth.ui.session.property("state")).name.lower()


def test_the_kiosk_starts_in_the_attract_loop(qtbot, booth: Booth) -> None:
    """Nobody has touched it yet: the attract loop with its call to touch."""
    assert state(booth) == "attract"
    qtbot.waitUntil(lambda: shown(booth.ui, "attractView"))
    assert shown(booth.ui, "touchToStart")


def test_a_touch_in_attract_starts_a_session_without_pressing_what_is_under(
    qtbot, booth: Booth
) -> None:
    """The first touch wakes the screen to the home page; the tile under it stays shut."""
    qtbot.waitUntil(lambda: shown(booth.ui, "attractView"))
    tile = find(booth.ui, "cornerTile_clean-valleys")
    tap(booth.ui, tile)
    assert state(booth) == "active"
    assert not shown(booth.ui, "attractView")
    assert booth.ui.exhibit.property("currentCornerId") == ""
    tap(booth.ui, tile)  # the next touch is the visitor's
    assert booth.ui.exhibit.property("currentCornerId") == "clean-valleys"


def test_idle_warning_then_continue(qtbot, booth: Booth) -> None:
    """90 s without a touch: the warning counts down; Continue goes on where the visitor was."""
    booth.ui.session.touched()
    booth.ui.exhibit.openCorner("clean-valleys")
    booth.wait(qtbot, 89)
    assert state(booth) == "active"
    booth.wait(qtbot, 1)
    assert state(booth) == "warning"
    qtbot.waitUntil(lambda: shown(booth.ui, "idleWarning"))
    booth.wait(qtbot, 5)
    assert find(booth.ui, "idleCountdown").property("text") == "15"
    tap(booth.ui, find(booth.ui, "continueButton"))
    assert state(booth) == "active"
    assert booth.ui.exhibit.property("currentCornerId") == "clean-valleys"
    assert ("idle_warning", None, "continued") in booth.rows()


def test_idle_warning_expires_to_a_fresh_start(qtbot, booth: Booth) -> None:
    """The countdown runs out: media stop, home in Korean, views reset, attract plays."""
    booth.ui.session.touched()
    booth.ui.exhibit.set_language("en")
    booth.ui.exhibit.openCorner("public-delivery-app")
    qtbot.waitUntil(lambda: shown(booth.ui, "cornerView"))
    tap(booth.ui, find(booth.ui, "sectionTab_2"))
    booth.wait(qtbot, 90)
    booth.wait(qtbot, 20)
    assert state(booth) == "attract"
    assert booth.ui.exhibit.property("currentCornerId") == ""
    assert booth.ui.exhibit.property("language") == "ko"
    qtbot.waitUntil(lambda: shown(booth.ui, "attractView"))
    assert find(booth.ui, "videoPanel").property("source").toString() == ""
    # The next visitor finds the corner as new.
    booth.ui.session.touched()
    booth.ui.exhibit.openCorner("public-delivery-app")
    qtbot.waitUntil(lambda: shown(booth.ui, "cornerView"))
    assert find(booth.ui, "sectionPages").property("currentIndex") == 0


def test_a_playing_video_holds_off_the_warning(qtbot, booth: Booth) -> None:
    """While a video the visitor started plays, the idle clock waits."""
    booth.ui.session.touched()
    booth.ui.exhibit.openCorner("clean-valleys")
    qtbot.waitUntil(lambda: shown(booth.ui, "cornerView"))
    booth.ui.session.touched()
    tap(booth.ui, find(booth.ui, "bigPlayButton"))
    qtbot.waitUntil(lambda: find(booth.ui, "videoPanel").property("playing"))
    booth.wait(qtbot, 200)
    assert state(booth) == "active"


def test_the_log_records_a_scripted_visit_exactly(qtbot, booth: Booth) -> None:
    """Touch, a corner, a page, a picture, English, leave, idle out: row for row."""
    qtbot.waitUntil(lambda: shown(booth.ui, "attractView"))
    tap(booth.ui, find(booth.ui, "cornerTile_clean-valleys"))  # wakes the screen
    tap(booth.ui, find(booth.ui, "cornerTile_clean-valleys"))  # opens the corner
    qtbot.waitUntil(lambda: shown(booth.ui, "cornerView"))
    booth.clock.now += 30
    tap(booth.ui, find(booth.ui, "sectionTab_1"))
    tap(booth.ui, find(booth.ui, "galleryThumb_1"))
    qtbot.waitUntil(lambda: find_item(booth.ui, "viewerCloseButton") is not None)
    tap(booth.ui, find(booth.ui, "viewerCloseButton"))
    # Gone back into its thumbnail (its own language buttons go with it).
    qtbot.waitUntil(lambda: find_item(booth.ui, "viewerCloseButton") is None)
    tap(booth.ui, find(booth.ui, "languageButton_en"))
    tap(booth.ui, find(booth.ui, "homeButton"))
    booth.wait(qtbot, 90)
    booth.wait(qtbot, 20)
    assert booth.rows() == [
        ("attract_start", None, None),
        ("session_start", None, None),
        ("section_view", "clean-valleys", "1"),
        ("gallery_view", "clean-valleys", "1"),
        ("language_switch", None, "en"),
        ("corner_view", "clean-valleys", None),
        ("idle_warning", None, "expired"),
        ("session_end", None, "idle"),
        ("attract_start", None, None),
    ]
    with sqlite3.connect(booth.log_file) as connection:
        dwell = connection.execute("SELECT value FROM event WHERE kind = 'corner_view'").fetchone()[
            0
        ]
        length = connection.execute(
            "SELECT value FROM event WHERE kind = 'session_end'"
        ).fetchone()[0]
    assert dwell == 30
    assert length == 140


def _short_clip(folder: Path, media: dict[str, Path]) -> MediaItem:
    """A 1.2 s generated clip as a media item, added to ``media``."""
    clip = make_clip(folder / "short.mp4")
    video = MediaItem(
        "1" * 64, "video", "video/mp4", clip.stat().st_size, "short.mp4", 640, 360, 1200, None
    )
    media[video.sha256] = clip
    return video


def _with_attract(content: PackageContent, items: list[AttractContent]) -> PackageContent:
    return dataclasses.replace(content, attract=tuple(items))


def test_an_empty_playlist_shows_the_still_screen(
    qtbot, make_booth, demo_show: DemoShow, tmp_path: Path
) -> None:
    """No attract items: a designed still screen with the hall's name, never black."""
    booth = make_booth(_with_attract(demo_show.content, []))
    qtbot.waitUntil(lambda: shown(booth.ui, "attractStill"))
    assert find(booth.ui, "attractStill").z() == 3  # above the (empty) slots
    assert shown(booth.ui, "touchToStart")


@pytest.mark.qt_log_ignore("Could not open media")  # the broken item, on purpose
def test_a_broken_attract_item_is_skipped(
    qtbot, make_booth, demo_show: DemoShow, tmp_path: Path
) -> None:
    """A video that cannot play is skipped; the next item shows; nothing goes black."""
    media = dict(demo_show.media)
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video" * 100)
    bad = MediaItem("0" * 64, "video", "video/mp4", 1100, "broken.mp4", None, None, None, None)
    media[bad.sha256] = broken
    image = demo_show.content.attract[1]
    content = _with_attract(
        demo_show.content, [AttractContent(bad, None), AttractContent(image.media, 1000)]
    )
    booth = make_booth(content, media)
    slots = [find(booth.ui, "attractSlotA"), find(booth.ui, "attractSlotB")]
    qtbot.waitUntil(
        lambda: any(slot.property("hasPicture") and slot.z() == 2 for slot in slots),
        timeout=5_000,
    )
    assert find(booth.ui, "attractStill").z() == 0  # only under the pictures


def test_no_blank_frame_between_attract_items(
    qtbot, make_booth, demo_show: DemoShow, tmp_path: Path
) -> None:
    """Over at least five item changes (video → image → image → video …), every frame
    shows a picture: never the bare background."""
    media = dict(demo_show.media)
    video = _short_clip(tmp_path, media)
    images = [item.media for item in demo_show.content.attract if item.duration_ms]
    content = _with_attract(
        demo_show.content,
        [
            AttractContent(video, None),
            AttractContent(images[0], 1000),
            AttractContent(images[1], 1000),
        ],
    )
    booth = make_booth(content, media)
    qtbot.waitUntil(lambda: shown(booth.ui, "attractView"))
    changes, blank, last_top = 0, 0, None
    slots = [find(booth.ui, "attractSlotA"), find(booth.ui, "attractSlotB")]
    for _ in range(400):
        # Every frame the window draws (the pictures pan and zoom: it draws all the time).
        with qtbot.waitSignal(booth.ui.window.frameSwapped, timeout=5_000):
            pass
        top = max(slots, key=lambda slot: slot.z())
        if last_top is not None and top is not last_top:
            changes += 1
        last_top = top
        blank += attract_looks_blank(booth.ui)
        if changes >= 6:
            break
    assert changes >= 5
    assert blank == 0


def test_a_watched_video_is_logged_with_its_seconds(qtbot, booth: Booth) -> None:
    """Play, watch a little, leave: one video_play row, partial, with the seconds seen."""
    booth.ui.session.touched()
    booth.ui.exhibit.openCorner("clean-valleys")
    qtbot.waitUntil(lambda: shown(booth.ui, "cornerView"))
    tap(booth.ui, find(booth.ui, "bigPlayButton"))
    qtbot.waitUntil(
        lambda: find(booth.ui, "videoPanel").property("position") > 1200, timeout=10_000
    )
    tap(booth.ui, find(booth.ui, "homeButton"))
    booth.log.flush()
    with sqlite3.connect(booth.log_file) as connection:
        rows = connection.execute(
            "SELECT corner_id, detail, value FROM event WHERE kind = 'video_play'"
        ).fetchall()
    assert len(rows) == 1
    corner, detail, seconds = rows[0]
    assert (corner, detail) == ("clean-valleys", "partial")
    assert 1.0 <= seconds <= 8.0


def test_every_attract_item_plays_in_order(
    qtbot, make_booth, demo_show: DemoShow, tmp_path: Path
) -> None:
    """A video and three pictures: each shows in turn, then the loop starts again; none is
    skipped (the slot behind takes the next item even when a picture was ready at once)."""
    media = dict(demo_show.media)
    video = _short_clip(tmp_path, media)
    images = [item.media for item in demo_show.content.attract if item.duration_ms]
    assert len(images) == 3
    playlist = [video, *images]
    content = _with_attract(
        demo_show.content,
        [AttractContent(video, None), *(AttractContent(image, 400) for image in images)],
    )
    booth = make_booth(content, media)
    view = find(booth.ui, "attractView")
    slots = [find(booth.ui, "attractSlotA"), find(booth.ui, "attractSlotB")]
    seen: list[str] = []

    def showing() -> str:
        top = max(slots, key=lambda slot: slot.z())
        return top.property("itemUrl").toLocalFile() if top.z() == 2 else ""

    def record() -> bool:
        url = showing()
        if url and (not seen or seen[-1] != url):
            seen.append(url)
        return len(seen) >= len(playlist) + 1

    qtbot.waitUntil(record, timeout=20_000)
    expected = [str(media[item.sha256]) for item in [*playlist, video]]
    assert [Path(url).name for url in seen] == [Path(url).name for url in expected]
    assert view.property("index") == 0
