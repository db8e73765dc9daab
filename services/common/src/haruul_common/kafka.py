"""Kafka glue shared by the services: one way to build a broker, to consume (a batch per poll,
one commit per batch) and to dead-letter a message."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from prometheus_client import Counter
from pydantic import BaseModel, ValidationError

from haruul_common.events import unreadable_reason
from haruul_common.kafka_security import faststream_security
from haruul_common.logs import get_logger
from haruul_common.sealing import Sealer, SealError
from haruul_common.settings import KafkaSettings
from haruul_common.topics import Topic

log = get_logger("haruul_common.kafka")

# Header names on dead-lettered messages; ops tools read these.
DLQ_REASON = "haruul-dlq-reason"
DLQ_SOURCE_TOPIC = "haruul-dlq-source-topic"
DLQ_SOURCE_PARTITION = "haruul-dlq-source-partition"
DLQ_SOURCE_OFFSET = "haruul-dlq-source-offset"
SCHEMA_VERSION = "haruul-schema-version"
# Bytes the producer gathers per partition before a batch is full (aiokafka's default: 16 KB).
PRODUCER_BATCH_BYTES = 256 * 1024


def build_broker(settings: KafkaSettings, *, client_id: str) -> KafkaBroker:
    """A broker whose producer waits for every in-sync replica and never duplicates on retry."""
    return KafkaBroker(
        settings.bootstrap_servers,
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        # Room per partition for a poll's worth of outputs: with one batch in flight per
        # partition (idempotence), a full 16 KB batch sends every further publisher of the poll
        # into a wait-and-retry loop, several rounds each.
        max_batch_size=PRODUCER_BATCH_BYTES,
        security=faststream_security(settings),
        # FastStream's per-message lines at DEBUG, through our (scrubbing) root handler.
        logger=logging.getLogger("haruul.faststream"),
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


# After an unexpected failure the batch's offsets are not committed and its messages are read
# again; this pause keeps a broken dependency from turning that into a busy loop.
RETRY_PAUSE_S = 1.0
# Records handed to `handle` at most per poll; a setting of each consumer service.
DEFAULT_BATCH_SIZE = 100
# How long an idle poll waits for the first record (FastStream then sleeps as long again).
POLL_TIMEOUT_MS = 20

Handle = Callable[[SourceRecord], Awaitable[object]]


async def handle_batch(records: Sequence[SourceRecord], handle: Handle) -> list[Exception]:
    """Handle every record of one poll concurrently; the failures, once all have finished.

    Each record's handler starts in offset order and runs until it first waits (scoring's
    engine and case index run in order; their publishes overlap). The caller commits the
    batch only when nothing failed, so an offset is never committed before every message up
    to it was handled (published downstream or dead-lettered).
    """
    results = await asyncio.gather(*(handle(record) for record in records), return_exceptions=True)
    failures: list[Exception] = []
    for record, result in zip(records, results, strict=True):
        if isinstance(result, Exception):
            # Ids and the error's class only: an exception's text may quote the payload.
            log.error(
                "message_not_processed",
                topic=record.topic,
                partition=record.partition,
                offset=record.offset,
                error=type(result).__name__,
            )
            failures.append(result)
        elif isinstance(result, BaseException):
            raise result  # cancelled, or the process is stopping: nothing is committed
    return failures


def subscribe(
    broker: KafkaBroker,
    topic: Topic,
    *,
    group_id: str,
    handle: Handle,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> None:
    """Consume `topic` in `group_id` a poll at a time (up to `batch_size` records), and commit
    the poll's offsets once, only after `handle` returned for every record in it.

    `handle` decides what is poison (dead-letter it and return: the rest of the batch goes on)
    and what is transient (raise: once every other record of the batch has finished, nothing is
    committed, each partition is rewound to the batch's first record there, and the batch is
    read again — at least once; the handlers downstream are idempotent).
    """

    @broker.subscriber(
        topic.name,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        batch=True,
        max_records=batch_size,
        batch_timeout_ms=POLL_TIMEOUT_MS,
    )
    async def on_batch(message: KafkaMessage) -> None:
        raw = message.raw_message
        batch = raw if isinstance(raw, tuple) else (raw,)
        records = [
            SourceRecord(
                topic=item.topic,
                partition=item.partition,
                offset=item.offset,
                key=item.key,
                value=item.value or b"",
            )
            for item in batch
        ]
        failures = await handle_batch(records, handle)
        if failures:
            await asyncio.sleep(RETRY_PAUSE_S)
            raise failures[0]  # NACK_ON_ERROR: no commit; the partitions are rewound


PayloadT = TypeVar("PayloadT", bound=BaseModel)


async def read_or_dead_letter(
    model: type[PayloadT],
    payload_name: str,
    record: SourceRecord,
    dead_letter: Callable[[SourceRecord, str], Awaitable[None]],
    dead_letters: Counter,
    sealer: Sealer | None = None,
) -> PayloadT | None:
    """The record as a `model` (its sealed fields opened with `sealer`), or None after
    dead-lettering it with the reason and counting it.

    A message that cannot be read will never be readable: retrying it would block its partition
    forever, so it goes to the dead-letter topic and the caller commits past it. That includes
    one sealed under a key this service does not hold: it waits there, intact, for a replay.
    """
    try:
        # Sealed: parsed once, opened, validated as parsed; anything else as the bytes it is.
        opened = sealer.open_value(record.value, record.key) if sealer else None
        if opened is not None:
            return model.model_validate(opened)
        return model.model_validate_json(record.value)
    except SealError as error:
        reason = f"{payload_name}: {error}"
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
