"""A monotonic clock the test steps by hand, so rate limits are tested without sleeping."""

from __future__ import annotations


class SteppedClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
