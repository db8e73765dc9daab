"""Kafka glue shared by the services: one way to build a broker and to dead-letter a message."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from faststream.kafka import KafkaBroker

from haruul_common.settings import KafkaSettings
from haruul_common.topics import Topic

# Header names on dead-lettered messages; ops tools read these.
DLQ_REASON = "haruul-dlq-reason"
DLQ_SOURCE_TOPIC = "haruul-dlq-source-topic"
DLQ_SOURCE_PARTITION = "haruul-dlq-source-partition"
DLQ_SOURCE_OFFSET = "haruul-dlq-source-offset"
SCHEMA_VERSION = "haruul-schema-version"


def build_broker(settings: KafkaSettings, *, client_id: str) -> KafkaBroker:
    """A broker whose producer waits for every in-sync replica and never duplicates on retry."""
    return KafkaBroker(
        settings.bootstrap_servers,
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        log_level=logging.DEBUG,
    )


@dataclass(frozen=True)
class SourceRecord:
    """Where a message came from, so a dead-letter entry can be traced and replayed."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes


async def publish_dead_letter(
    broker: KafkaBroker, topic: Topic, record: SourceRecord, reason: str
) -> None:
    """Put the original bytes on `<topic>.dlq` with the reason; the caller then commits.

    `reason` must describe the failure without quoting the payload: it ends up in ops tools.
    """
    await broker.publish(
        record.value,
        topic.dead_letter,
        key=record.key,
        headers={
            DLQ_REASON: reason[:500],
            DLQ_SOURCE_TOPIC: record.topic,
            DLQ_SOURCE_PARTITION: str(record.partition),
            DLQ_SOURCE_OFFSET: str(record.offset),
        },
    )
