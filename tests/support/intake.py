"""Intake's app in-process for unit tests: an in-memory publisher stands in for the broker."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from prometheus_client import CollectorRegistry

from haruul_common.events import ReportV1
from haruul_intake.api_keys import KeyRing, digest
from haruul_intake.app import IntakeDependencies, build_app
from haruul_intake.idempotency import IdempotencyStore
from haruul_intake.metrics import IntakeMetrics
from haruul_intake.publisher import PublishError

INTEGRATION_ID = "hotline-1903"


class MemoryPublisher:
    """Keeps what it is given; `failing` stands for a broker that does not acknowledge."""

    def __init__(self) -> None:
        self.published: list[ReportV1] = []
        self.failing = False

    async def publish(self, report: ReportV1) -> None:
        if self.failing:
            raise PublishError("KafkaTimeoutError")
        self.published.append(report)

    async def is_ready(self) -> bool:
        return not self.failing


def intake_dependencies(
    state_dir: Path, key: str, max_body_bytes: int = 4096, **overrides: Any
) -> IntakeDependencies:
    """Dependencies with one integration (`INTEGRATION_ID`, bearer `key`); override any."""
    defaults: dict[str, Any] = {
        "key_ring": KeyRing(digests=((digest(key), INTEGRATION_ID),)),
        "idempotency": IdempotencyStore(state_dir / "intake.db"),
        "publisher": MemoryPublisher(),
        "metrics": IntakeMetrics(CollectorRegistry()),
        "max_body_bytes": max_body_bytes,
    }
    return IntakeDependencies(**{**defaults, **overrides})


@asynccontextmanager
async def intake_client(
    deps: IntakeDependencies, key: str | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client calling the app directly, sending `Authorization: Bearer <key>`."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    transport = httpx.ASGITransport(app=build_app(deps))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://intake", headers=headers
    ) as http:
        yield http
