"""Publishing accepted reports to Kafka, and knowing whether the broker can be reached."""

from __future__ import annotations

import asyncio
from typing import Protocol

from faststream.kafka import KafkaBroker

from haruul_common.events import ReportV1
from haruul_common.kafka import SCHEMA_VERSION
from haruul_common.sealing import Sealer
from haruul_common.topics import REPORTS


class PublishError(Exception):
    """The broker did not acknowledge the report in time; nothing may be promised to the client."""


class ReportPublisher(Protocol):
    async def publish(self, report: ReportV1) -> None: ...

    async def is_ready(self) -> bool: ...


class KafkaReportPublisher:
    """Returns only after the broker acknowledged the report with acks=all (idempotent producer)."""

    def __init__(self, broker: KafkaBroker, timeout_s: float, sealer: Sealer | None = None) -> None:
        self._broker = broker
        self._timeout_s = timeout_s
        self._sealer = sealer  # seals the narrative and contacts when a key ring is set

    def _wire(self, report: ReportV1, key: bytes) -> bytes:
        if self._sealer is None:
            return report.model_dump_json().encode("utf-8")
        return self._sealer.seal_json(report.model_dump(mode="json"), key)

    async def publish(self, report: ReportV1) -> None:
        key = report.report_id.encode("ascii")
        try:
            await asyncio.wait_for(
                self._broker.publish(
                    self._wire(report, key),
                    REPORTS.name,
                    key=key,
                    headers={SCHEMA_VERSION: str(report.schema_version)},
                ),
                timeout=self._timeout_s,
            )
        except Exception as error:  # any broker failure means "not durable": classify here
            raise PublishError(type(error).__name__) from error

    async def is_ready(self) -> bool:
        return await self._broker.ping(timeout=2.0)
