"""The platform's services, started in-process against the real broker, for integration tests.

Each part binds free loopback ports and keeps its state under a test's tmp dir; consumer groups
are new per test module and start at the topic's end, so earlier tests' messages stay out.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from haruul_common.asgi_server import start_asgi_server
from haruul_common.local_kafka import start_group_at_end
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_intake.api_keys import new_key, write_key_file
from haruul_intake.settings import IntakeSettings
from haruul_intake.wiring import build as build_intake
from haruul_notify.gateway.main import GatewayServer, start_gateway
from haruul_notify.gateway.settings import GatewaySettings
from haruul_notify.main import NotifyService, build_notify
from haruul_notify.settings import NotifySettings
from haruul_scoring.main import ScoringService, build_scoring
from haruul_scoring.settings import ScoringSettings
from tests.support.routing import write_routing
from tests.support.smtp import RecordingSmtpServer


def unique_group(service: str) -> str:
    return f"test-{service}-{uuid.uuid4().hex[:8]}"


@asynccontextmanager
async def running_gateway(tmp: Path, smtp: RecordingSmtpServer) -> AsyncIterator[GatewayServer]:
    settings = GatewaySettings(
        http_port=0,
        port=0,
        smtp_port=smtp.port,
        receipts_db=tmp / "gateway.db",
        sms_outbox_dir=tmp / "outbox" / "sms",
    )
    gateway = await start_gateway(settings)
    try:
        yield gateway
    finally:
        await gateway.stop(0)


def notify_settings(
    bootstrap: str,
    tmp: Path,
    gateway_port: int,
    escalate_after: str = "5m",
    http_port: int = 0,
    high_channels: str = "",
) -> NotifySettings:
    return NotifySettings(
        kafka_bootstrap_servers=bootstrap,
        group_id=unique_group("notify"),
        routing_file=write_routing(
            tmp / "routing.yaml", escalate_after, high_channels=high_channels
        ),
        alert_db=tmp / "notify-alerts.db",
        ledger_db=tmp / "notify.db",
        gateway_target=f"127.0.0.1:{gateway_port}",
        desk_port=0,
        http_port=http_port,
        tick_s=0.2,
    )


def notify_env(settings: NotifySettings, **extra: str) -> dict[str, str]:
    """The environment that runs `haruul-notify` as a process with these settings."""
    return {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
        "HARUUL_NOTIFY_GROUP_ID": settings.group_id,
        "HARUUL_NOTIFY_ROUTING_FILE": str(settings.routing_file),
        "HARUUL_NOTIFY_ALERT_DB": str(settings.alert_db),
        "HARUUL_NOTIFY_LEDGER_DB": str(settings.ledger_db),
        "HARUUL_NOTIFY_GATEWAY_TARGET": settings.gateway_target,
        "HARUUL_NOTIFY_DESK_PORT": "0",
        "HARUUL_NOTIFY_HTTP_PORT": "0",
        "HARUUL_NOTIFY_METRICS_PORT": "0",
        "HARUUL_NOTIFY_TICK_S": str(settings.tick_s),
        "HARUUL_LOG_LEVEL": "WARNING",
        **extra,
    }


NOTIFY_COMMAND = str(Path(sys.executable).parent / "haruul-notify")


@asynccontextmanager
async def running_notify(
    bootstrap: str,
    tmp: Path,
    gateway_port: int,
    escalate_after: str = "5m",
    http_port: int = 0,
    settings: NotifySettings | None = None,
) -> AsyncIterator[NotifyService]:
    """notify in-process, with the test defaults or with `settings` given whole."""
    settings = settings or notify_settings(bootstrap, tmp, gateway_port, escalate_after, http_port)
    start_group_at_end(bootstrap, settings.group_id, RISK_EVENTS.name)
    notify = build_notify(settings)
    await notify.start()
    try:
        yield notify
    finally:
        await notify.close()


def scoring_settings(bootstrap: str, tmp: Path, group_id: str | None = None) -> ScoringSettings:
    return ScoringSettings(
        kafka_bootstrap_servers=bootstrap,
        group_id=group_id or unique_group("scoring"),
        case_db=tmp / "scoring-cases.db",
    )


@asynccontextmanager
async def running_scoring(
    settings: ScoringSettings, *, from_end: bool = True
) -> AsyncIterator[ScoringService]:
    if from_end:
        start_group_at_end(settings.kafka_bootstrap_servers, settings.group_id, REPORTS.name)
    scoring = build_scoring(settings)
    await scoring.broker.start()
    try:
        yield scoring
    finally:
        await scoring.close()


@asynccontextmanager
async def running_intake(bootstrap: str, tmp: Path, api_key: str) -> AsyncIterator[str]:
    """Intake served by uvicorn on a free port; yields its base URL."""
    keys = tmp / "intake-api-keys"
    keys.unlink(missing_ok=True)
    write_key_file(keys, "test-hotline", api_key)
    settings = IntakeSettings(
        kafka_bootstrap_servers=bootstrap, api_keys_file=keys, state_db=tmp / "intake.db"
    )
    server = await start_asgi_server(build_intake(settings), "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        await server.stop()


async def eventually(
    condition: Callable[[], bool], timeout_s: float = 30.0, what: str = ""
) -> None:
    """Wait, without blocking the event loop the services run on, until `condition` holds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(
                f"timed out after {timeout_s:.0f} s waiting for {what or condition}"
            )
        await asyncio.sleep(0.1)


@dataclass
class RunningPlatform:
    intake_url: str
    api_key: str
    smtp: RecordingSmtpServer
    sms_outbox: Path
    scoring: ScoringService
    notify: NotifyService
    gateway: GatewayServer


@asynccontextmanager
async def running_platform(bootstrap: str, tmp: Path) -> AsyncIterator[RunningPlatform]:
    """intake, scoring, notify and the gateway in-process, with a recording SMTP server; their
    settings are the test defaults and whatever the environment adds (e.g. key rings)."""
    smtp = RecordingSmtpServer()
    smtp.start()
    api_key = new_key()
    try:
        async with (
            running_gateway(tmp, smtp) as gateway,
            running_notify(bootstrap, tmp, gateway.port) as notify,
            running_scoring(scoring_settings(bootstrap, tmp)) as scoring,
            running_intake(bootstrap, tmp, api_key) as intake_url,
        ):
            yield RunningPlatform(
                intake_url, api_key, smtp, tmp / "outbox" / "sms", scoring, notify, gateway
            )
    finally:
        smtp.stop()
