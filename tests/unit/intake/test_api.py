"""Intake's HTTP contract, with an in-memory publisher standing in for the broker."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from prometheus_client import CollectorRegistry

from haruul_intake.metrics import IntakeMetrics
from tests.support.intake import MemoryPublisher, intake_client, intake_dependencies

KEY = "hrl_test-key"


@pytest.fixture
def publisher() -> MemoryPublisher:
    return MemoryPublisher()


@pytest.fixture
def metrics() -> IntakeMetrics:
    return IntakeMetrics(CollectorRegistry())


@pytest.fixture
async def client(
    publisher: MemoryPublisher, metrics: IntakeMetrics, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    deps = intake_dependencies(tmp_path, KEY, publisher=publisher, metrics=metrics)
    async with intake_client(deps, KEY) as http:
        yield http


async def test_an_accepted_report_is_published_with_its_id_and_integration(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    answer = await client.post(
        "/v1/reports", json={"text": "passport taken in Bavet", "destination_country": "KH"}
    )
    assert answer.status_code == 202
    [report] = publisher.published
    assert answer.json() == {"report_id": report.report_id, "status": "accepted"}
    assert report.integration_id == "hotline-1903"
    assert report.destination_country == "KH"
    assert report.accepted_at.tzinfo is not None


async def test_without_a_valid_key_nothing_is_published(
    client: httpx.AsyncClient, publisher: MemoryPublisher, metrics: IntakeMetrics
) -> None:
    for headers in (
        {"Authorization": ""},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {KEY}"},
    ):
        answer = await client.post("/v1/reports", json={"text": "x"}, headers=headers)
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "unauthorized"
    assert publisher.published == []
    assert (
        metrics.registry.get_sample_value(
            "haruul_intake_reports_rejected_total", {"reason": "unauthorized"}
        )
        == 3
    )


async def test_a_bad_key_is_refused_before_the_body_is_judged(client: httpx.AsyncClient) -> None:
    answer = await client.post("/v1/reports", json={}, headers={"Authorization": "Bearer no"})
    assert answer.status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x", "channel": "pigeon"}, "channel"),
        ({"text": "x", "relation": "boss"}, "relation"),
        ({"text": "x", "reporter": {"email": "e" * 300}}, "reporter.email"),
        ({"text": "x", "unexpected": 1}, "unexpected"),
    ],
)
async def test_an_invalid_field_is_named(
    client: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    answer = await client.post("/v1/reports", json=body)
    assert answer.status_code == 422
    assert field in {problem["field"] for problem in answer.json()["error"]["fields"]}


async def test_a_body_that_is_not_json_is_422(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/v1/reports", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_report"


async def test_an_oversized_body_is_413(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    answer = await client.post("/v1/reports", json={"text": "x" * 5000})
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "body_too_large"
    assert publisher.published == []


async def test_idempotent_retry_returns_the_first_id_and_publishes_once(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    headers = {"Idempotency-Key": "call-77"}
    first = await client.post("/v1/reports", json={"text": "a"}, headers=headers)
    again = await client.post("/v1/reports", json={"text": "a"}, headers=headers)
    assert again.json()["report_id"] == first.json()["report_id"]
    assert len(publisher.published) == 1
    different = await client.post("/v1/reports", json={"text": "b"}, headers=headers)
    assert different.status_code == 409


async def test_when_the_broker_fails_the_client_is_told_to_retry_and_may_reuse_its_key(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    publisher.failing = True
    refused = await client.post(
        "/v1/reports", json={"text": "a"}, headers={"Idempotency-Key": "k1"}
    )
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "5"
    assert refused.json()["error"]["code"] == "broker_unavailable"
    publisher.failing = False
    retried = await client.post(
        "/v1/reports", json={"text": "a"}, headers={"Idempotency-Key": "k1"}
    )
    assert retried.status_code == 202
    assert [r.report_id for r in publisher.published] == [retried.json()["report_id"]]


async def test_healthz_follows_the_broker(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    assert (await client.get("/healthz")).status_code == 200
    publisher.failing = True
    assert (await client.get("/healthz")).status_code == 503


async def test_openapi_describes_the_report_endpoint(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert "/v1/reports" in spec["paths"]
    assert "ReportSubmission" in spec["components"]["schemas"]
