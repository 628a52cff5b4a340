"""Opening hours: when the screen is on, when it next changes, and staff's override."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.session.opening_hours import (
    OpeningHours,
    Override,
    OverrideFile,
    parse_spans,
    power_plan,
)

# 2026-10-26 is a Monday: the expo's first day.
MONDAY = dt.date(2026, 10, 26)


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock))


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def test_no_hours_means_always_on() -> None:
    hours = OpeningHours()
    state = hours.state(at(MONDAY, "03:00"))
    assert hours.always_open and state.on and state.next_change is None


def test_on_within_hours_off_outside_and_the_next_change() -> None:
    hours = OpeningHours({"daily": "09:00-18:00"}, wake_minutes=0)
    morning = hours.state(at(MONDAY, "08:00"))
    assert not morning.on and morning.next_change == at(MONDAY, "09:00")
    noon = hours.state(at(MONDAY, "12:00"))
    assert noon.on and noon.open_now and noon.next_change == at(MONDAY, "18:00")
    # Closing is exclusive: at 18:00 the screen is off until tomorrow at nine.
    evening = hours.state(at(MONDAY, "18:00"))
    assert not evening.on and evening.next_change == at(MONDAY + days(1), "09:00")


def test_the_screen_wakes_minutes_before_opening() -> None:
    hours = OpeningHours({"daily": "09:00-18:00"}, wake_minutes=5)
    assert hours.state(at(MONDAY, "08:54")).next_change == at(MONDAY, "08:55")
    early = hours.state(at(MONDAY, "08:56"))
    assert early.on and not early.open_now


def test_a_day_not_listed_is_closed_and_closed_days_are_skipped() -> None:
    hours = OpeningHours({"mon": "09:00-18:00", "wed": "10:00-17:00"}, wake_minutes=0)
    tuesday = hours.state(at(MONDAY + days(1), "12:00"))
    assert not tuesday.on and tuesday.today == ()
    assert tuesday.next_change == at(MONDAY + days(2), "10:00")
    # From Wednesday evening the next opening is Monday's.
    assert hours.state(at(MONDAY + days(2), "20:00")).next_change == at(MONDAY + days(7), "09:00")


def test_a_dated_exception_wins_over_the_weekday() -> None:
    hours = OpeningHours(
        {"daily": "09:00-18:00"},
        {MONDAY: "10:00-20:00", MONDAY + days(1): "closed"},
        wake_minutes=0,
    )
    assert hours.state(at(MONDAY, "19:00")).on
    assert not hours.state(at(MONDAY, "09:30")).on
    assert not hours.state(at(MONDAY + days(1), "12:00")).on
    assert hours.state(at(MONDAY + days(1), "12:00")).next_change == at(MONDAY + days(2), "09:00")


def test_a_lunch_break_turns_the_screen_off_but_the_wake_minutes_never_blink_it() -> None:
    hours = OpeningHours({"daily": "09:00-12:00, 13:00-18:00"}, wake_minutes=0)
    assert not hours.state(at(MONDAY, "12:30")).on
    assert hours.state(at(MONDAY, "12:30")).next_change == at(MONDAY, "13:00")
    # Spans five minutes apart, with five wake minutes, are one stretch of screen time.
    close = OpeningHours({"daily": "09:00-12:00, 12:05-18:00"}, wake_minutes=5)
    assert close.state(at(MONDAY, "12:02")).on
    assert close.state(at(MONDAY, "10:00")).next_change == at(MONDAY, "18:00")


def test_hours_past_midnight_and_until_midnight() -> None:
    late = OpeningHours({"daily": "18:00-02:00"}, wake_minutes=0)
    assert late.state(at(MONDAY, "01:00")).on  # Sunday's evening, still open
    assert late.state(at(MONDAY, "01:00")).next_change == at(MONDAY, "02:00")
    assert not late.state(at(MONDAY, "03:00")).on
    whole = OpeningHours({"mon": "00:00-24:00", "tue": "00:00-24:00"}, wake_minutes=0)
    assert whole.state(at(MONDAY, "23:59")).on
    # Monday and Tuesday are one stretch: no change at midnight.
    assert whole.state(at(MONDAY, "12:00")).next_change == at(MONDAY + days(2), "00:00")


def test_staff_override_lasts_until_midnight() -> None:
    hours = OpeningHours({"daily": "09:00-18:00"}, wake_minutes=0)
    kept_on = hours.state(at(MONDAY, "19:00"), Override.ON)
    assert kept_on.on and kept_on.next_change == at(MONDAY + days(1), "00:00")
    kept_off = hours.state(at(MONDAY, "10:00"), Override.OFF)
    # Off until midnight; tomorrow the hours decide, and they say on at nine.
    assert not kept_off.on and kept_off.next_change == at(MONDAY + days(1), "09:00")


def test_seconds_may_be_given_for_a_precise_time() -> None:
    hours = OpeningHours({"daily": "09:00:30-18:00"}, wake_minutes=0)
    assert hours.state(at(MONDAY, "09:00:10")).next_change == at(MONDAY, "09:00:30")
    assert str(parse_spans("09:00:30-18:00")[0]) == "09:00:30-18:00"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "write the hours"),
        ("9-18", "not a time of day"),
        ("09:00", "not a span of hours"),
        ("09:00-09:00", "opens and closes at the same time"),
        ("25:00-26:00", "not a time of day"),
        ("09:00+09:00-18:00", "without a zone"),
        ("09:00-18:00,", "not a span of hours"),
    ],
)
def test_hours_that_are_not_hours_say_why(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_spans(text)


def test_the_override_is_kept_for_its_own_day_only(tmp_path: Path) -> None:
    saved = OverrideFile(tmp_path / "override.json")
    assert saved.read(MONDAY) is Override.NONE
    saved.write(MONDAY, Override.OFF)
    assert saved.read(MONDAY) is Override.OFF
    assert saved.read(MONDAY + days(1)) is Override.NONE


@pytest.mark.parametrize(
    "junk", [b"", b"{", b"[]", b'{"date": "2026-10-26", "override": "maybe"}', b"\xff\xfe"]
)
def test_an_unreadable_override_is_no_override(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "override.json"
    path.write_bytes(junk)
    assert OverrideFile(path).read(MONDAY) is Override.NONE


def test_the_next_opening_is_the_hall_opening_not_the_screen_waking() -> None:
    hours = OpeningHours({"mon": "09:00-18:00", "wed": "10:00-17:00"}, wake_minutes=5)
    assert hours.state(at(MONDAY, "08:00")).next_opening == at(MONDAY, "09:00")
    assert hours.state(at(MONDAY, "12:00")).next_opening == at(MONDAY + days(2), "10:00")
    assert OpeningHours({"daily": "closed"}).state(at(MONDAY, "12:00")).next_opening is None


def test_the_nightly_restart_is_at_its_time_and_never_while_the_screen_is_on() -> None:
    hours = OpeningHours({"daily": "09:00-18:00", "sat": "00:00-24:00"}, wake_minutes=5)
    plan = power_plan(hours, at(MONDAY, "12:00"), nightly_reboot="03:30")
    assert plan.reboot_at == at(MONDAY + days(1), "03:30") and plan.power_off_at is None
    # Friday night to Saturday: open all Saturday, so the restart waits for Sunday night.
    friday = MONDAY + days(4)
    assert power_plan(hours, at(friday, "20:00"), nightly_reboot="03:30").reboot_at == at(
        friday + days(2), "03:30"
    )
    # Kept on by staff today, a restart later today waits for tomorrow.
    late = power_plan(hours, at(MONDAY, "19:00"), Override.ON, nightly_reboot="23:00")
    assert late.reboot_at == at(MONDAY + days(1), "23:00")
    assert power_plan(OpeningHours(), at(MONDAY, "12:00"), nightly_reboot="03:30").reboot_at is None


def test_switched_off_after_closing_and_woken_before_the_screen_is_due() -> None:
    hours = OpeningHours({"daily": "09:00-18:00"}, wake_minutes=5)
    plan = power_plan(hours, at(MONDAY, "12:00"), power_off=True)
    assert plan.power_off_at == at(MONDAY, "18:00")
    assert plan.wake_at == at(MONDAY + days(1), "08:52")  # 08:55, less the boot
    # Started at night by a technician: off again after the grace minutes.
    night = power_plan(hours, at(MONDAY, "22:00"), power_off=True)
    assert night.power_off_at == at(MONDAY, "22:15")
    assert night.wake_at == at(MONDAY + days(1), "08:52")
    # Started just before the screen is due: on through the day, off at closing.
    morning = power_plan(hours, at(MONDAY, "08:50"), power_off=True)
    assert morning.power_off_at == at(MONDAY, "18:00")
