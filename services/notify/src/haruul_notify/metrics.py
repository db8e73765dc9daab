"""Notify's Prometheus metrics, declared once."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram


class NotifyMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.alerts_raised = Counter(
            "haruul_notify_alerts_raised",
            "Risk events at or above the alerting level, by level.",
            ["level"],
            registry=registry,
        )
        self.deliveries = Counter(
            "haruul_notify_deliveries",
            "Deliveries by channel and outcome: delivered, duplicate, skipped, failed, refused.",
            ["channel", "outcome"],
            registry=registry,
        )
        self.dead_letters = Counter(
            "haruul_notify_dead_letters",
            "Risk events that could not be read, sent to the dead-letter topic.",
            ["reason"],
            registry=registry,
        )
        self.report_to_delivery_seconds = Histogram(
            "haruul_notify_report_to_delivery_seconds",
            "Time from intake accepting a report to the gateway accepting its alert.",
            ["channel"],
            registry=registry,
            buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0),
        )
