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
from typing import Protocol

# Ceilings against a runaway integration, high enough that one integration can drive intake
# at its measured peak (~1,500 reports/s) and post the benchmark's burst of 5,000 at once.
# Deployments that know their integrations set lower ones.
DEFAULT_RATE_PER_S = 2000.0
DEFAULT_BURST = 10_000


class Admission(Protocol):
    def admit(self, integration_id: str) -> float | None:
        """None if the report may go on (a token is taken); else seconds until one may."""
        ...


def check_limits(rate_per_s: float, burst: int) -> None:
    if rate_per_s <= 0 or burst < 1:
        raise ValueError("rate_per_s must be > 0 and burst >= 1")


def take_token(
    tokens: float, updated_at: float, now: float, rate_per_s: float, burst: int
) -> tuple[float, float | None]:
    """A bucket holding `tokens` at `updated_at`, asked for one token at `now`: the tokens it
    holds afterwards, and None (taken) or the seconds until a token will be there."""
    elapsed = max(0.0, now - updated_at)
    tokens = min(float(burst), tokens + elapsed * rate_per_s)
    if tokens >= 1.0:
        return tokens - 1.0, None
    return tokens, (1.0 - tokens) / rate_per_s


@dataclass
class _Bucket:
    tokens: float
    updated_at: float


class RateLimiter:
    """The buckets of one intake process (HARUUL_INTAKE_WORKERS=1), in memory."""

    def __init__(
        self, rate_per_s: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        check_limits(rate_per_s, burst)
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}  # one per integration in the keys file

    def admit(self, integration_id: str) -> float | None:
        """None if the report may go on (a token is taken); else seconds until one may."""
        now = self._clock()
        bucket = self._buckets.setdefault(integration_id, _Bucket(float(self.burst), now))
        bucket.tokens, wait_s = take_token(
            bucket.tokens, bucket.updated_at, now, self.rate_per_s, self.burst
        )
        bucket.updated_at = now
        return wait_s
