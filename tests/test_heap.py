"""The kiosk's heap: large blocks kept apart from the start, and free memory given back
at quiet moments, with the garbage that holds it collected first."""

from __future__ import annotations

import ctypes.util
import gc
import platform
import weakref

import pytest

from kiosk.bridge.heap_trim import HeapTrimmer, trim_heap
from kiosk.heap import give_back_free_memory, keep_large_blocks_apart

glibc = pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc" or not ctypes.util.find_library("c"),
    reason="glibc's allocator only",
)


@glibc
def test_glibc_takes_both_settings() -> None:
    assert keep_large_blocks_apart() is True
    assert give_back_free_memory() is True


class Holder:
    """Something in a reference cycle, as Qt wrappers and closures often are."""

    def __init__(self) -> None:
        self.me = self
        self.picture = bytearray(4 << 20)


def a_cycle() -> weakref.ref[Holder]:
    holder = Holder()
    return weakref.ref(holder)


@pytest.fixture
def no_automatic_collection():
    gc.disable()
    yield
    gc.enable()


def test_a_trim_after_the_start_collects_the_garbage_first(qapp, no_automatic_collection) -> None:
    held = a_cycle()
    assert held() is not None
    trim_heap(collect=True).join(timeout=10)
    assert held() is None


def test_a_trim_after_a_session_leaves_the_collector_alone(qapp, no_automatic_collection) -> None:
    """A visitor may come at any moment: no collection pauses the show then."""
    held = a_cycle()
    trim_heap(collect=False).join(timeout=10)
    assert held() is not None
    gc.collect()


def test_the_trimmer_collects_once_after_the_start_then_only_trims(
    qtbot, qapp, no_automatic_collection
) -> None:
    trimmer = HeapTrimmer(None, settle_ms=10)
    first = a_cycle()
    trimmer.after_start()
    qtbot.waitUntil(lambda: first() is None, timeout=2000)
    second = a_cycle()
    trimmer.after_session("idle")
    qtbot.wait(100)
    assert second() is not None
    gc.collect()
