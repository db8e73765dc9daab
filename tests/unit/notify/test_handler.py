"""Notify's Kafka edge: risk event in, deliveries out, failures never dropped silently."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import pytest
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import delivery_pb2
from haruul_common.events import IndicatorV1, PlaceV1, RiskEventV1
from haruul_common.kafka import SourceRecord
from haruul_notify.domain.alerts import Channel, Delivery, Recipient, alert_id_for
from haruul_notify.gateway_client import DeliveryFailed
from haruul_notify.handler import DeliveriesIncomplete, RiskEventHandler
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics

ACCEPTED_AT = datetime(2025, 3, 1, 8, 0, 0, tzinfo=UTC)
NOW = ACCEPTED_AT + timedelta(seconds=2.5)
EXPLANATION = "Passport taken by the employer; not allowed to leave the compound."

DUTY = Recipient(
    "officer-duty", "+97699112233", "duty@consulate.example", (Channel.SMS, Channel.EMAIL)
)
DESK = Recipient("desk", None, "desk@consulate.example", (Channel.EMAIL,))


def _event(level: str = "critical", report_id: str = "rep-0001") -> RiskEventV1:
    return RiskEventV1.model_validate(
        {
            "event_id": f"evt-{report_id}",
            "report_id": report_id,
            "integration_id": "hotline",
            "accepted_at": ACCEPTED_AT,
            "scored_at": ACCEPTED_AT + timedelta(seconds=1),
            "score": 91 if level == "critical" else 12,
            "level": level,
            "stage": "destination",
            "indicators": [IndicatorV1(code="DOC_CONFISCATED", reason="passport taken")],
            "places": [PlaceV1(name="Dubai", country="AE", role="destination")],
            "explanation": EXPLANATION,
            "engine_version": "rules-1",
            "destination_country": "AE",
        }
    )


def _record(value: bytes, offset: int = 7) -> SourceRecord:
    return SourceRecord(
        topic="haruul.risk-events.v1", partition=0, offset=offset, key=b"rep-0001", value=value
    )


def _record_of(event: RiskEventV1) -> SourceRecord:
    return _record(event.model_dump_json().encode())


@dataclass
class FakeGateway:
    """Accepts every delivery, or fails those whose channel is in `failing`."""

    failing: set[Channel] = field(default_factory=set)
    failure_code: grpc.StatusCode = grpc.StatusCode.UNAVAILABLE
    duplicate: bool = False
    sent: list[Delivery] = field(default_factory=list)
    calls: int = 0

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        self.calls += 1
        if delivery.channel in self.failing:
            raise DeliveryFailed(self.failure_code, "gave up after 3 attempts")
        self.sent.append(delivery)
        return delivery_pb2.DeliveryReceipt(
            receipt_id=f"rcp-{len(self.sent)}",
            idempotency_key=delivery.idempotency_key,
            duplicate=self.duplicate,
        )


@dataclass
class FakeDeadLetters:
    entries: list[tuple[SourceRecord, str]] = field(default_factory=list)

    async def dead_letter(self, record: SourceRecord, reason: str) -> None:
        self.entries.append((record, reason))


@dataclass
class Rig:
    gateway: FakeGateway
    dead_letters: FakeDeadLetters
    ledger: DeliveryLedger
    metrics: NotifyMetrics

    def handler(self, gateway: FakeGateway | None = None) -> RiskEventHandler:
        return RiskEventHandler(
            recipients=(DUTY, DESK),
            alert_level="high",
            ledger=self.ledger,
            gateway=gateway or self.gateway,
            dead_letters=self.dead_letters,
            metrics=self.metrics,
            clock=lambda: NOW,
        )

    def sample(self, name: str, **labels: str) -> float:
        return self.metrics.registry.get_sample_value(name, labels) or 0.0

    def deliveries(self, channel: str, outcome: str) -> float:
        return self.sample("haruul_notify_deliveries_total", channel=channel, outcome=outcome)


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    ledger = DeliveryLedger(tmp_path / "ledger.db")
    yield Rig(FakeGateway(), FakeDeadLetters(), ledger, NotifyMetrics(CollectorRegistry()))
    ledger.close()


ALERT_ID = alert_id_for("rep-0001")


async def test_unreadable_bytes_are_dead_lettered_and_nothing_is_sent(rig: Rig) -> None:
    record = _record(b"\xff\xfe not json")

    await rig.handler().handle(record)

    assert rig.dead_letters.entries == [(record, "not a v1 risk event (payload)")]
    assert rig.gateway.calls == 0
    assert rig.sample("haruul_notify_dead_letters_total", reason="unreadable") == 1


async def test_wrong_shape_is_dead_lettered_naming_fields_not_content(rig: Rig) -> None:
    payload = _event().model_dump(mode="json")
    del payload["report_id"]
    payload["level"] = "apocalyptic"
    record = _record(json.dumps(payload).encode())

    await rig.handler().handle(record)

    [(dead, reason)] = rig.dead_letters.entries
    assert dead is record
    assert reason == "not a v1 risk event (level, report_id)"
    assert "apocalyptic" not in reason
    assert rig.gateway.calls == 0


@pytest.mark.parametrize("level", ["low", "medium"])
async def test_below_alert_level_sends_nothing(rig: Rig, level: str) -> None:
    await rig.handler().handle(_record_of(_event(level)))

    assert rig.gateway.calls == 0
    assert rig.dead_letters.entries == []
    assert rig.ledger.deliveries_for_alert(ALERT_ID) == []
    assert rig.sample("haruul_notify_alerts_raised_total", level=level) == 0


async def test_critical_event_delivers_on_every_channel_of_every_recipient(rig: Rig) -> None:
    await rig.handler().handle(_record_of(_event("critical")))

    assert [(d.recipient_id, d.channel, d.address) for d in rig.gateway.sent] == [
        ("officer-duty", Channel.SMS, "+97699112233"),
        ("officer-duty", Channel.EMAIL, "duty@consulate.example"),
        ("desk", Channel.EMAIL, "desk@consulate.example"),
    ]
    assert {d.alert_id for d in rig.gateway.sent} == {ALERT_ID}
    email = rig.gateway.sent[1]
    assert EXPLANATION in email.body
    assert EXPLANATION not in rig.gateway.sent[0].body
    assert rig.ledger.deliveries_for_alert(ALERT_ID) == [
        ("desk", "email", "delivered"),
        ("officer-duty", "email", "delivered"),
        ("officer-duty", "sms", "delivered"),
    ]
    assert rig.sample("haruul_notify_alerts_raised_total", level="critical") == 1
    assert rig.deliveries("sms", "delivered") == 1
    assert rig.deliveries("email", "delivered") == 2


async def test_latency_from_acceptance_to_delivery_is_observed(rig: Rig) -> None:
    await rig.handler().handle(_record_of(_event("critical")))

    histogram = "haruul_notify_report_to_delivery_seconds"
    assert rig.sample(f"{histogram}_count", channel="sms") == 1
    assert rig.sample(f"{histogram}_sum", channel="sms") == pytest.approx(2.5)
    assert rig.sample(f"{histogram}_count", channel="email") == 2
    assert rig.sample(f"{histogram}_sum", channel="email") == pytest.approx(5.0)
    assert rig.sample(f"{histogram}_bucket", channel="sms", le="2.5") == 1
    assert rig.sample(f"{histogram}_bucket", channel="sms", le="1.0") == 0


async def test_same_event_twice_is_skipped_and_gateway_not_called_again(rig: Rig) -> None:
    record = _record_of(_event("critical"))
    handler = rig.handler()

    await handler.handle(record)
    await handler.handle(record)

    assert rig.gateway.calls == 3
    assert rig.deliveries("sms", "skipped") == 1
    assert rig.deliveries("email", "skipped") == 2
    assert rig.sample("haruul_notify_report_to_delivery_seconds_count", channel="email") == 2


async def test_failed_deliveries_raise_and_are_recorded_as_failed(rig: Rig) -> None:
    failing = FakeGateway(failing={Channel.SMS, Channel.EMAIL})

    with pytest.raises(DeliveriesIncomplete, match=f"3 deliveries of alert {ALERT_ID} failed"):
        await rig.handler(failing).handle(_record_of(_event("critical")))

    assert failing.calls == 3  # one failure does not stop the other deliveries
    assert rig.ledger.deliveries_for_alert(ALERT_ID) == [
        ("desk", "email", "failed"),
        ("officer-duty", "email", "failed"),
        ("officer-duty", "sms", "failed"),
    ]
    assert rig.deliveries("sms", "failed") == 1
    assert rig.deliveries("email", "failed") == 2
    assert rig.sample("haruul_notify_report_to_delivery_seconds_count", channel="sms") == 0


async def test_a_refused_delivery_is_recorded_and_counted_but_does_not_block_the_stream(
    rig: Rig,
) -> None:
    refusing = FakeGateway(failing={Channel.SMS}, failure_code=grpc.StatusCode.FAILED_PRECONDITION)

    await rig.handler(refusing).handle(_record_of(_event("critical")))

    assert ("officer-duty", "sms", "failed") in rig.ledger.deliveries_for_alert(ALERT_ID)
    assert rig.deliveries("sms", "refused") == 1
    assert rig.deliveries("email", "delivered") == 2


async def test_retry_after_partial_failure_sends_only_what_failed(rig: Rig) -> None:
    record = _record_of(_event("critical"))
    sms_down = FakeGateway(failing={Channel.SMS})

    with pytest.raises(DeliveriesIncomplete, match="1 deliveries"):
        await rig.handler(sms_down).handle(record)
    await rig.handler().handle(record)

    assert [d.channel for d in sms_down.sent] == [Channel.EMAIL, Channel.EMAIL]
    assert [(d.recipient_id, d.channel) for d in rig.gateway.sent] == [
        ("officer-duty", Channel.SMS)
    ]
    assert all(status == "delivered" for *_, status in rig.ledger.deliveries_for_alert(ALERT_ID))


async def test_gateway_duplicate_is_recorded_delivered_without_latency(rig: Rig) -> None:
    # notify crashed after the gateway sent but before its ledger write: the gateway says so.
    await rig.handler(FakeGateway(duplicate=True)).handle(_record_of(_event("critical")))

    assert rig.deliveries("sms", "duplicate") == 1
    assert rig.deliveries("email", "duplicate") == 2
    assert rig.ledger.deliveries_for_alert(ALERT_ID)[0][2] == "delivered"
    assert rig.sample("haruul_notify_report_to_delivery_seconds_count", channel="sms") == 0


async def test_an_event_with_a_timestamp_without_offset_is_dead_lettered(rig: Rig) -> None:
    payload = _event("critical").model_dump(mode="json")
    payload["accepted_at"] = "2025-03-01T08:00:00"  # no offset: not a v1 risk event
    record = _record(json.dumps(payload).encode())

    await rig.handler().handle(record)

    assert rig.dead_letters.entries == [(record, "not a v1 risk event (accepted_at)")]
    assert rig.gateway.calls == 0


async def test_a_medium_report_in_a_case_corroborated_to_high_pages(rig: Rig) -> None:
    corroborated = _event("medium").model_copy(update={"case_id": "case-1", "case_level": "high"})

    await rig.handler().handle(_record_of(corroborated))

    assert rig.gateway.calls == 3
    assert all(
        "HIGH" in delivery.body or "HIGH" in delivery.subject for delivery in rig.gateway.sent
    )


async def test_a_medium_report_in_a_medium_case_pages_nobody(rig: Rig) -> None:
    uncorroborated = _event("medium").model_copy(
        update={"case_id": "case-1", "case_level": "medium"}
    )

    await rig.handler().handle(_record_of(uncorroborated))

    assert rig.gateway.calls == 0
