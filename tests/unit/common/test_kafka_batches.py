"""One poll's records are handled side by side; the batch is committed only when every record
was handled, and a failure of one never stops the others (no broker: `handle_batch` alone)."""

from __future__ import annotations

import asyncio

import pytest
import structlog

from haruul_common.kafka import SourceRecord, handle_batch


def _records(count: int) -> list[SourceRecord]:
    return [
        SourceRecord(
            topic="haruul.reports.v1",
            partition=offset % 3,
            offset=offset,
            key=f"r{offset}".encode(),
            value=b'{"secret narrative": "must never be logged"}',
        )
        for offset in range(count)
    ]


async def test_the_records_of_a_batch_wait_for_their_publishes_side_by_side() -> None:
    started: list[int] = []
    release = asyncio.Event()

    async def handle(record: SourceRecord) -> None:
        started.append(record.offset)
        await release.wait()  # a publish waiting for the broker's acknowledgement

    batch = asyncio.create_task(handle_batch(_records(5), handle))
    for _ in range(3):  # the batch's task, then each record's
        await asyncio.sleep(0)
    assert started == [0, 1, 2, 3, 4]  # in offset order, none waiting for another
    assert not batch.done()  # and the batch is not over until every record is
    release.set()
    assert await batch == []


async def test_one_failure_lets_the_others_finish_and_is_returned_for_the_caller() -> None:
    handled: list[int] = []

    async def handle(record: SourceRecord) -> None:
        await asyncio.sleep(0)
        if record.offset == 1:
            raise ConnectionError("broker gone")
        handled.append(record.offset)

    with structlog.testing.capture_logs() as logs:
        failures = await handle_batch(_records(4), handle)

    assert [type(error) for error in failures] == [ConnectionError]
    assert sorted(handled) == [0, 2, 3]
    [entry] = [entry for entry in logs if entry["event"] == "message_not_processed"]
    assert (entry["partition"], entry["offset"], entry["error"]) == (1, 1, "ConnectionError")
    assert "narrative" not in str(logs)


async def test_an_empty_batch_handles_nothing() -> None:
    async def handle(record: SourceRecord) -> None:
        raise AssertionError("no record to handle")

    assert await handle_batch([], handle) == []


async def test_cancellation_is_not_mistaken_for_a_failed_message() -> None:
    async def handle(record: SourceRecord) -> None:
        if record.offset == 0:
            raise asyncio.CancelledError
        await asyncio.sleep(0)

    with pytest.raises(asyncio.CancelledError):
        await handle_batch(_records(2), handle)
