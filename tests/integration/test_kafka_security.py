"""Clusters that demand credentials: the shared Kafka settings reach every kind of client —
the services' FastStream producers and consumers and the admin tools' kafka-python clients —
tested on a broker with a SASL/PLAIN listener."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from faststream.kafka import KafkaBroker
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError
from pydantic import SecretStr

from haruul_common.kafka_security import faststream_security, kafka_python_options
from haruul_common.local_kafka import LocalKafka, ensure_topics, start_group_at_end
from haruul_common.settings import KafkaSettings
from haruul_common.topics import REPORTS

pytestmark = pytest.mark.integration

PASSWORD = "test-only-sasl-secret"  # a throwaway broker's user


@pytest.fixture(scope="module")
def kafka() -> Iterator[LocalKafka]:
    with LocalKafka(sasl_users={"haruul": PASSWORD}) as broker:
        yield broker


def _settings(kafka: LocalKafka, password: str = PASSWORD) -> KafkaSettings:
    return KafkaSettings(
        bootstrap_servers=kafka.sasl_bootstrap_servers,
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="PLAIN",
        sasl_username="haruul",
        sasl_password=SecretStr(password),
    )


def test_an_admin_client_with_the_credentials_gets_in(kafka: LocalKafka) -> None:
    admin = KafkaAdminClient(
        bootstrap_servers=kafka.sasl_bootstrap_servers, **kafka_python_options(_settings(kafka))
    )
    try:
        assert REPORTS.name in admin.list_topics()
    finally:
        admin.close()


def test_a_wrong_password_is_refused(kafka: LocalKafka) -> None:
    with pytest.raises(KafkaError):
        KafkaAdminClient(
            bootstrap_servers=kafka.sasl_bootstrap_servers,
            bootstrap_timeout_ms=5000,
            **kafka_python_options(_settings(kafka, password="wrong")),
        ).list_topics()


async def test_a_service_broker_publishes_with_the_credentials(kafka: LocalKafka) -> None:
    settings = _settings(kafka)
    broker = KafkaBroker(
        settings.bootstrap_servers, security=faststream_security(settings), acks="all"
    )
    key = uuid.uuid4().hex.encode()
    await broker.start()
    try:
        await broker.publish(b'{"hello": "sasl"}', REPORTS.name, key=key)
    finally:
        await broker.stop()

    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        consumer_timeout_ms=10_000,
        **kafka_python_options(settings),
    )
    try:
        partitions = [TopicPartition(REPORTS.name, p) for p in range(REPORTS.partitions)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        assert any(record.key == key for record in consumer)
    finally:
        consumer.close()


def test_topics_and_group_offsets_are_set_up_with_the_credentials(kafka: LocalKafka) -> None:
    settings = _settings(kafka)
    ensure_topics(settings.bootstrap_servers, client=settings)  # all exist: a no-op that logs in
    group = f"test-{uuid.uuid4().hex[:8]}"
    start_group_at_end(settings.bootstrap_servers, group, REPORTS.name, client=settings)
    admin = KafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, **kafka_python_options(settings)
    )
    try:
        offsets = admin.list_group_offsets(group)[group]
    finally:
        admin.close()
    assert {tp.topic for tp in offsets} == {REPORTS.name}
