"""Notify's Kafka edge: a risk event in; the pager opens or updates its case's alert.

Errors are classified here: an event that cannot be read as a v1 risk event is dead-lettered
with the reason and committed. Once the pager has stored the alert and its escalation timers
the event is committed too: the escalation loop pages from the store, and retries what fails,
so the work is not lost with the offset.
"""

from __future__ import annotations

from haruul_common.events import RiskEventV1
from haruul_common.kafka import SourceRecord, read_or_dead_letter
from haruul_common.sealing import Sealer
from haruul_notify.handler_types import DeadLetterSink
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.pager import Pager


class RiskEventHandler:
    def __init__(
        self,
        *,
        pager: Pager,
        dead_letters: DeadLetterSink,
        metrics: NotifyMetrics,
        sealer: Sealer | None = None,
    ) -> None:
        self._sealer = sealer  # opens the events' sealed explanation, indicators and entities
        self._pager = pager
        self._dead_letters = dead_letters
        self._metrics = metrics

    async def handle(self, record: SourceRecord) -> None:
        event = await read_or_dead_letter(
            RiskEventV1,
            "risk event",
            record,
            self._dead_letters.dead_letter,
            self._metrics.dead_letters,
            self._sealer,
        )
        if event is None:
            return
        await self._pager.on_risk_event(event)
