"""Notify's Kafka edge: a risk event in; the pager opens or updates its case's alert.

Errors are classified here: an event that cannot be read as a v1 risk event is dead-lettered
with the reason and committed. Once the pager has stored the alert and its escalation timers
the event is committed too, even if a delivery failed: the stored steps are retried by the
escalation ticker, so the work is not lost with the offset.
"""

from __future__ import annotations

import structlog
from pydantic import ValidationError

from haruul_common.events import RiskEventV1, unreadable_reason
from haruul_common.kafka import SourceRecord
from haruul_notify.handler_types import DeadLetterSink
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.pager import Pager

log = structlog.get_logger("haruul_notify")


class RiskEventHandler:
    def __init__(
        self, *, pager: Pager, dead_letters: DeadLetterSink, metrics: NotifyMetrics
    ) -> None:
        self._pager = pager
        self._dead_letters = dead_letters
        self._metrics = metrics

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
        await self._pager.on_risk_event(event)
