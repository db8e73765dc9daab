"""Scoring's composition root: settings, logging, metrics, broker, subscriber, run."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from faststream import FastStream
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from haruul_common.kafka import build_broker, subscribe
from haruul_common.logs import configure_logging
from haruul_common.metrics_http import serve_metrics
from haruul_common.retention import purge_periodically
from haruul_common.sealing import Sealer
from haruul_common.settings import SettingsError, load_settings
from haruul_common.start_up import collect_young_objects_less_often, freeze_start_up_objects
from haruul_common.topics import REPORTS, RISK_EVENTS
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
    retention: timedelta
    _stop_purging: asyncio.Event = field(default_factory=asyncio.Event, init=False)
    _purging: asyncio.Task[None] | None = field(default=None, init=False)

    async def start_purging(self) -> None:
        """The retention purge of the case index: now, then every hour."""

        async def purge() -> int:
            return await self.handler.forget_before(datetime.now(UTC) - self.retention)

        self._purging = asyncio.create_task(purge_periodically(purge, self._stop_purging))

    async def close(self) -> None:
        self._stop_purging.set()
        if self._purging is not None:
            await self._purging
        await self.broker.stop()
        self.handler.close()
        self.cases.close()


def build_scoring(
    settings: ScoringSettings,
    *,
    sink_factory: Callable[[KafkaBroker, Sealer | None], RiskEventSink] = KafkaRiskEventSink,
    registry: CollectorRegistry | None = None,
) -> ScoringService:
    """Wire scoring; nothing connects until `broker.start()`. Tests swap the sink."""
    broker = build_broker(settings.kafka, client_id="haruul-scoring")
    metrics = ScoringMetrics(registry or CollectorRegistry())
    cases = CaseStore(settings.case_db)
    handler = ReportHandler(
        sink_factory(broker, settings.sealer(RISK_EVENTS)),
        metrics,
        cases,
        settings.contact_hash_key.get_secret_value().encode("utf-8"),
        sealer=settings.sealer(REPORTS),
    )

    subscribe(
        broker,
        REPORTS,
        group_id=settings.group_id,
        handle=handler.handle,
        batch_size=settings.batch_size,
    )

    return ScoringService(
        broker=broker,
        handler=handler,
        metrics=metrics,
        cases=cases,
        retention=settings.retention,
    )


def main() -> None:
    try:
        settings = load_settings(ScoringSettings)
    except SettingsError as error:
        sys.exit(f"haruul-scoring: {error}")
    configure_logging("scoring", json=settings.log_json, level=settings.log_level)
    service = build_scoring(settings)
    freeze_start_up_objects()
    collect_young_objects_less_often()
    metrics_server = serve_metrics(
        service.metrics.registry, settings.metrics_host, settings.metrics_port
    )
    try:
        app = FastStream(
            service.broker, on_startup=[service.start_purging], on_shutdown=[service.close]
        )
        asyncio.run(app.run())
    finally:
        metrics_server.stop()


if __name__ == "__main__":
    main()
