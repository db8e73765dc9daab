"""The purge runs at once, again after each interval, survives a failing round, and stops."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from haruul_common.retention import purge_periodically


async def test_the_purge_repeats_survives_a_failure_and_stops() -> None:
    stop = asyncio.Event()
    rounds: list[int] = []

    async def purge() -> int:
        rounds.append(len(rounds))
        if len(rounds) == 2:
            raise RuntimeError("database away")
        if len(rounds) == 4:
            stop.set()
        return 1

    await asyncio.wait_for(purge_periodically(purge, stop, timedelta(milliseconds=1)), 5)
    assert rounds == [0, 1, 2, 3]
