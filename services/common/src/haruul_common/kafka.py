"""Kafka glue shared by the services: one way to build a broker and to dead-letter a message."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from prometheus_client import Counter
from pydantic import BaseModel, ValidationError

from haruul_common.events import unreadable_reason
from haruul_common.logs import get_logger
from haruul_common.settings import KafkaSettings
from haruul_common.topics import Topic

log = get_logger("haruul_common.kafka")

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


# After an unexpected failure the offset is not committed and the message is read again;
# this pause keeps a broken dependency from turning that into a busy loop.
RETRY_PAUSE_S = 1.0


def subscribe(
    broker: KafkaBroker,
    topic: Topic,
    *,
    group_id: str,
    handle: Callable[[SourceRecord], Awaitable[object]],
) -> None:
    """Consume `topic` in `group_id`, committing each message only after `handle` returned.

    `handle` decides what is poison (dead-letter it and return) and what is transient (raise:
    the offset stays uncommitted and the message is read again, at least once).
    """

    @broker.subscriber(
        topic.name,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
    )
    async def on_message(message: KafkaMessage) -> None:
        raw = message.raw_message
        assert not isinstance(raw, tuple)  # a single-message subscriber
        record = SourceRecord(
            topic=raw.topic,
            partition=raw.partition,
            offset=raw.offset,
            key=raw.key,
            value=raw.value or b"",
        )
        try:
            await handle(record)
        except Exception as error:
            # Ids and the error's class only: an exception's text may quote the payload.
            log.error(
                "message_not_processed",
                topic=record.topic,
                partition=record.partition,
                offset=record.offset,
                error=type(error).__name__,
            )
            await asyncio.sleep(RETRY_PAUSE_S)
            raise


PayloadT = TypeVar("PayloadT", bound=BaseModel)


async def read_or_dead_letter(
    model: type[PayloadT],
    payload_name: str,
    record: SourceRecord,
    dead_letter: Callable[[SourceRecord, str], Awaitable[None]],
    dead_letters: Counter,
) -> PayloadT | None:
    """The record as a `model`, or None after dead-lettering it with the reason and counting it.

    A message that cannot be read will never be readable: retrying it would block its partition
    forever, so it goes to the dead-letter topic and the caller commits past it.
    """
    try:
        return model.model_validate_json(record.value)
    except ValidationError as error:
        reason = unreadable_reason(payload_name, error)
    await dead_letter(record, reason)
    dead_letters.labels("unreadable").inc()
    log.warning(
        "message_dead_lettered",
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        reason=reason,
    )
    return None
