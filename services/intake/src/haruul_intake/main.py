"""Intake's composition root: settings, logging, metrics, broker, then the HTTP server."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import uvicorn
from fastapi import FastAPI
from prometheus_client import CollectorRegistry

from haruul_common.kafka import build_broker
from haruul_common.logs import configure_logging
from haruul_common.settings import SettingsError, load_settings
from haruul_common.topics import REPORTS
from haruul_intake.api_keys import DEV_INTEGRATION_ID, ApiKeyFileError, KeyRing, load_key_ring
from haruul_intake.app import IntakeDependencies, build_app
from haruul_intake.idempotency import IdempotencyStore
from haruul_intake.metrics import IntakeMetrics
from haruul_intake.publisher import KafkaReportPublisher
from haruul_intake.rate_limit import RateLimiter
from haruul_intake.request_signing import SignatureCheck
from haruul_intake.seen_signatures import SeenSignatures
from haruul_intake.settings import IntakeSettings
from haruul_intake.signing_secrets import SigningSecretsFileError, load_signing_secrets


def build(settings: IntakeSettings) -> FastAPI:
    """Everything intake needs, wired; nothing connects until the app starts."""
    key_ring = _key_ring(settings)
    signatures = _signature_check(settings, key_ring)
    broker = build_broker(settings.kafka, client_id="haruul-intake")
    # A claim older than two publish timeouts belongs to a request that died with its intake.
    idempotency = IdempotencyStore(
        settings.state_db, stale_after=timedelta(seconds=2 * settings.publish_timeout_s)
    )

    async def close() -> None:
        await broker.stop()
        idempotency.close()
        if signatures is not None:
            signatures.close()

    async def start() -> None:
        await broker.start()

    return build_app(
        IntakeDependencies(
            key_ring=key_ring,
            idempotency=idempotency,
            publisher=KafkaReportPublisher(
                broker, settings.publish_timeout_s, settings.sealer(REPORTS)
            ),
            metrics=IntakeMetrics(CollectorRegistry()),
            max_body_bytes=settings.max_body_bytes,
            rate_limiter=RateLimiter(settings.rate_limit_per_s, settings.rate_limit_burst),
            signatures=signatures,
            on_startup=start,
            on_shutdown=close,
        )
    )


# uvloop and httptools (C) instead of asyncio's default loop and h11 (pure Python): a quarter
# less CPU per report in `make bench`. The bench's empty-endpoint baseline uses the same stack.
SERVER_STACK: dict[str, Any] = {"loop": "uvloop", "http": "httptools"}


def server_options(settings: IntakeSettings) -> dict[str, Any]:
    """How uvicorn serves intake: over TLS when a certificate is set, plain HTTP otherwise."""
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "log_level": "warning",
        **SERVER_STACK,
    }
    if settings.tls_cert_file is not None and settings.tls_key_file is not None:
        options["ssl_certfile"] = str(settings.tls_cert_file)
        options["ssl_keyfile"] = str(settings.tls_key_file)
    return options


def _key_ring(settings: IntakeSettings) -> KeyRing:
    try:
        key_ring = load_key_ring(settings.api_keys_file)
    except ApiKeyFileError as error:
        raise SettingsError(f"HARUUL_INTAKE_API_KEYS_FILE: {error}") from None
    if settings.is_production and DEV_INTEGRATION_ID in key_ring.integration_ids():
        raise SettingsError(
            f"HARUUL_INTAKE_API_KEYS_FILE: the development integration '{DEV_INTEGRATION_ID}'"
            " is refused when HARUUL_ENV=production"
        )
    return key_ring


def _signature_check(settings: IntakeSettings, key_ring: KeyRing) -> SignatureCheck | None:
    if settings.signing_secrets_file is None:
        return None
    try:
        secrets = load_signing_secrets(settings.signing_secrets_file, key_ring.integration_ids())
    except SigningSecretsFileError as error:
        raise SettingsError(f"HARUUL_INTAKE_SIGNING_SECRETS_FILE: {error}") from None
    return SignatureCheck(
        secrets, settings.signature_window_s, SeenSignatures(settings.state_db), _now
    )


def _now() -> datetime:
    return datetime.now(UTC)


def main() -> None:
    try:
        settings = load_settings(IntakeSettings)
        configure_logging("intake", json=settings.log_json, level=settings.log_level)
        app = build(settings)
    except SettingsError as error:
        sys.exit(f"haruul-intake: {error}")
    uvicorn.run(app, **server_options(settings))


if __name__ == "__main__":
    main()
