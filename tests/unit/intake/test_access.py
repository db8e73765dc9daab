"""Who may submit: revoked keys, keys scoped to one integration, per-integration rate limits.

The rate limiter runs on a clock the test steps, so nothing here sleeps.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from haruul_intake.api_keys import KeyRing, digest
from haruul_intake.app import IntakeDependencies
from haruul_intake.metrics import IntakeMetrics
from haruul_intake.rate_limit import RateLimiter
from tests.support.clock import SteppedClock
from tests.support.intake import MemoryPublisher, intake_client, intake_dependencies

HOTLINE_KEY, WEBFORM_KEY, OLD_KEY = "hrl_hotline", "hrl_webform", "hrl_old-hotline"
RING = KeyRing(
    digests=(
        (digest(HOTLINE_KEY), "hotline-1903"),
        (digest(WEBFORM_KEY), "webform-mfa"),
        (digest(OLD_KEY), "hotline-1903"),
    ),
    revoked=frozenset({digest(OLD_KEY)}),
)
REPORT = {"text": "passport taken in Bavet"}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def post(client: httpx.AsyncClient, key: str = HOTLINE_KEY) -> httpx.Response:
    return await client.post("/v1/reports", json=REPORT, headers=bearer(key))


def rate_limited(
    tmp_path: Path, clock: SteppedClock, rate_per_s: float, burst: int
) -> IntakeDependencies:
    """One token bucket of `burst` for each integration, refilled at `rate_per_s`."""
    limiter = RateLimiter(rate_per_s, burst, clock=clock)
    return intake_dependencies(tmp_path, HOTLINE_KEY, key_ring=RING, rate_limiter=limiter)


def rejected(metrics: IntakeMetrics, reason: str) -> float | None:
    return metrics.registry.get_sample_value(
        "haruul_intake_reports_rejected_total", {"reason": reason}
    )


async def test_a_revoked_key_is_told_so_and_nothing_else(tmp_path: Path) -> None:
    deps = intake_dependencies(tmp_path, HOTLINE_KEY, key_ring=RING)
    async with intake_client(deps) as client:
        answer = await post(client, OLD_KEY)
    assert answer.status_code == 401
    assert answer.json() == {
        "error": {
            "code": "key_revoked",
            "message": "this integration key has been revoked; ask for a new one",
        }
    }
    assert "hotline-1903" not in answer.text
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert isinstance(deps.publisher, MemoryPublisher)
    assert deps.publisher.published == []
    assert rejected(deps.metrics, "revoked") == 1


async def test_the_integration_rotating_away_from_a_revoked_key_still_gets_in(
    tmp_path: Path,
) -> None:
    deps = intake_dependencies(tmp_path, HOTLINE_KEY, key_ring=RING)
    async with intake_client(deps) as client:
        answer = await post(client)
    assert answer.status_code == 202


async def test_every_accepted_report_carries_the_integration_of_its_key(tmp_path: Path) -> None:
    publisher = MemoryPublisher()
    deps = intake_dependencies(tmp_path, HOTLINE_KEY, key_ring=RING, publisher=publisher)
    async with intake_client(deps) as client:
        sent = {}
        for key in (HOTLINE_KEY, WEBFORM_KEY, HOTLINE_KEY):
            answer = await post(client, key)
            assert answer.status_code == 202
            sent[answer.json()["report_id"]] = key
    owners = {HOTLINE_KEY: "hotline-1903", WEBFORM_KEY: "webform-mfa"}
    assert {r.report_id: r.integration_id for r in publisher.published} == {
        report_id: owners[key] for report_id, key in sent.items()
    }


async def test_an_idempotency_key_belongs_to_the_integration_that_used_it(tmp_path: Path) -> None:
    publisher = MemoryPublisher()
    deps = intake_dependencies(tmp_path, HOTLINE_KEY, key_ring=RING, publisher=publisher)
    same = {"Idempotency-Key": "call-1"}
    async with intake_client(deps) as client:
        first = await client.post("/v1/reports", json=REPORT, headers=bearer(HOTLINE_KEY) | same)
        other = await client.post("/v1/reports", json=REPORT, headers=bearer(WEBFORM_KEY) | same)
    assert first.status_code == other.status_code == 202
    assert first.json()["report_id"] != other.json()["report_id"]
    assert [r.integration_id for r in publisher.published] == ["hotline-1903", "webform-mfa"]


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock()


async def test_past_its_burst_an_integration_gets_429_with_retry_after(
    tmp_path: Path, clock: SteppedClock
) -> None:
    deps = rate_limited(tmp_path, clock, 0.5, 2)
    async with intake_client(deps) as client:
        statuses = [(await post(client)).status_code for _ in "ab"]
        limited = await post(client)
    assert statuses == [202, 202]
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "2"  # one report every 2 s
    assert limited.json() == {
        "error": {
            "code": "rate_limited",
            "message": "too many reports from this integration; retry after Retry-After seconds",
        }
    }
    assert rejected(deps.metrics, "rate_limited") == 1


async def test_after_retry_after_the_integration_gets_in_again(
    tmp_path: Path, clock: SteppedClock
) -> None:
    deps = rate_limited(tmp_path, clock, 0.5, 1)
    async with intake_client(deps) as client:
        assert (await post(client)).status_code == 202
        clock.now += 1.5
        limited = await post(client)
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "1"  # 0.5 s left, rounded up
        clock.now += float(limited.headers["Retry-After"])
        assert (await post(client)).status_code == 202


async def test_one_integration_at_its_limit_does_not_slow_another(
    tmp_path: Path, clock: SteppedClock
) -> None:
    deps = rate_limited(tmp_path, clock, 1, 1)
    async with intake_client(deps) as client:
        hotline = [(await post(client)).status_code for _ in "ab"]
        webform = await post(client, WEBFORM_KEY)
    assert hotline == [202, 429]
    assert webform.status_code == 202


async def test_refusals_of_unknown_keys_spend_no_integrations_tokens(
    tmp_path: Path, clock: SteppedClock
) -> None:
    deps = rate_limited(tmp_path, clock, 1, 1)
    async with intake_client(deps) as client:
        for key in ("hrl_guess", OLD_KEY):
            assert (await post(client, key)).status_code == 401
        answer = await post(client)
    assert answer.status_code == 202


def test_the_bucket_never_holds_more_than_its_burst(clock: SteppedClock) -> None:
    limiter = RateLimiter(rate_per_s=10, burst=3, clock=clock)
    clock.now += 3600
    admitted = [limiter.admit("hotline") is None for _ in range(5)]
    assert admitted == [True, True, True, False, False]


def test_a_rate_or_burst_that_admits_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="rate_per_s"):
        RateLimiter(rate_per_s=0, burst=10)
    with pytest.raises(ValueError, match="burst"):
        RateLimiter(rate_per_s=10, burst=0)
