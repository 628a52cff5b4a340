"""The idle policy, on a clock the test moves."""

from __future__ import annotations

import pytest

from kiosk.session.idle import EndReason, IdlePolicy, IdleTimes, SessionState


def test_idle_then_warning_then_continue() -> None:
    """No touch for the idle time warns; a touch continues the session."""
    policy = IdlePolicy(IdleTimes(idle=90, warning=20), now=0)
    policy.touched(0)
    assert policy.tick(89.9) is None and policy.state is SessionState.ACTIVE
    assert policy.tick(90) is None and policy.state is SessionState.WARNING
    assert policy.seconds_left(95) == pytest.approx(15)
    policy.touched(96)
    assert policy.state is SessionState.ACTIVE
    assert policy.tick(185) is None and policy.state is SessionState.ACTIVE


def test_idle_then_warning_then_end() -> None:
    """The countdown running out ends the session."""
    policy = IdlePolicy(IdleTimes(idle=90, warning=20), now=0)
    policy.touched(0)
    policy.tick(90)
    assert policy.tick(109.9) is None
    assert policy.tick(110) is EndReason.IDLE
    assert policy.state is SessionState.ATTRACT
    assert policy.tick(500) is None  # nothing more until the next visitor


def test_a_playing_video_pauses_the_idle_clock() -> None:
    """A visitor watching a video they started is not idle."""
    policy = IdlePolicy(IdleTimes(idle=90, warning=20), now=0)
    policy.touched(0)
    policy.set_paused(True, 10)
    assert policy.tick(300) is None and policy.state is SessionState.ACTIVE
    policy.set_paused(False, 300)
    assert policy.tick(389) is None and policy.state is SessionState.ACTIVE
    policy.tick(390)
    assert policy.state is SessionState.WARNING


def test_the_warning_is_never_shorter_than_20_seconds() -> None:
    """Every visitor gets time to answer."""
    with pytest.raises(ValueError, match="at least 20"):
        IdleTimes(idle=90, warning=5)


def test_an_extended_session_waits_twice_as_long() -> None:
    """Accessibility modes double the wait and the warning; back to normal afterwards."""
    policy = IdlePolicy(IdleTimes(idle=90, warning=20), now=0)
    policy.touched(0)
    policy.set_extended(2)
    assert policy.tick(179) is None and policy.state is SessionState.ACTIVE
    assert policy.tick(180) is None and policy.state is SessionState.WARNING
    assert policy.seconds_left(180) == pytest.approx(40)
    assert policy.tick(219) is None
    assert policy.tick(220) is EndReason.IDLE
    policy.set_extended(1)
    policy.touched(300)
    assert policy.tick(390) is None and policy.state is SessionState.WARNING
    with pytest.raises(ValueError):
        policy.set_extended(0.5)
