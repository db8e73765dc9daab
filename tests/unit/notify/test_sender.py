"""Each delivery goes once: the ledger first, then the gateway; refusals are final and visible."""

from __future__ import annotations

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
