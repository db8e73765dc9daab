"""Notify's Kafka edge: a risk event in; deliveries to the people on the roster out.

Errors are classified here: an unreadable event is dead-lettered; a delivery that fails after
the gateway client's retries is recorded as failed, counted, logged — and then raised, so the
event is not committed and is tried again (never dropped silently). A delivery the gateway
refuses (a bad address, say) is recorded, counted and logged as refused, and not retried.
Deliveries that already succeeded are in the ledger and are not repeated.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

import structlog
from pydantic import ValidationError

from haruul.notify.v1 import delivery_pb2
from haruul_common.events import RiskEventV1, unreadable_reason
from haruul_common.kafka import SourceRecord
from haruul_notify.domain.alerts import (
    AlertFacts,
    Delivery,
    Recipient,
    alert_id_for,
    is_alerting,
    level_rank,
    plan_deliveries,
)
from haruul_notify.gateway_client import DeliveryFailed
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics

log = structlog.get_logger("haruul_notify")


class Deliverer(Protocol):
    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt: ...


class DeadLetterSink(Protocol):
    async def dead_letter(self, record: SourceRecord, reason: str) -> None: ...


class DeliveriesIncomplete(Exception):
    """Some deliveries of an alert failed; the event stays uncommitted and is retried."""


def alert_level_of(event: RiskEventV1) -> str:
    """The report's level, or its case's when corroboration has raised the case above it."""
    if event.case_level is not None and level_rank(event.case_level) > level_rank(event.level):
        return event.case_level
    return event.level


def alert_facts(event: RiskEventV1) -> AlertFacts:
    return AlertFacts(
        report_id=event.report_id,
        level=alert_level_of(event),
        score=event.score,
        stage=event.stage,
        indicator_codes=tuple(hit.code for hit in event.indicators),
        places=tuple(place.name for place in event.places),
        explanation=event.explanation,
        destination_country=event.destination_country,
    )


class RiskEventHandler:
    def __init__(
        self,
        *,
        recipients: tuple[Recipient, ...],
        alert_level: str,
        ledger: DeliveryLedger,
        gateway: Deliverer,
        dead_letters: DeadLetterSink,
        metrics: NotifyMetrics,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._recipients = recipients
        self._alert_level = alert_level
        self._ledger = ledger
        self._gateway = gateway
        self._dead_letters = dead_letters
        self._metrics = metrics
        self._clock = clock

    async def handle(self, record: SourceRecord) -> None:
        try:
            event = RiskEventV1.model_validate_json(record.value)
        except ValidationError as error:
            reason = unreadable_reason("risk event", error)
            await self._dead_letters.dead_letter(record, reason)
            self._metrics.dead_letters.labels("unreadable").inc()
            log.warning(
                "risk_event_dead_lettered",
                partition=record.partition,
                offset=record.offset,
                reason=reason,
            )
            return
        level = alert_level_of(event)
        if not is_alerting(level, self._alert_level):
            return
        alert_id = alert_id_for(event.report_id)
        log.info(
            "alert_raised",
            alert_id=alert_id,
            report_id=event.report_id,
            level=level,
            case_id=event.case_id,
        )
        self._metrics.alerts_raised.labels(level).inc()
        failures = 0
        for delivery in plan_deliveries(alert_facts(event), self._recipients):
            if not await self._deliver_once(delivery, event.accepted_at):
                failures += 1
        if failures:
            raise DeliveriesIncomplete(f"{failures} deliveries of alert {alert_id} failed")

    async def _deliver_once(self, delivery: Delivery, accepted_at: datetime) -> bool:
        channel = delivery.channel.value
        ids = {
            "alert_id": delivery.alert_id,
            "report_id": delivery.report_id,
            "recipient_id": delivery.recipient_id,
            "channel": channel,
        }
        if self._ledger.is_delivered(delivery.idempotency_key):
            self._metrics.deliveries.labels(channel, "skipped").inc()
            return True
        self._ledger.record_attempt(delivery)
        try:
            receipt = await self._gateway.deliver(delivery)
        except DeliveryFailed as error:
            self._ledger.record_failed(delivery.idempotency_key, str(error))
            # A refused delivery is final: retrying would block every later alert behind it.
            # It stays visible (ledger, metric, error log); an unreachable gateway is retried.
            outcome = "refused" if error.permanent else "failed"
            self._metrics.deliveries.labels(channel, outcome).inc()
            log.error("delivery_" + outcome, **ids, failure=str(error))
            return error.permanent
        self._ledger.record_delivered(delivery.idempotency_key, receipt.receipt_id)
        outcome = "duplicate" if receipt.duplicate else "delivered"
        self._metrics.deliveries.labels(channel, outcome).inc()
        if not receipt.duplicate:
            latency = (self._clock() - accepted_at).total_seconds()
            self._metrics.report_to_delivery_seconds.labels(channel).observe(max(latency, 0.0))
        log.info("delivery_" + outcome, **ids, receipt_id=receipt.receipt_id)
        return True
