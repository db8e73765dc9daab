"""`subscribe` on the real broker: a poll's records are committed once, after all of them were
handled; a record that keeps failing holds back its batch's commit (the records are read again,
at least once) and never the handling of the others."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

from haruul_common.kafka import SourceRecord, build_broker, subscribe
from haruul_common.settings import KafkaSettings
from haruul_common.topics import Topic
from tests.support.kafka import wait_until_consumed

pytestmark = pytest.mark.integration

COUNT = 60


def _fresh_topic(bootstrap: str) -> Topic:
    name = f"haruul.test.batches.{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.create_topics([NewTopic(name, 3, 1)])
    finally:
        admin.close()
    return Topic(name=name, partitions=3, key="id", payload="bytes", personal_data=False)


def _produce(bootstrap: str, topic: str) -> dict[bytes, tuple[int, int]]:
    """COUNT records; key -> (partition, offset)."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    try:
        futures = {
            f"k{index}".encode(): producer.send(topic, key=f"k{index}".encode(), value=b"v")
            for index in range(COUNT)
        }
        producer.flush(30)
        return {
            key: (future.get(30).partition, future.get(30).offset)
            for key, future in futures.items()
        }
    finally:
        producer.close()


def _committed(bootstrap: str, group_id: str, topic: str, partition: int) -> int | None:
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group_id, enable_auto_commit=False
    )
    try:
        offset: int | None = consumer.committed(TopicPartition(topic, partition))
        return offset
    finally:
        consumer.close()


async def test_a_failing_record_holds_back_its_commit_and_is_read_again(
    kafka_bootstrap: str,
) -> None:
    topic = _fresh_topic(kafka_bootstrap)
    positions = await asyncio.to_thread(_produce, kafka_bootstrap, topic.name)
    stuck_key = b"k7"
    stuck_partition, stuck_offset = positions[stuck_key]
    group_id = f"test-batches-{uuid.uuid4().hex[:8]}"
    handled: Counter[bytes] = Counter()
    attempts: Counter[bytes] = Counter()
    healed = asyncio.Event()

    async def handle(record: SourceRecord) -> None:
        assert record.key is not None
        attempts[record.key] += 1
        await asyncio.sleep(0.001)  # as a publish would
        if record.key == stuck_key and not healed.is_set():
            raise ConnectionError("downstream unavailable")
        handled[record.key] += 1

    broker = build_broker(KafkaSettings(bootstrap_servers=kafka_bootstrap), client_id="test")
    subscribe(broker, topic, group_id=group_id, handle=handle, batch_size=16)
    await broker.start()
    try:
        for _ in range(300):
            if attempts[stuck_key] >= 3:
                break
            await asyncio.sleep(0.1)
        assert attempts[stuck_key] >= 3  # read again after each failure
        committed = await asyncio.to_thread(
            _committed, kafka_bootstrap, group_id, topic.name, stuck_partition
        )
        assert committed is None or committed <= stuck_offset  # never past the failing one

        healed.set()
        await asyncio.to_thread(wait_until_consumed, kafka_bootstrap, group_id, topic.name)
    finally:
        await broker.stop()

    assert set(handled) == set(positions)  # every record handled, at least once
