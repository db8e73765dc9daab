"""Sending deliveries once: the ledger is asked first, the gateway second, the ledger told last.

A delivery the gateway refuses (a bad address) is final: recorded, counted, logged as refused.
One that cannot get through (gateway or channel down) is recorded as failed and reported back,
so its caller keeps the work pending and tries again — never dropped, never silent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

import structlog

from haruul_notify.domain.alerts import Delivery
from haruul_notify.gateway_client import DeliveryFailed
from haruul_notify.handler_types import Deliverer
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics

log = structlog.get_logger("haruul_notify")


class DeliverySender:
    def __init__(
        self,
        ledger: DeliveryLedger,
        gateway: Deliverer,
        metrics: NotifyMetrics,
        clock: Callable[[], datetime],
    ) -> None:
        self._ledger = ledger
        self._gateway = gateway
        self._metrics = metrics
        self._clock = clock

    async def send_all(
        self, deliveries: Iterable[Delivery], accepted_at: datetime | None = None
    ) -> bool:
        """True when every delivery went out (or was refused for good)."""
        results = [await self.send(delivery, accepted_at) for delivery in deliveries]
        return all(results)

    async def send(self, delivery: Delivery, accepted_at: datetime | None = None) -> bool:
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
            outcome = "refused" if error.permanent else "failed"
            self._metrics.deliveries.labels(channel, outcome).inc()
            log.error("delivery_" + outcome, **ids, failure=str(error))
            return error.permanent
        self._ledger.record_delivered(delivery.idempotency_key, receipt.receipt_id)
        outcome = "duplicate" if receipt.duplicate else "delivered"
        self._metrics.deliveries.labels(channel, outcome).inc()
        if accepted_at is not None and not receipt.duplicate:
            latency = (self._clock() - accepted_at).total_seconds()
            self._metrics.report_to_delivery_seconds.labels(channel).observe(max(latency, 0.0))
        log.info("delivery_" + outcome, **ids, receipt_id=receipt.receipt_id)
        return True
