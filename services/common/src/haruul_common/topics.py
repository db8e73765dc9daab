"""The one registry of Kafka topics: names, partition counts and what flows through them.

Every producer, consumer, launcher and test takes topic names from here, so a rename or a
new partition count is one edit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    partitions: int
    key: str
    payload: str

    @property
    def dead_letter(self) -> str:
        """Where messages that cannot be processed go, with the reason in headers."""
        return f"{self.name}.dlq"


REPORTS = Topic(
    name="haruul.reports.v1",
    partitions=3,
    key="report_id",
    payload="haruul_common.events.ReportV1",
)
RISK_EVENTS = Topic(
    name="haruul.risk-events.v1",
    partitions=3,
    key="report_id",
    payload="haruul_common.events.RiskEventV1",
)

ALL_TOPICS: tuple[Topic, ...] = (REPORTS, RISK_EVENTS)


def topics_to_create() -> list[tuple[str, int]]:
    """Every topic the platform needs, dead-letter topics included, with partition counts."""
    names: list[tuple[str, int]] = []
    for topic in ALL_TOPICS:
        names.append((topic.name, topic.partitions))
        names.append((topic.dead_letter, 1))
    return names
