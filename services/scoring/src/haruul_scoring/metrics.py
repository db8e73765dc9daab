"""Scoring's Prometheus metrics, declared once."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram


class ScoringMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.events_scored = Counter(
            "haruul_scoring_events_scored",
            "Reports scored and published as risk events, by level.",
            ["level"],
            registry=registry,
        )
        self.dead_letters = Counter(
            "haruul_scoring_dead_letters",
            "Reports that could not be read, sent to the dead-letter topic, by reason.",
            ["reason"],
            registry=registry,
        )
        self.score_seconds = Histogram(
            "haruul_scoring_score_seconds",
            "Time the engine took to assess one report.",
            registry=registry,
            buckets=(0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1),
        )
