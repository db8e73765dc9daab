"""Signed requests for webhook-style integrations: each failure has its own 401 code, a
signature is good once inside the window, and integrations without a secret are unaffected.

Time is a clock the test sets; nothing sleeps.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from haruul_intake.api_keys import KeyRing, digest
from haruul_intake.app import IntakeDependencies, build_app
from haruul_intake.rate_limit import RateLimiter
from haruul_intake.request_signing import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureCheck,
    signature,
)
from haruul_intake.seen_signatures import SeenSignatures
from tests.support.intake import MemoryPublisher, intake_client, intake_dependencies

PARTNER_KEY, HOTLINE_KEY = "hrl_partner", "hrl_hotline"
SECRET, NEXT_SECRET, HOTLINE_SECRET = "s" * 40, "n" * 40, "h" * 40
WINDOW_S = 300
BODY = json.dumps({"text": "passport taken in Bavet"}).encode()
RING = KeyRing(digests=((digest(PARTNER_KEY), "partner-webhook"), (digest(HOTLINE_KEY), "hotline")))


class WallClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def timestamp(self, shift_s: int = 0) -> str:
        return str(int(self.now.timestamp()) + shift_s)


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


def signature_check(tmp_path: Path, clock: WallClock) -> SignatureCheck:
    secrets = {"partner-webhook": (SECRET.encode(), NEXT_SECRET.encode())}
    return SignatureCheck(secrets, WINDOW_S, SeenSignatures(tmp_path / "intake.db"), clock)


@pytest.fixture
def deps(tmp_path: Path, clock: WallClock) -> IntakeDependencies:
    return intake_dependencies(
        tmp_path, PARTNER_KEY, key_ring=RING, signatures=signature_check(tmp_path, clock)
    )


@pytest.fixture
async def client(deps: IntakeDependencies) -> AsyncIterator[httpx.AsyncClient]:
    async with intake_client(deps, PARTNER_KEY) as http:
        yield http


def signed(timestamp: str, secret: str = SECRET, body: bytes = BODY) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }


def published(deps: IntakeDependencies) -> int:
    assert isinstance(deps.publisher, MemoryPublisher)
    return len(deps.publisher.published)


def refused_with(answer: httpx.Response, code: str) -> None:
    assert answer.status_code == 401, answer.text
    assert answer.json()["error"]["code"] == code
    assert SECRET not in answer.text
    assert "partner-webhook" not in answer.text


async def test_a_signed_report_is_accepted_once_and_its_replay_refused(
    client: httpx.AsyncClient, deps: IntakeDependencies, clock: WallClock
) -> None:
    headers = signed(clock.timestamp())
    first = await client.post("/v1/reports", content=BODY, headers=headers)
    assert first.status_code == 202
    clock.now += timedelta(seconds=60)
    refused_with(
        await client.post("/v1/reports", content=BODY, headers=headers), "signature_replayed"
    )
    assert published(deps) == 1


async def test_an_integration_without_a_secret_sends_unsigned_reports_as_before(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post(
        "/v1/reports",
        content=BODY,
        headers={"Authorization": f"Bearer {HOTLINE_KEY}", "Content-Type": "application/json"},
    )
    assert answer.status_code == 202


@pytest.mark.parametrize(
    "drop", [[TIMESTAMP_HEADER], [SIGNATURE_HEADER], [TIMESTAMP_HEADER, SIGNATURE_HEADER]]
)
async def test_a_missing_header_is_signature_missing(
    client: httpx.AsyncClient, deps: IntakeDependencies, clock: WallClock, drop: list[str]
) -> None:
    headers = {k: v for k, v in signed(clock.timestamp()).items() if k not in drop}
    refused_with(
        await client.post("/v1/reports", content=BODY, headers=headers), "signature_missing"
    )
    assert published(deps) == 0


@pytest.mark.parametrize(
    "tamper",
    ["another-secret", "hotline-secret", "body", "timestamp", "scheme", "not-hex"],
)
async def test_a_wrong_signature_is_signature_invalid(
    client: httpx.AsyncClient, deps: IntakeDependencies, clock: WallClock, tamper: str
) -> None:
    now = clock.timestamp()
    headers = {
        "another-secret": signed(now, secret="x" * 40),
        "hotline-secret": signed(now, secret=HOTLINE_SECRET),  # another integration's secret
        "body": signed(now, body=BODY.replace(b"Bavet", b"Poipet")),
        "timestamp": signed(now) | {TIMESTAMP_HEADER: clock.timestamp(-1)},
        "scheme": signed(now)
        | {SIGNATURE_HEADER: signed(now)[SIGNATURE_HEADER].replace("sha256", "sha1")},
        "not-hex": signed(now) | {SIGNATURE_HEADER: "sha256=" + "z" * 64},
    }[tamper]
    answer = await client.post("/v1/reports", content=BODY, headers=headers)
    refused_with(answer, "signature_invalid")
    assert headers[SIGNATURE_HEADER] not in answer.text
    assert published(deps) == 0


@pytest.mark.parametrize("shift_s", [-WINDOW_S - 1, WINDOW_S + 1, -86_400])
async def test_a_timestamp_outside_the_window_is_stale(
    client: httpx.AsyncClient, clock: WallClock, shift_s: int
) -> None:
    answer = await client.post(
        "/v1/reports", content=BODY, headers=signed(clock.timestamp(shift_s))
    )
    refused_with(answer, "timestamp_stale")


@pytest.mark.parametrize("shift_s", [-WINDOW_S, WINDOW_S])
async def test_a_timestamp_at_the_edge_of_the_window_is_accepted(
    client: httpx.AsyncClient, clock: WallClock, shift_s: int
) -> None:
    answer = await client.post(
        "/v1/reports", content=BODY, headers=signed(clock.timestamp(shift_s))
    )
    assert answer.status_code == 202


async def test_a_replay_after_the_window_is_refused_as_stale(
    client: httpx.AsyncClient, clock: WallClock
) -> None:
    headers = signed(clock.timestamp())
    assert (await client.post("/v1/reports", content=BODY, headers=headers)).status_code == 202
    clock.now += timedelta(seconds=WINDOW_S + 1)
    refused_with(await client.post("/v1/reports", content=BODY, headers=headers), "timestamp_stale")


async def test_during_rotation_either_secret_is_good(
    client: httpx.AsyncClient, clock: WallClock
) -> None:
    for secret, shift_s in ((SECRET, 0), (NEXT_SECRET, 1)):
        answer = await client.post(
            "/v1/reports", content=BODY, headers=signed(clock.timestamp(shift_s), secret)
        )
        assert answer.status_code == 202


async def test_a_signed_report_refused_by_the_broker_can_be_resent_as_it_was(
    client: httpx.AsyncClient, deps: IntakeDependencies, clock: WallClock
) -> None:
    assert isinstance(deps.publisher, MemoryPublisher)
    headers = signed(clock.timestamp())
    deps.publisher.failing = True
    assert (await client.post("/v1/reports", content=BODY, headers=headers)).status_code == 503
    deps.publisher.failing = False
    assert (await client.post("/v1/reports", content=BODY, headers=headers)).status_code == 202
    refused_with(
        await client.post("/v1/reports", content=BODY, headers=headers), "signature_replayed"
    )


async def test_a_signed_invalid_report_is_told_what_is_wrong_each_time(
    client: httpx.AsyncClient, clock: WallClock
) -> None:
    body = json.dumps({"text": "x", "channel": "pigeon"}).encode()
    headers = signed(clock.timestamp(), body=body)
    for _ in range(2):
        answer = await client.post("/v1/reports", content=body, headers=headers)
        assert answer.status_code == 422
        assert answer.json()["error"]["code"] == "invalid_report"


async def test_a_signed_report_refused_for_its_rate_is_not_spent(
    tmp_path: Path, clock: WallClock
) -> None:
    seconds = 0.0
    limiter = RateLimiter(rate_per_s=1, burst=1, clock=lambda: seconds)
    deps = intake_dependencies(
        tmp_path,
        PARTNER_KEY,
        key_ring=RING,
        signatures=signature_check(tmp_path, clock),
        rate_limiter=limiter,
    )
    async with intake_client(deps, PARTNER_KEY) as client:
        assert (
            await client.post("/v1/reports", content=BODY, headers=signed(clock.timestamp()))
        ).status_code == 202
        second = signed(clock.timestamp(1))
        assert (await client.post("/v1/reports", content=BODY, headers=second)).status_code == 429
        seconds += 1
        assert (await client.post("/v1/reports", content=BODY, headers=second)).status_code == 202


async def test_a_restart_inside_the_window_does_not_forget_a_used_signature(
    tmp_path: Path, clock: WallClock
) -> None:
    headers = signed(clock.timestamp())
    for expected in (202, 401):
        deps = intake_dependencies(
            tmp_path, PARTNER_KEY, key_ring=RING, signatures=signature_check(tmp_path, clock)
        )
        async with intake_client(deps, PARTNER_KEY) as client:
            answer = await client.post("/v1/reports", content=BODY, headers=headers)
        assert answer.status_code == expected
    refused_with(answer, "signature_replayed")


def test_openapi_documents_the_signing_headers_and_the_429(deps: IntakeDependencies) -> None:
    operation = build_app(deps).openapi()["paths"]["/v1/reports"]["post"]
    headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert {TIMESTAMP_HEADER, SIGNATURE_HEADER} <= headers
    assert "Retry-After" in operation["responses"]["429"]["headers"]
