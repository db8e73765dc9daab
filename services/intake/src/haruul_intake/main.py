"""Intake's composition root: settings, logging, metrics, broker, then the HTTP server."""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI
from prometheus_client import CollectorRegistry

from haruul_common.kafka import build_broker
from haruul_common.logs import configure_logging
from haruul_common.settings import SettingsError, load_settings
from haruul_intake.api_keys import DEV_INTEGRATION_ID, ApiKeyFileError, load_key_ring
from haruul_intake.app import IntakeDependencies, build_app
from haruul_intake.idempotency import IdempotencyStore
from haruul_intake.metrics import IntakeMetrics
from haruul_intake.publisher import KafkaReportPublisher
from haruul_intake.settings import IntakeSettings


def build(settings: IntakeSettings) -> FastAPI:
    """Everything intake needs, wired; nothing connects until the app starts."""
    key_ring = load_key_ring(settings.api_keys_file)
    if settings.is_production and DEV_INTEGRATION_ID in key_ring.integration_ids():
        raise SettingsError(
            f"HARUUL_INTAKE_API_KEYS_FILE: the development integration '{DEV_INTEGRATION_ID}'"
            " is refused when HARUUL_ENV=production"
        )
    broker = build_broker(settings.kafka, client_id="haruul-intake")
    idempotency = IdempotencyStore(settings.state_db)

    async def close() -> None:
        await broker.stop()
        idempotency.close()

    async def start() -> None:
        await broker.start()

    return build_app(
        IntakeDependencies(
            key_ring=key_ring,
            idempotency=idempotency,
            publisher=KafkaReportPublisher(broker, settings.publish_timeout_s),
            metrics=IntakeMetrics(CollectorRegistry()),
            max_body_bytes=settings.max_body_bytes,
            on_startup=start,
            on_shutdown=close,
        )
    )


def main() -> None:
    try:
        settings = load_settings(IntakeSettings)
        configure_logging("intake", json=settings.log_json, level=settings.log_level)
        app = build(settings)
    except (SettingsError, ApiKeyFileError) as error:
        sys.exit(f"haruul-intake: {error}")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()
