"""The spine, end to end on the real broker: intake -> Kafka -> scoring -> Kafka -> notify ->
gRPC gateway -> a real SMTP server and the SMS outbox."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx
import pytest

from haruul_common.events import RiskEventV1
from haruul_common.kafka import DLQ_REASON
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_notify.domain.lifecycle import alert_id_for_case
from tests.support.kafka import Record, wait_for_records, wait_until_consumed
from tests.support.pipeline import RunningPlatform, eventually, running_platform

pytestmark = pytest.mark.integration

HELD_NOW = (
    "My sister answered an online ad for a translator job with a high salary. Now she writes "
    "from Poipet that her passport was taken, she is not allowed to leave the compound and "
    "must scam people online 15 hours a day. They demand $6,000 ransom for her release."
)
HOLIDAY = "We are planning a two-week family holiday in Bangkok and Phuket. Which vaccines?"


@dataclass
class Pipeline(RunningPlatform):
    bootstrap: str = ""

    def sms_for(self, alert_id: str) -> list[dict[str, str]]:
        return [
            json.loads(p.read_text()) for p in sorted(self.sms_outbox.glob(f"{alert_id}-*.json"))
        ]

    async def post(self, body: dict[str, object], **headers: str) -> httpx.Response:
        async with httpx.AsyncClient(base_url=self.intake_url) as client:
            return await client.post(
                "/v1/reports",
                json=body,
                headers={"Authorization": f"Bearer {self.api_key}", **headers},
            )


@pytest.fixture(scope="module")
async def pipeline(
    kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Pipeline]:
    async with running_platform(kafka_bootstrap, tmp_path_factory.mktemp("pipeline")) as p:
        yield Pipeline(**vars(p), bootstrap=kafka_bootstrap)


def _keyed(report_id: str) -> Callable[[Record], bool]:
    return lambda record: record.key == report_id.encode()


async def risk_events_for(pipeline: Pipeline, report_id: str, count: int = 1) -> list[RiskEventV1]:
    records: list[Record] = await asyncio.to_thread(
        wait_for_records, pipeline.bootstrap, RISK_EVENTS.name, _keyed(report_id), count
    )
    return [RiskEventV1.model_validate_json(r.value) for r in records]


async def test_a_report_reaches_the_officer_by_email_and_sms(pipeline: Pipeline) -> None:
    answer = await pipeline.post(
        {
            "text": HELD_NOW,
            "language": "en",
            "destination_country": "KH",
            "reporter": {"name": "Saraa Test", "phone": "+97688112233"},
        }
    )
    assert answer.status_code == 202
    report_id = answer.json()["report_id"]
    [event] = await risk_events_for(pipeline, report_id)
    alert_id = alert_id_for_case(event.case_id or "")

    await eventually(
        lambda: bool(pipeline.smtp.for_alert(alert_id) and pipeline.sms_for(alert_id)),
        what="the alert's e-mail and SMS",
    )

    [mail] = pipeline.smtp.for_alert(alert_id)
    assert mail["To"] == "primary@consulate.example"
    assert mail["X-Haruul-Report-Id"] == report_id
    assert report_id in mail.get_content()
    [sms] = pipeline.sms_for(alert_id)
    assert sms["to"] == "+97699000042"
    assert sms["report_id"] == report_id
    assert alert_id in sms["text"]
    # The reporter's name and phone stay in the data path, out of the officer's SMS and e-mail.
    for delivered in (mail.as_string(), json.dumps(sms)):
        assert "Saraa" not in delivered
        assert "88112233" not in delivered
    assert event.level in ("high", "critical")
    assert event.stage == "destination"


async def test_every_service_counts_what_it_did(pipeline: Pipeline) -> None:
    answer = await pipeline.post({"text": HELD_NOW})
    [event] = await risk_events_for(pipeline, answer.json()["report_id"])
    alert_id = alert_id_for_case(event.case_id or "")
    await eventually(lambda: len(pipeline.sms_for(alert_id)) == 1, what="the SMS")
    async with httpx.AsyncClient(base_url=pipeline.intake_url) as client:
        intake_metrics = (await client.get("/metrics")).text
    assert 'haruul_intake_reports_accepted_total{integration="test-hotline"}' in intake_metrics
    scored = pipeline.scoring.metrics.registry.get_sample_value
    assert (scored("haruul_scoring_events_scored_total", {"level": "critical"}) or 0) + (
        scored("haruul_scoring_events_scored_total", {"level": "high"}) or 0
    ) >= 1
    delivered = pipeline.notify.metrics.registry.get_sample_value
    assert (
        delivered("haruul_notify_deliveries_total", {"channel": "sms", "outcome": "delivered"}) or 0
    ) >= 1
    assert delivered("haruul_notify_report_to_delivery_seconds_count", {"channel": "email"})


async def test_a_low_risk_report_is_scored_but_pages_nobody(pipeline: Pipeline) -> None:
    answer = await pipeline.post({"text": HOLIDAY})
    report_id = answer.json()["report_id"]
    [event] = await risk_events_for(pipeline, report_id)
    assert event.level == "low"
    await asyncio.to_thread(
        wait_until_consumed, pipeline.bootstrap, pipeline.notify.settings.group_id, RISK_EVENTS.name
    )
    alert_id = alert_id_for_case(event.case_id or "")
    assert not pipeline.smtp.for_alert(alert_id)
    assert not pipeline.sms_for(alert_id)
    assert pipeline.notify.alerts.store.get(alert_id) is None


async def test_requests_without_a_valid_key_are_refused(pipeline: Pipeline) -> None:
    async with httpx.AsyncClient(base_url=pipeline.intake_url) as client:
        missing = await client.post("/v1/reports", json={"text": HELD_NOW})
        wrong = await client.post(
            "/v1/reports",
            json={"text": HELD_NOW},
            headers={"Authorization": "Bearer hrl_not-a-key"},
        )
    for answer in (missing, wrong):
        assert answer.status_code == 401
        assert answer.headers["WWW-Authenticate"] == "Bearer"
        assert answer.json()["error"]["code"] == "unauthorized"


async def test_an_invalid_report_names_each_bad_field(pipeline: Pipeline) -> None:
    answer = await pipeline.post(
        {"language": "english!", "destination_country": "Cambodia", "subject": {"phone": "1" * 100}}
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid_report"
    fields = {problem["field"] for problem in error["fields"]}
    assert fields == {"text", "language", "destination_country", "subject.phone"}
    assert "1" * 100 not in answer.text  # the bad value is not echoed back


async def test_a_retry_with_the_same_idempotency_key_publishes_nothing_new(
    pipeline: Pipeline,
) -> None:
    key = f"retry-{uuid.uuid4()}"
    first = await pipeline.post({"text": HOLIDAY}, **{"Idempotency-Key": key})
    second = await pipeline.post({"text": HOLIDAY}, **{"Idempotency-Key": key})
    reused = await pipeline.post({"text": HELD_NOW}, **{"Idempotency-Key": key})
    assert first.status_code == second.status_code == 202
    assert second.json()["report_id"] == first.json()["report_id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert reused.status_code == 409
    assert reused.json()["error"]["code"] == "idempotency_key_reused"
    report_id = first.json()["report_id"]
    records = await asyncio.to_thread(
        wait_for_records, pipeline.bootstrap, REPORTS.name, _keyed(report_id)
    )
    assert len(records) == 1


async def test_a_poison_message_is_dead_lettered_and_the_next_report_still_scored(
    pipeline: Pipeline,
) -> None:
    poison_key = f"poison-{uuid.uuid4()}".encode()
    await pipeline.scoring.broker.publish(b"\xff\xfe not a report", REPORTS.name, key=poison_key)
    answer = await pipeline.post({"text": HELD_NOW})

    [dead] = await asyncio.to_thread(
        wait_for_records,
        pipeline.bootstrap,
        REPORTS.dead_letter,
        lambda record: record.key == poison_key,
    )
    assert dead.value == b"\xff\xfe not a report"
    assert dead.headers[DLQ_REASON].decode().startswith("not a v1 report")
    [event] = await risk_events_for(pipeline, answer.json()["report_id"])
    assert event.level in ("high", "critical")


async def test_intake_is_ready_while_the_broker_answers(pipeline: Pipeline) -> None:
    async with httpx.AsyncClient(base_url=pipeline.intake_url) as client:
        health = await client.get("/healthz")
        spec = await client.get("/openapi.json")
    assert health.status_code == 200
    assert health.json() == {"status": "ready"}
    assert spec.json()["paths"]["/v1/reports"]["post"]["responses"]["202"]
