"""The real broker for tests, and small helpers to look at topics.

One broker per test session: `KAFKA_BOOTSTRAP_SERVERS` if set; else testcontainers where a
Docker engine answers; else the project's own launcher (Kafka from Maven Central jars).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from haruul_common.local_kafka import LocalKafka, ensure_topics


@contextmanager
def kafka_for_tests() -> Iterator[str]:
    existing = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if existing:
        ensure_topics(existing)
        yield existing
        return
    container = _docker_kafka()
    if container is not None:
        with container:
            bootstrap = container.get_bootstrap_server()
            ensure_topics(bootstrap)
            yield bootstrap
        return
    with LocalKafka() as broker:
        yield broker.bootstrap_servers


def _docker_kafka() -> Any:
    """A testcontainers broker when a Docker engine answers; None otherwise (the usual case)."""
    try:
        import docker

        docker.from_env().ping()
    except Exception:
        return None
    from testcontainers.community.kafka import KafkaContainer

    return KafkaContainer()


@dataclass(frozen=True)
class Record:
    key: bytes | None
    value: bytes
    headers: dict[str, bytes]


def read_all(bootstrap: str, topic: str) -> list[Record]:
    """Every record of `topic` from the beginning up to its current end."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        records: list[Record] = []
        deadline = time.monotonic() + 30
        while any(consumer.position(tp) < end for tp, end in ends.items()):
            if time.monotonic() > deadline:
                raise TimeoutError(f"could not read {topic} to its end")
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(Record(r.key, r.value, dict(r.headers)) for r in batch)
        return records
    finally:
        consumer.close()


def wait_for_records(
    bootstrap: str,
    topic: str,
    matches: Callable[[Record], bool],
    count: int = 1,
    timeout_s: float = 30.0,
) -> list[Record]:
    """Poll `topic` until at least `count` records match; fail the test after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = [record for record in read_all(bootstrap, topic) if matches(record)]
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(found)} of {count} expected records on {topic}")
        time.sleep(0.3)


def wait_until_consumed(bootstrap: str, group_id: str, topic: str, timeout_s: float = 30.0) -> None:
    """Until `group_id` has committed everything on `topic` up to its current end."""
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group_id, enable_auto_commit=False
    )
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        ends = consumer.end_offsets(partitions)
        deadline = time.monotonic() + timeout_s
        while any((consumer.committed(tp) or 0) < end for tp, end in ends.items()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{group_id} did not consume {topic} within {timeout_s} s")
            time.sleep(0.2)
    finally:
        consumer.close()
