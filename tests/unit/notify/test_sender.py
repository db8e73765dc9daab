"""Each delivery goes once: the ledger first, then the gateway; refusals are final and visible."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import delivery_pb2
from haruul_notify.domain.alerts import Channel, Delivery
from haruul_notify.gateway_client import DeliveryFailed
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.sender import DeliverySender

NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
SMS = Delivery(
    "alt-1/officer/sms/step-300",
    "alt-1",
    "r1",
    "officer",
    Channel.SMS,
    "+97699000042",
    "",
    "HARUUL CRITICAL ...",
)


class Gateway:
    def __init__(self, failure: grpc.StatusCode | None = None, duplicate: bool = False) -> None:
        self.calls, self.failure, self.duplicate = 0, failure, duplicate

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        self.calls += 1
        if self.failure is not None:
            raise DeliveryFailed(self.failure, "refused by the channel")
        return delivery_pb2.DeliveryReceipt(receipt_id="rcp-1", duplicate=self.duplicate)


def _sender(tmp: Path, gateway: Gateway) -> tuple[DeliverySender, NotifyMetrics, DeliveryLedger]:
    metrics, ledger = NotifyMetrics(CollectorRegistry()), DeliveryLedger(tmp / "ledger.db")
    return DeliverySender(ledger, gateway, metrics, lambda: NOW), metrics, ledger


def _count(metrics: NotifyMetrics, outcome: str) -> float:
    value = metrics.registry.get_sample_value(
        "haruul_notify_deliveries_total", {"channel": "sms", "outcome": outcome}
    )
    return value or 0.0


async def test_a_delivered_key_is_never_sent_again(tmp_path: Path) -> None:
    gateway = Gateway()
    sender, metrics, _ = _sender(tmp_path, gateway)
    assert await sender.send(SMS, accepted_at=NOW - timedelta(seconds=3))
    assert await sender.send(SMS)
    assert gateway.calls == 1
    assert _count(metrics, "skipped") == 1
    assert (
        metrics.registry.get_sample_value(
            "haruul_notify_report_to_delivery_seconds_sum", {"channel": "sms"}
        )
        == 3
    )


async def test_a_refused_delivery_is_final_and_counted(tmp_path: Path) -> None:
    sender, metrics, ledger = _sender(tmp_path, Gateway(grpc.StatusCode.FAILED_PRECONDITION))
    assert await sender.send(SMS)  # final: the step does not wait for it
    assert _count(metrics, "refused") == 1
    assert ledger.deliveries_for_alert("alt-1") == [("officer", "sms", "failed")]


async def test_an_unreachable_gateway_leaves_the_work_pending(tmp_path: Path) -> None:
    sender, metrics, ledger = _sender(tmp_path, Gateway(grpc.StatusCode.UNAVAILABLE))
    assert not await sender.send(SMS)
    assert _count(metrics, "failed") == 1
    assert not ledger.is_delivered(SMS.idempotency_key)


async def test_a_gateway_duplicate_counts_as_delivered_without_latency(tmp_path: Path) -> None:
    sender, metrics, ledger = _sender(tmp_path, Gateway(duplicate=True))
    assert await sender.send(SMS, accepted_at=NOW)
    assert ledger.is_delivered(SMS.idempotency_key)
    assert _count(metrics, "duplicate") == 1
    assert metrics.registry.get_sample_value(
        "haruul_notify_report_to_delivery_seconds_count", {"channel": "sms"}
    ) in (None, 0.0)


async def test_an_error_inside_the_gateway_is_retried_later_not_dropped(tmp_path: Path) -> None:
    sender, metrics, _ = _sender(tmp_path, Gateway(grpc.StatusCode.UNKNOWN))
    assert not await sender.send(SMS)
    assert _count(metrics, "failed") == 1
    assert _count(metrics, "refused") == 0


class ChannelGateway:
    """A gateway whose channels each work or fail with their own status code."""

    def __init__(self, failing: dict[Channel, grpc.StatusCode]) -> None:
        self.failing = failing
        self.sent: list[str] = []

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        code = self.failing.get(delivery.channel)
        if code is not None:
            raise DeliveryFailed(code, f"{delivery.channel} down")
        self.sent.append(delivery.idempotency_key)
        return delivery_pb2.DeliveryReceipt(receipt_id=f"rcp-{len(self.sent)}")


EMAIL = Delivery(
    "alt-1/officer/email/step-300",
    "alt-1",
    "r1",
    "officer",
    Channel.EMAIL,
    "officer@consulate.example",
    "HARUUL CRITICAL",
    "...",
)
SMS_OR_EMAIL = replace(SMS, fallback=EMAIL)


def _fallbacks(metrics: NotifyMetrics, source: str, target: str) -> float:
    value = metrics.registry.get_sample_value(
        "haruul_notify_channel_fallbacks_total", {"from_channel": source, "to_channel": target}
    )
    return value or 0.0


def _fallback_sender(
    tmp: Path, gateway: ChannelGateway
) -> tuple[DeliverySender, NotifyMetrics, DeliveryLedger]:
    metrics, ledger = NotifyMetrics(CollectorRegistry()), DeliveryLedger(tmp / "ledger.db")
    return DeliverySender(ledger, gateway, metrics, lambda: NOW, fallback_after=3), metrics, ledger


async def test_a_channel_that_keeps_failing_falls_back_to_the_other(tmp_path: Path) -> None:
    gateway = ChannelGateway({Channel.SMS: grpc.StatusCode.UNAVAILABLE})
    sender, metrics, ledger = _fallback_sender(tmp_path, gateway)
    assert not await sender.send(SMS_OR_EMAIL)
    assert not await sender.send(SMS_OR_EMAIL)
    assert gateway.sent == []  # two failures: still trying SMS
    assert await sender.send(SMS_OR_EMAIL)  # the third failure: the e-mail goes instead
    assert gateway.sent == [EMAIL.idempotency_key]
    assert ledger.status(SMS.idempotency_key) == "superseded"
    assert _fallbacks(metrics, "sms", "email") == 1
    assert _count(metrics, "failed") == 3
    assert await sender.send(SMS_OR_EMAIL)  # settled: neither channel is tried again
    assert gateway.sent == [EMAIL.idempotency_key]
    assert _count(metrics, "failed") == 3


async def test_a_refused_address_falls_back_at_once(tmp_path: Path) -> None:
    gateway = ChannelGateway({Channel.SMS: grpc.StatusCode.INVALID_ARGUMENT})
    sender, metrics, _ = _fallback_sender(tmp_path, gateway)
    assert await sender.send(SMS_OR_EMAIL)
    assert gateway.sent == [EMAIL.idempotency_key]
    assert _fallbacks(metrics, "sms", "email") == 1


async def test_a_step_on_both_channels_does_not_send_its_email_twice(tmp_path: Path) -> None:
    gateway = ChannelGateway({Channel.SMS: grpc.StatusCode.UNAVAILABLE})
    sender, metrics, ledger = _fallback_sender(tmp_path, gateway)
    for _ in range(3):
        await sender.send_all([SMS_OR_EMAIL, replace(EMAIL, fallback=SMS)])
    assert gateway.sent == [EMAIL.idempotency_key]
    assert ledger.status(SMS.idempotency_key) == "superseded"
    assert _fallbacks(metrics, "sms", "email") == 1


async def test_when_both_channels_fail_the_work_stays_pending(tmp_path: Path) -> None:
    down = grpc.StatusCode.UNAVAILABLE
    gateway = ChannelGateway({Channel.SMS: down, Channel.EMAIL: down})
    sender, metrics, ledger = _fallback_sender(tmp_path, gateway)
    for _ in range(5):
        assert not await sender.send(SMS_OR_EMAIL)
    assert ledger.status(SMS.idempotency_key) == "failed"
    assert _fallbacks(metrics, "sms", "email") == 0
    gateway.failing.pop(Channel.SMS)  # SMS comes back: the page goes by SMS after all
    assert await sender.send(SMS_OR_EMAIL)
    assert gateway.sent == [SMS.idempotency_key]
