"""The gateway's Prometheus metrics, declared once."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter


class GatewayMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.deliveries = Counter(
            "haruul_gateway_deliveries",
            "Deliver calls by channel, outcome: sent, duplicate, unavailable, refused, invalid.",
            ["channel", "outcome"],
            registry=registry,
        )
        self.delivery_reports = Counter(
            "haruul_gateway_sms_delivery_reports",
            "Delivery reports from the SMS channel, by status.",
            ["status"],
            registry=registry,
        )
