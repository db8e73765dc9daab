"""Group commit: concurrent writers share one commit, each answered only once its own write is
committed, and a write that fails reaches only its own caller — on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from haruul_common.state_db import GroupCommit, StateDb, StateLocation
from tests.conftest import StateAt

SCHEMA = "CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, n INTEGER NOT NULL)"


@pytest.fixture
def location(state_at: StateAt) -> StateLocation:
    where = state_at("state.db")
    StateDb(where, SCHEMA).close()
    return where


def _count(location: StateLocation) -> int:
    """What another connection (another process) sees."""
    reader = StateDb(location, SCHEMA)
    try:
        return int(reader.execute("SELECT COUNT(*) FROM items").fetchone()[0])
    finally:
        reader.close()


def _insert(item_id: str) -> Callable[[StateDb], int]:
    def write(db: StateDb) -> int:
        return db.execute("INSERT INTO items (id, n) VALUES (?, 1)", (item_id,)).rowcount

    return write


async def test_concurrent_writes_share_one_commit(location: StateLocation) -> None:
    writes = GroupCommit(location, "items")
    try:
        results = await asyncio.gather(*(writes.write(_insert(f"i{n}")) for n in range(20)))
    finally:
        writes.close()

    assert results == [1] * 20
    assert writes.commits == 1  # twenty callers, one transaction (one sync)
    assert _count(location) == 20


async def test_each_caller_is_answered_only_once_its_write_is_committed(
    location: StateLocation,
) -> None:
    writes = GroupCommit(location, "items")
    seen_when_answered: list[int] = []

    async def write_then_look(n: int) -> None:
        await writes.write(_insert(f"i{n}"))
        seen_when_answered.append(_count(location))

    try:
        for wave in range(3):  # later callers arrive while an earlier commit is under way
            await asyncio.gather(*(write_then_look(wave * 10 + n) for n in range(10)))
    finally:
        writes.close()

    assert len(seen_when_answered) == 30
    # Every caller's own write (and its wave's) was visible from outside when it was answered.
    assert all(seen >= 10 * (i // 10 + 1) for i, seen in enumerate(seen_when_answered))


async def test_a_failing_write_fails_only_its_own_caller(location: StateLocation) -> None:
    writes = GroupCommit(location, "items")
    try:
        await writes.write(_insert("taken"))
        results = await asyncio.gather(
            writes.write(_insert("a")),
            writes.write(_insert("taken")),  # primary key taken: this one fails
            writes.write(_insert("b")),
            return_exceptions=True,
        )
        after = await writes.write(_insert("c"))  # the group after is not affected
    finally:
        writes.close()

    assert results[0] == 1
    assert results[2] == 1
    assert isinstance(results[1], Exception)
    assert after == 1
    assert _count(location) == 4  # taken, a, b, c: the failure rolled back nothing of theirs


async def test_a_write_after_close_fails_instead_of_hanging(location: StateLocation) -> None:
    writes = GroupCommit(location, "items")
    writes.close()

    with pytest.raises(RuntimeError):
        await asyncio.wait_for(writes.write(_insert("late")), 5)
    assert _count(location) == 0
