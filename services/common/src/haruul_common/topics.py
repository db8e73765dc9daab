"""The one registry of Kafka topics: names, partition counts and what flows through them.

Every producer, consumer, launcher and test takes topic names from here, so a rename or a
new partition count is one edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

# How long messages that carry personal data (narratives, contacts, quotes) stay on the broker.
DEFAULT_RETENTION = timedelta(days=30)


@dataclass(frozen=True)
class Topic:
    name: str
    partitions: int
    key: str
    payload: str
    # Carries personal data: the topic and its dead-letter topic get the retention limit.
    personal_data: bool = True
    # Payload fields sealed with the topic's key ring (haruul_common.sealing) when one is set.
    sealed_fields: tuple[str, ...] = ()

    @property
    def dead_letter(self) -> str:
        """Where messages that cannot be processed go, with the reason in headers."""
        return f"{self.name}.dlq"


REPORTS = Topic(
    name="haruul.reports.v1",
    partitions=3,
    key="report_id",
    payload="haruul_common.events.ReportV1",
    sealed_fields=("text", "reporter", "subject"),
)
RISK_EVENTS = Topic(
    name="haruul.risk-events.v1",
    partitions=3,
    key="report_id",
    payload="haruul_common.events.RiskEventV1",
    # The explanation and the indicators quote the report; entities are contacts.
    sealed_fields=("explanation", "indicators", "entities"),
)

ALL_TOPICS: tuple[Topic, ...] = (REPORTS, RISK_EVENTS)


def topics_to_create(
    retention: timedelta = DEFAULT_RETENTION,
) -> list[tuple[str, int, dict[str, str]]]:
    """Every topic the platform needs, dead-letter topics included: (name, partitions, topic
    configs). Topics with personal data are deleted from after `retention`."""
    configs = {"retention.ms": str(int(retention.total_seconds() * 1000))}
    topics: list[tuple[str, int, dict[str, str]]] = []
    for topic in ALL_TOPICS:
        topic_configs = dict(configs) if topic.personal_data else {}
        topics.append((topic.name, topic.partitions, topic_configs))
        topics.append((topic.dead_letter, 1, dict(topic_configs)))
    return topics
