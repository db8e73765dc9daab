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
        self.acknowledgements = Counter(
            "haruul_notify_acknowledgements",
            "Alerts acknowledged, by channel (sms, email, grpc, cli).",
            ["channel"],
            registry=registry,
        )
        self.ack_latency_seconds = Histogram(
            "haruul_notify_ack_latency_seconds",
            "Time from an alert opening to its acknowledgement, by level.",
            ["level"],
            registry=registry,
            buckets=(30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400),
        )
        self.escalations = Counter(
            "haruul_notify_escalations",
            "Escalation steps fired after nobody acknowledged, by level.",
            ["level"],
            registry=registry,
        )
        self.silenced = Counter(
            "haruul_notify_silenced",
            "Alerts not sent because a silence matched.",
            registry=registry,
        )
        self.deferred = Counter(
            "haruul_notify_deferred",
            "Non-critical deliveries deferred by quiet hours or to a digest.",
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
