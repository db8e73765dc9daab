"""Notify's Prometheus metrics, declared once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from haruul_notify.domain.alerts import LEVELS

if TYPE_CHECKING:
    from haruul_notify.alert_store import AlertStore


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
        self.fallbacks = Counter(
            "haruul_notify_channel_fallbacks",
            "Deliveries that kept failing (or were refused) and went out on the other channel.",
            ["from_channel", "to_channel"],
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


class OpenAlertsCollector(Collector):
    """`haruul_notify_open_alerts{level}`, read from the store at each scrape."""

    def __init__(self, store: AlertStore) -> None:
        self._store = store

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "haruul_notify_open_alerts",
            "Alerts open (not yet acknowledged), by level.",
            labels=["level"],
        )
        counts = self._store.open_counts()
        for level in LEVELS:
            family.add_metric([level], counts.get(level, 0))
        yield family
