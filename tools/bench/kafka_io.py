"""Kafka helpers for the bench: topics, group offsets, counting, pre-filling, two-hop baseline."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer  # type: ignore[import-untyped]
from aiokafka.structs import TopicPartition as AioTopicPartition  # type: ignore[import-untyped]
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

from haruul_common.events import ReportV1


def create_topics(bootstrap: str, names: Sequence[str], partitions: int = 3) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="haruul-bench")
    try:
        admin.create_topics([NewTopic(name, partitions, 1) for name in names])
        admin.wait_for_topics(list(names), timeout_ms=30_000)
    finally:
        admin.close()


def delete_topics(bootstrap: str, names: Sequence[str]) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="haruul-bench")
    try:
        with contextlib.suppress(Exception):  # best effort: a left-over bench topic harms nothing
            admin.delete_topics(list(names))
    finally:
        admin.close()


class OffsetCounter:
    """How many records a topic holds in all (the sum of its partitions' end offsets)."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self._consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        self._partitions = [
            TopicPartition(topic, p) for p in self._consumer.partitions_for_topic(topic)
        ]

    def count(self) -> int:
        return int(sum(self._consumer.end_offsets(self._partitions).values()))

    def close(self) -> None:
        self._consumer.close()


def report_payloads(texts: Sequence[str], count: int) -> list[tuple[bytes, bytes]]:
    """`count` ReportV1 payloads (key, value) cycling over `texts`, each with its own id."""
    now = datetime.now(UTC)
    payloads = []
    for index in range(count):
        report = ReportV1(
            report_id=str(uuid.uuid4()),
            integration_id="bench",
            accepted_at=now,
            text=texts[index % len(texts)],
            channel="hotline",
        )
        payloads.append((report.report_id.encode(), report.model_dump_json().encode()))
    return payloads


def prefill(bootstrap: str, topic: str, payloads: Sequence[tuple[bytes, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        for key, value in payloads:
            producer.send(topic, key=key, value=value)
        producer.flush(timeout=60)
    finally:
        producer.close()


async def two_hop(
    bootstrap: str, payloads: Sequence[tuple[bytes, bytes]], rate: float, deadline_s: float
) -> dict[str, Any]:
    """produce → consume → produce → consume of `payloads` at `rate`; latency per message.

    Producers as the services build theirs (acks=all, idempotent), each relay send awaited.
    """
    suffix = uuid.uuid4().hex[:8]
    hop1, hop2 = f"haruul.bench.hop1.{suffix}", f"haruul.bench.hop2.{suffix}"
    create_topics(bootstrap, [hop1, hop2])
    producers = [
        AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
        for _ in range(2)
    ]
    # Assigned partitions, no consumer group: the baseline leaves group coordination out.
    consumers = [AIOKafkaConsumer(bootstrap_servers=bootstrap) for _ in range(2)]
    latencies: list[float] = []
    try:
        for client in (*producers, *consumers):
            await client.start()
        for consumer, topic in zip(consumers, (hop1, hop2), strict=True):
            partitions = [AioTopicPartition(topic, p) for p in range(3)]
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)

        async def relay() -> None:
            async for message in consumers[0]:
                await producers[1].send_and_wait(
                    hop2, message.value, key=message.key, headers=list(message.headers)
                )

        async def sink() -> None:
            async for message in consumers[1]:
                sent = float(dict(message.headers)["sent"].decode())
                latencies.append(time.time() - sent)
                if len(latencies) >= len(payloads):
                    return

        relaying = asyncio.create_task(relay())
        sinking = asyncio.create_task(sink())
        began = time.perf_counter()
        for index, (key, value) in enumerate(payloads):
            pause = began + index / rate - time.perf_counter()
            if pause > 0:
                await asyncio.sleep(pause)
            await producers[0].send(
                hop1, value, key=key, headers=[("sent", str(time.time()).encode())]
            )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(sinking, timeout=deadline_s)
        if relaying.done():
            relaying.result()  # raises what stopped the relay
        relaying.cancel()
    finally:
        for client in (*consumers, *producers):
            await client.stop()
        delete_topics(bootstrap, [hop1, hop2])
    return {"messages": len(payloads), "received": len(latencies), "latencies_s": latencies}
