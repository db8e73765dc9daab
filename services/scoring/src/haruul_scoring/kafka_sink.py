"""Where scoring's output goes on Kafka: risk events, and unreadable reports' dead letters."""

from __future__ import annotations

from faststream.kafka import KafkaBroker

from haruul_common.events import RiskEventV1
from haruul_common.kafka import SCHEMA_VERSION, SourceRecord, publish_dead_letter
from haruul_common.sealing import Sealer
from haruul_common.topics import REPORTS, RISK_EVENTS


class KafkaRiskEventSink:
    def __init__(self, broker: KafkaBroker, sealer: Sealer | None = None) -> None:
        self._broker = broker
        self._sealer = sealer  # seals the explanation, indicators and entities (they quote)

    def _wire(self, event: RiskEventV1, key: bytes) -> bytes:
        if self._sealer is None:
            return event.model_dump_json().encode("utf-8")
        return self._sealer.seal_model(event, key)

    async def publish(self, event: RiskEventV1) -> None:
        key = event.report_id.encode("ascii")
        await self._broker.publish(
            self._wire(event, key),
            RISK_EVENTS.name,
            key=key,
            headers={SCHEMA_VERSION: str(event.schema_version)},
            # The event's own (deterministic) id: FastStream would draw a random one per message.
            correlation_id=event.event_id,
        )

    async def dead_letter(self, record: SourceRecord, reason: str) -> None:
        await publish_dead_letter(self._broker, REPORTS, record, reason)
