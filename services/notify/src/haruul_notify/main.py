"""Notify's composition root: settings, routing, stores, gateway client, pager, the Kafka
subscriber, the escalation ticker, the alert desk (gRPC) and the small HTTP face."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import grpc
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import alert_desk_pb2_grpc
from haruul_common.asgi_server import RunningAsgiServer, start_asgi_server
from haruul_common.kafka import build_broker, subscribe
from haruul_common.logs import configure_logging
from haruul_common.retention import purge_periodically
from haruul_common.settings import SettingsError, load_settings
from haruul_common.start_up import freeze_start_up_objects
from haruul_common.topics import RISK_EVENTS
from haruul_notify.ack_http import build_http_app
from haruul_notify.ack_links import AckLinks
from haruul_notify.alert_desk import AlertDeskService
from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_service import AlertService
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.sms_budget import SmsBudget
from haruul_notify.gateway_client import GatewayClient
from haruul_notify.handler import RiskEventHandler
from haruul_notify.kafka_sink import KafkaDeadLetterSink
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics, OpenAlertsCollector
from haruul_notify.pager import Pager, run_escalations
from haruul_notify.routing_config import RoutingConfigError
from haruul_notify.routing_holder import RoutingHolder
from haruul_notify.settings import NotifySettings

Clock = Callable[[], datetime]


@dataclass
class NotifyService:
    settings: NotifySettings
    broker: KafkaBroker
    routing: RoutingHolder
    alerts: AlertService
    pager: Pager
    metrics: NotifyMetrics
    ledger: DeliveryLedger
    gateway: GatewayClient
    links: AckLinks
    clock: Clock
    stop_ticker: asyncio.Event = field(default_factory=asyncio.Event)
    desk_port: int = 0
    http_port: int = 0
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _desk: grpc.aio.Server | None = None
    _http: RunningAsgiServer | None = None

    async def start(self) -> None:
        """Consume, tick, and serve the desk and HTTP (ports 0 pick free ones)."""
        self._desk = grpc.aio.server()
        alert_desk_pb2_grpc.add_AlertDeskServicer_to_server(
            AlertDeskService(self.alerts), self._desk
        )
        self.desk_port = self._desk.add_insecure_port(
            f"{self.settings.desk_host}:{self.settings.desk_port}"
        )
        await self._desk.start()
        app = build_http_app(
            self.alerts, self.links, self.routing, self.metrics.registry, self.clock
        )
        self._http = await start_asgi_server(app, self.settings.http_host, self.settings.http_port)
        self.http_port = self._http.port
        await self.broker.start()
        self._tasks.append(
            asyncio.create_task(
                run_escalations(
                    self.pager, self.stop_ticker, timedelta(seconds=self.settings.tick_s)
                )
            )
        )

        async def purge() -> int:
            return self.alerts.purge_personal_data(self.settings.retention)

        self._tasks.append(asyncio.create_task(purge_periodically(purge, self.stop_ticker)))

    async def close(self) -> None:
        self.stop_ticker.set()
        await self.broker.stop()
        if self._http is not None:
            await self._http.stop()
        if self._desk is not None:
            await self._desk.stop(1)
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.gateway.close()
        self.ledger.close()
        self.alerts.store.close()


def build_notify(
    settings: NotifySettings,
    *,
    registry: CollectorRegistry | None = None,
    clock: Clock = lambda: datetime.now(UTC),
) -> NotifyService:
    """Wire notify; nothing connects until `start()`."""
    routing = RoutingHolder(settings.routing_file)
    metrics = NotifyMetrics(registry or CollectorRegistry())
    store = AlertStore(settings.alert_db)
    metrics.registry.register(OpenAlertsCollector(store))
    alerts = AlertService(store, AlertFeed(), metrics, clock)
    ledger = DeliveryLedger(settings.ledger_db, clock)
    gateway = GatewayClient(
        settings.gateway_target,
        deadline_s=settings.deliver_deadline_s,
        attempts=settings.deliver_attempts,
        backoff_s=settings.deliver_backoff_s,
        credentials=settings.gateway_credentials(),
    )
    links = AckLinks(
        settings.secret.get_secret_value().encode(),
        settings.public_url,
        timedelta(seconds=settings.ack_link_ttl_s),
    )
    pager = Pager(
        routing=routing,
        alerts=alerts,
        ledger=ledger,
        gateway=gateway,
        metrics=metrics,
        ack_link=lambda alert_id, staff_id: links.link(alert_id, staff_id, clock()),
        sms_budget=SmsBudget(settings.sms_limit, timedelta(seconds=settings.sms_window_s)),
        fallback_after=settings.fallback_after_failures,
        instance_id=settings.instance_id or None,
        claim_lease=timedelta(seconds=settings.claim_lease_s),
        fire_concurrency=settings.fire_concurrency,
        clock=clock,
    )
    broker = build_broker(settings.kafka, client_id="haruul-notify")
    handler = RiskEventHandler(
        pager=pager,
        dead_letters=KafkaDeadLetterSink(broker),
        metrics=metrics,
        sealer=settings.sealer(RISK_EVENTS),
    )
    subscribe(
        broker,
        RISK_EVENTS,
        group_id=settings.group_id,
        handle=handler.handle,
        batch_size=settings.batch_size,
    )
    return NotifyService(
        settings=settings,
        broker=broker,
        routing=routing,
        alerts=alerts,
        pager=pager,
        metrics=metrics,
        ledger=ledger,
        gateway=gateway,
        links=links,
        clock=clock,
    )


async def _serve(service: NotifyService) -> None:
    from haruul_common.metrics_http import serve_metrics

    metrics_server = serve_metrics(
        service.metrics.registry, service.settings.metrics_host, service.settings.metrics_port
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    loop.add_signal_handler(signal.SIGHUP, service.routing.reload)
    await service.start()
    await stop.wait()
    await service.close()
    metrics_server.stop()


def main() -> None:
    try:
        settings = load_settings(NotifySettings)
        configure_logging("notify", json=settings.log_json, level=settings.log_level)
        service = build_notify(settings)
    except (SettingsError, RoutingConfigError) as error:
        sys.exit(f"haruul-notify: {error}")
    freeze_start_up_objects()
    asyncio.run(_serve(service))


if __name__ == "__main__":
    main()
