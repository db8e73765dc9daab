"""The retention purge, run by each service that keeps personal data: once at start, then
every `every` until stopped. A failing purge is logged and tried again next time."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import timedelta

from haruul_common.logs import get_logger

log = get_logger("haruul_common.retention")

DEFAULT_PURGE_INTERVAL = timedelta(hours=1)


async def purge_periodically(
    purge: Callable[[], Awaitable[int]],
    stop: asyncio.Event,
    every: timedelta = DEFAULT_PURGE_INTERVAL,
) -> None:
    """`purge` runs where its store's connection lives (the caller's thread or executor)."""
    while not stop.is_set():
        try:
            purged = await purge()
            if purged:
                log.info("retention_purge", purged=purged)
        except Exception as error:  # the next round tries again
            log.error("retention_purge_failed", error=type(error).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every.total_seconds())
