"""The local broker is a real Kafka: registry topics exist, acks=all writes survive a restart.

One broker serves the whole module; the tests run in file order and the last one stops it.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType

from haruul_common.local_kafka import LocalKafka
from haruul_common.topics import REPORTS, topics_to_create

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def kafka() -> Iterator[LocalKafka]:
    broker = LocalKafka()
    broker.start()
    yield broker
    broker.close()


@pytest.fixture(scope="module")
def sent() -> dict[str, bytes]:
    """What the produce test wrote, for the restart test to find again."""
    return {}


def _read_back(bootstrap: str, key: bytes) -> list[bytes]:
    """Every value with this key in REPORTS, read from the start up to the end offsets."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(REPORTS.name, p) for p in range(REPORTS.partitions)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        values: list[bytes] = []
        deadline = time.monotonic() + 30
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            assert time.monotonic() < deadline, "could not read up to the end offsets"
            for records in consumer.poll(timeout_ms=1000).values():
                values += [r.value for r in records if r.key == key]
        return values
    finally:
        consumer.close()


def test_registry_topics_exist_with_partition_counts_and_retention(kafka: LocalKafka) -> None:
    wanted = topics_to_create()
    admin = KafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers)
    try:
        described = admin.describe_topics([name for name, _, _ in wanted])
        configs = admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, name) for name, _, _ in wanted]
        )
    finally:
        admin.close()
    found = {t["name"]: len(t["partitions"]) for t in described if t["error_code"] == 0}
    assert found == {name: partitions for name, partitions, _ in wanted}
    thirty_days_ms = str(30 * 24 * 3600 * 1000)
    for name in (REPORTS.name, REPORTS.dead_letter):  # personal data: deleted after 30 days
        assert configs["topic"][name]["retention.ms"]["value"] == thirty_days_ms


def test_acks_all_message_is_consumed_back(kafka: LocalKafka, sent: dict[str, bytes]) -> None:
    key, value = uuid.uuid4().hex.encode(), b'{"hello": "kafka"}'
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all")
    try:
        producer.send(REPORTS.name, key=key, value=value).get(timeout=30)
    finally:
        producer.close()
    sent["key"], sent["value"] = key, value
    assert _read_back(kafka.bootstrap_servers, key) == [value]


def test_message_survives_a_broker_restart(kafka: LocalKafka, sent: dict[str, bytes]) -> None:
    assert sent, "runs after test_acks_all_message_is_consumed_back"
    old_pid = kafka.pid
    kafka.restart()
    assert kafka.pid not in (None, old_pid)
    assert _read_back(kafka.bootstrap_servers, sent["key"]) == [sent["value"]]


def test_stop_ends_the_process(kafka: LocalKafka) -> None:
    pid = kafka.pid
    assert pid is not None
    kafka.stop()
    kafka.stop()  # a second stop is harmless
    assert kafka.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
