"""The token buckets an intake's workers share: one limit per integration however many workers
serve it, with the same answers as the one-process limiter."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_intake.rate_limit import RateLimiter
from haruul_intake.shared_rate_limit import SharedRateLimiter
from tests.support.clock import SteppedClock


def test_two_workers_draw_on_one_bucket(tmp_path: Path) -> None:
    clock = SteppedClock()
    first, second = (SharedRateLimiter(tmp_path, 1.0, 3, clock=clock) for _ in "ab")
    answers = [limiter.admit("hotline") for limiter in (first, second, first, second)]
    assert answers == [None, None, None, 1.0]  # the burst of 3 is spent across both
    clock.now += 1.0
    assert first.admit("hotline") is None  # refilled for everyone
    assert second.admit("hotline") == 1.0


def test_each_integration_has_a_bucket_of_its_own(tmp_path: Path) -> None:
    limiter = SharedRateLimiter(tmp_path, 0.5, 1, clock=SteppedClock())
    assert limiter.admit("hotline") is None
    assert limiter.admit("webform") is None
    assert limiter.admit("hotline") == 2.0


@settings(max_examples=50, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.floats(0.0, 3.0), st.sampled_from(["hotline", "webform"])), max_size=40
    )
)
def test_the_shared_buckets_answer_as_the_one_process_limiter(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[float, str]]
) -> None:
    clock = SteppedClock()
    in_memory = RateLimiter(2.0, 3, clock=clock)
    shared = SharedRateLimiter(tmp_path_factory.mktemp("buckets"), 2.0, 3, clock=clock)
    try:
        for elapsed, integration in steps:
            clock.now += elapsed
            assert shared.admit(integration) == in_memory.admit(integration)
    finally:
        shared.close()


BURST = 20_000


def _admit_many(directory: Path, start: Any, admitted: multiprocessing.Queue[int]) -> None:
    limiter = SharedRateLimiter(directory, 0.001, BURST)
    limiter.admit("warm-up")  # the other integration's file, opened before the start
    start.wait()
    admitted.put(sum(limiter.admit("hotline") is None for _ in range(BURST)))


def test_workers_asking_at_once_never_get_more_than_the_burst(tmp_path: Path) -> None:
    # Two processes read-modify-write the same bucket at the same time, each asking for the
    # whole burst: without the lock, updates are lost and more than the burst is let through.
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    admitted: multiprocessing.Queue[int] = context.Queue()
    workers = [context.Process(target=_admit_many, args=(tmp_path, start, admitted)) for _ in "ab"]
    for worker in workers:
        worker.start()
    counts = [admitted.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(60)
    assert sum(counts) == BURST


def test_a_rate_or_burst_that_admits_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rate_per_s"):
        SharedRateLimiter(tmp_path, 0, 10)
    with pytest.raises(ValueError, match="burst"):
        SharedRateLimiter(tmp_path, 10, 0)
