"""Scoring's composition root: settings, logging, metrics, broker, subscriber, run."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass

from faststream import FastStream
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from haruul_common.kafka import build_broker, subscribe
from haruul_common.logs import configure_logging
from haruul_common.metrics_http import serve_metrics
from haruul_common.settings import SettingsError, load_settings
from haruul_common.topics import REPORTS
from haruul_scoring.case_store import CaseStore
from haruul_scoring.handler import ReportHandler, RiskEventSink
from haruul_scoring.kafka_sink import KafkaRiskEventSink
from haruul_scoring.metrics import ScoringMetrics
from haruul_scoring.settings import ScoringSettings


@dataclass
class ScoringService:
    broker: KafkaBroker
    handler: ReportHandler
    metrics: ScoringMetrics
    cases: CaseStore

    async def close(self) -> None:
        await self.broker.stop()
        self.handler.close()
        self.cases.close()


def build_scoring(
    settings: ScoringSettings,
    *,
    sink_factory: Callable[[KafkaBroker], RiskEventSink] = KafkaRiskEventSink,
    registry: CollectorRegistry | None = None,
) -> ScoringService:
    """Wire scoring; nothing connects until `broker.start()`. Tests swap the sink."""
    broker = build_broker(settings.kafka, client_id="haruul-scoring")
    metrics = ScoringMetrics(registry or CollectorRegistry())
    cases = CaseStore(settings.case_db)
    handler = ReportHandler(
        sink_factory(broker),
        metrics,
        cases,
        settings.contact_hash_key.get_secret_value().encode("utf-8"),
    )

    subscribe(
        broker,
        REPORTS,
        group_id=settings.group_id,
        handle=handler.handle,
        batch_size=settings.batch_size,
    )

    return ScoringService(broker=broker, handler=handler, metrics=metrics, cases=cases)


def main() -> None:
    try:
        settings = load_settings(ScoringSettings)
    except SettingsError as error:
        sys.exit(f"haruul-scoring: {error}")
    configure_logging("scoring", json=settings.log_json, level=settings.log_level)
    service = build_scoring(settings)
    metrics_server = serve_metrics(
        service.metrics.registry, settings.metrics_host, settings.metrics_port
    )
    try:
        asyncio.run(FastStream(service.broker, on_shutdown=[service.close]).run())
    finally:
        metrics_server.stop()


if __name__ == "__main__":
    main()
