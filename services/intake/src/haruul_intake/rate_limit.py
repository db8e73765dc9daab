"""Per-integration rate limits: one token bucket for each integration.

A bucket holds up to `burst` reports and refills at `rate_per_s`; a report takes one token. An
integration with an empty bucket is told how long until the next token (`Retry-After`), so a
runaway or compromised integration cannot starve the others or the broker. The clock is
injected (monotonic seconds), so tests step time instead of sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# Ceilings against a runaway integration, high enough that one integration can drive intake
# at its measured peak (~1,500 reports/s) and post the benchmark's burst of 5,000 at once.
# Deployments that know their integrations set lower ones.
DEFAULT_RATE_PER_S = 2000.0
DEFAULT_BURST = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated_at: float


class RateLimiter:
    def __init__(
        self, rate_per_s: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}  # one per integration in the keys file

    def admit(self, integration_id: str) -> float | None:
        """None if the report may go on (a token is taken); else seconds until one may."""
        now = self._clock()
        bucket = self._buckets.setdefault(integration_id, _Bucket(float(self.burst), now))
        elapsed = max(0.0, now - bucket.updated_at)
        bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate_per_s)
        bucket.updated_at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        return (1.0 - bucket.tokens) / self.rate_per_s
