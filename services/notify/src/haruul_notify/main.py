"""Notify's composition root: settings, roster, ledger, gateway client, subscriber, run."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

from faststream import FastStream
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from haruul_common.kafka import build_broker, subscribe
from haruul_common.logs import configure_logging
from haruul_common.metrics_http import serve_metrics
from haruul_common.settings import SettingsError, load_settings
from haruul_common.topics import RISK_EVENTS
from haruul_notify.gateway_client import GatewayClient
from haruul_notify.handler import RiskEventHandler
from haruul_notify.kafka_sink import KafkaDeadLetterSink
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.roster import RosterError, load_roster
from haruul_notify.settings import NotifySettings


@dataclass
class NotifyService:
    broker: KafkaBroker
    handler: RiskEventHandler
    metrics: NotifyMetrics
    ledger: DeliveryLedger
    gateway: GatewayClient

    async def close(self) -> None:
        await self.broker.stop()
        await self.gateway.close()
        self.ledger.close()


def build_notify(
    settings: NotifySettings, *, registry: CollectorRegistry | None = None
) -> NotifyService:
    """Wire notify; nothing connects until `broker.start()`."""
    recipients = load_roster(settings.roster_file)
    broker = build_broker(settings.kafka, client_id="haruul-notify")
    metrics = NotifyMetrics(registry or CollectorRegistry())
    ledger = DeliveryLedger(settings.ledger_db)
    gateway = GatewayClient(
        settings.gateway_target,
        deadline_s=settings.deliver_deadline_s,
        attempts=settings.deliver_attempts,
        backoff_s=settings.deliver_backoff_s,
    )
    handler = RiskEventHandler(
        recipients=recipients,
        alert_level=settings.alert_level,
        ledger=ledger,
        gateway=gateway,
        dead_letters=KafkaDeadLetterSink(broker),
        metrics=metrics,
    )
    subscribe(broker, RISK_EVENTS, group_id=settings.group_id, handle=handler.handle)
    return NotifyService(
        broker=broker, handler=handler, metrics=metrics, ledger=ledger, gateway=gateway
    )


def main() -> None:
    try:
        settings = load_settings(NotifySettings)
        service = build_notify(settings)
    except (SettingsError, RosterError) as error:
        sys.exit(f"haruul-notify: {error}")
    configure_logging("notify", json=settings.log_json, level=settings.log_level)
    metrics_server = serve_metrics(
        service.metrics.registry, settings.metrics_host, settings.metrics_port
    )
    try:
        asyncio.run(FastStream(service.broker, on_shutdown=[service.close]).run())
    finally:
        metrics_server.stop()


if __name__ == "__main__":
    main()
