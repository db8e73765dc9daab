"""Where notify puts risk events it cannot read: `haruul.risk-events.v1.dlq`."""

from __future__ import annotations

from faststream.kafka import KafkaBroker

from haruul_common.kafka import SourceRecord, publish_dead_letter
from haruul_common.topics import RISK_EVENTS


class KafkaDeadLetterSink:
    def __init__(self, broker: KafkaBroker) -> None:
        self._broker = broker

    async def dead_letter(self, record: SourceRecord, reason: str) -> None:
        await publish_dead_letter(self._broker, RISK_EVENTS, record, reason)
