"""Intake's composition root: one app with everything it needs, wired (`haruul_intake.main`
runs it, in one process or in each worker)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi import FastAPI
from prometheus_client import CollectorRegistry

from haruul_common.kafka import build_broker
from haruul_common.topics import REPORTS
from haruul_intake import setting_files
from haruul_intake.app import IntakeDependencies, build_app
from haruul_intake.idempotency import IdempotencyStore
from haruul_intake.metrics import IntakeMetrics
from haruul_intake.publisher import KafkaReportPublisher
from haruul_intake.rate_limit import Admission, RateLimiter
from haruul_intake.request_signing import SignatureCheck
from haruul_intake.seen_signatures import SeenSignatures
from haruul_intake.settings import IntakeSettings
from haruul_intake.shared_rate_limit import SharedRateLimiter


def build(settings: IntakeSettings, workers_dir: Path | None = None) -> FastAPI:
    """Everything intake needs, wired; nothing connects until the app starts. `workers_dir`:
    this is one of several workers, sharing metrics and rate limits through that directory."""
    ring = setting_files.key_ring(settings)
    secrets = setting_files.signing_secrets(settings, ring)
    signatures = (
        None
        if secrets is None
        else SignatureCheck(
            secrets, settings.signature_window_s, SeenSignatures(settings.state_db), _now
        )
    )
    broker = build_broker(settings.kafka, client_id="haruul-intake")
    # A claim older than two publish timeouts belongs to a request that died with its intake.
    idempotency = IdempotencyStore(
        settings.state_db, stale_after=timedelta(seconds=2 * settings.publish_timeout_s)
    )

    rate_limiter: Admission
    if workers_dir is None:
        rate_limiter = RateLimiter(settings.rate_limit_per_s, settings.rate_limit_burst)
    else:
        rate_limiter = SharedRateLimiter(
            workers_dir, settings.rate_limit_per_s, settings.rate_limit_burst
        )

    async def close() -> None:
        await broker.stop()
        idempotency.close()
        if isinstance(rate_limiter, SharedRateLimiter):
            rate_limiter.close()
        if signatures is not None:
            signatures.close()

    async def start() -> None:
        await broker.start()

    return build_app(
        IntakeDependencies(
            key_ring=ring,
            idempotency=idempotency,
            publisher=KafkaReportPublisher(
                broker, settings.publish_timeout_s, settings.sealer(REPORTS)
            ),
            metrics=IntakeMetrics(
                CollectorRegistry(), None if workers_dir is None else workers_dir / "metrics"
            ),
            max_body_bytes=settings.max_body_bytes,
            rate_limiter=rate_limiter,
            signatures=signatures,
            on_startup=start,
            on_shutdown=close,
        )
    )


def _now() -> datetime:
    return datetime.now(UTC)
