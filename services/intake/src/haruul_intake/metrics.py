"""Intake's Prometheus metrics, declared once."""

from __future__ import annotations

from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.multiprocess import MultiProcessCollector


class IntakeMetrics:
    def __init__(self, registry: CollectorRegistry, workers_dir: Path | None = None) -> None:
        """`workers_dir`: the PROMETHEUS_MULTIPROC_DIR of an intake with several workers; then
        `registry` (what /metrics shows) sums every worker's files, this one's included."""
        if workers_dir is None:
            self.registry = registry
        else:
            self.registry = CollectorRegistry()
            MultiProcessCollector(self.registry, path=str(workers_dir))  # type: ignore[no-untyped-call]
        self.reports_accepted = Counter(
            "haruul_intake_reports_accepted",
            "Reports answered 202: durably in Kafka.",
            ["integration"],
            registry=registry,
        )
        self.reports_rejected = Counter(
            "haruul_intake_reports_rejected",
            "Reports refused, by reason (unauthorized, revoked, bad_signature, rate_limited,"
            " invalid, too_large, conflict, unavailable).",
            ["reason"],
            registry=registry,
        )
        self.idempotent_replays = Counter(
            "haruul_intake_idempotent_replays",
            "Retries answered with the first report id; nothing published.",
            registry=registry,
        )
        self.publish_seconds = Histogram(
            "haruul_intake_publish_seconds",
            "Time for the broker to acknowledge a report (acks=all).",
            registry=registry,
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
        )
