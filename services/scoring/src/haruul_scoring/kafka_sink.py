"""Where scoring's output goes on Kafka: risk events, and unreadable reports' dead letters."""

from __future__ import annotations

from faststream.kafka import KafkaBroker

from haruul_common.events import RiskEventV1
from haruul_common.kafka import SCHEMA_VERSION, SourceRecord, publish_dead_letter
from haruul_common.topics import REPORTS, RISK_EVENTS


class KafkaRiskEventSink:
    def __init__(self, broker: KafkaBroker) -> None:
        self._broker = broker

    async def publish(self, event: RiskEventV1) -> None:
        await self._broker.publish(
            event.model_dump_json().encode("utf-8"),
            RISK_EVENTS.name,
            key=event.report_id.encode("ascii"),
            headers={SCHEMA_VERSION: str(event.schema_version)},
        )

    async def dead_letter(self, record: SourceRecord, reason: str) -> None:
        await publish_dead_letter(self._broker, REPORTS, record, reason)
