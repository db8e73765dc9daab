"""Sending deliveries once: the ledger is asked first, the gateway second, the ledger told last
(one write per attempt: its outcome, and the attempt counted).

A delivery the gateway refuses (a bad address) is final: recorded, counted, logged as refused.
One that cannot get through (gateway or channel down) is recorded as failed and reported back,
so its caller keeps the work pending and tries again — never dropped, never silent.

A delivery that carries a fallback (the same message on the other channel) falls back when it
is refused, or once it has failed `fallback_after` times: the fallback is sent (or found sent
already, when the step used both channels) and the failing delivery is marked superseded, so
the chain is not held up by a dead channel — and the switch is counted and logged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from enum import Enum

import structlog

from haruul_notify.domain.alerts import Delivery
from haruul_notify.gateway_client import DeliveryFailed
from haruul_notify.handler_types import Deliverer
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics

log = structlog.get_logger("haruul_notify")

DEFAULT_FALLBACK_AFTER = 3


class Outcome(Enum):
    DELIVERED = "delivered"  # now, earlier (skipped) or by the gateway before (duplicate)
    FAILED = "failed"  # may get through on a later try
    REFUSED = "refused"  # never will (a bad address)


def _ids(delivery: Delivery) -> dict[str, str]:
    return {
        "alert_id": delivery.alert_id,
        "report_id": delivery.report_id,
        "recipient_id": delivery.recipient_id,
        "channel": delivery.channel.value,
    }


class DeliverySender:
    def __init__(
        self,
        ledger: DeliveryLedger,
        gateway: Deliverer,
        metrics: NotifyMetrics,
        clock: Callable[[], datetime],
        fallback_after: int = DEFAULT_FALLBACK_AFTER,
    ) -> None:
        self._ledger = ledger
        self._gateway = gateway
        self._metrics = metrics
        self._clock = clock
        self._fallback_after = fallback_after

    async def send_all(
        self, deliveries: Iterable[Delivery], accepted_at: datetime | None = None
    ) -> bool:
        """True when every delivery went out (or was refused for good)."""
        results = [await self.send(delivery, accepted_at) for delivery in deliveries]
        return all(results)

    async def send(self, delivery: Delivery, accepted_at: datetime | None = None) -> bool:
        """True when the delivery (or its fallback) went out, or was refused with no fallback."""
        status = self._ledger.status(delivery.idempotency_key)
        if status == "superseded":
            return True
        outcome = await self._attempt(delivery, accepted_at, status)
        if outcome is Outcome.DELIVERED:
            return True
        fallback = delivery.fallback
        if fallback is None:
            return outcome is Outcome.REFUSED
        failures = self._ledger.attempts(delivery.idempotency_key)
        if outcome is Outcome.FAILED and failures < self._fallback_after:
            return False
        fallback_status = self._ledger.status(fallback.idempotency_key)
        if await self._attempt(fallback, accepted_at, fallback_status) is not Outcome.DELIVERED:
            return False
        self._ledger.record_superseded(delivery.idempotency_key, fallback.idempotency_key)
        self._metrics.fallbacks.labels(delivery.channel.value, fallback.channel.value).inc()
        log.warning(
            "channel_fallback",
            **_ids(delivery),
            to_channel=fallback.channel.value,
            after=outcome.value,
            attempts=failures,
        )
        return True

    async def _attempt(
        self, delivery: Delivery, accepted_at: datetime | None, status: str | None
    ) -> Outcome:
        """`status`: the delivery's in the ledger, read just before."""
        channel = delivery.channel.value
        if status == "delivered":
            self._metrics.deliveries.labels(channel, "skipped").inc()
            return Outcome.DELIVERED
        try:
            receipt = await self._gateway.deliver(delivery)
        except DeliveryFailed as error:
            self._ledger.record_failed(delivery, str(error))
            outcome = Outcome.REFUSED if error.permanent else Outcome.FAILED
            self._metrics.deliveries.labels(channel, outcome.value).inc()
            log.error("delivery_" + outcome.value, **_ids(delivery), failure=str(error))
            return outcome
        self._ledger.record_delivered(delivery, receipt.receipt_id)
        label = "duplicate" if receipt.duplicate else "delivered"
        self._metrics.deliveries.labels(channel, label).inc()
        if accepted_at is not None and not receipt.duplicate:
            latency = (self._clock() - accepted_at).total_seconds()
            self._metrics.report_to_delivery_seconds.labels(channel).observe(max(latency, 0.0))
        log.info("delivery_" + label, **_ids(delivery), receipt_id=receipt.receipt_id)
        return Outcome.DELIVERED
