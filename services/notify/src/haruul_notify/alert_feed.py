"""In-process fan-out of alert changes to every open `WatchAlerts` stream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from haruul_notify.domain.lifecycle import Alert

# A watcher that stops reading loses its oldest changes rather than stalling notify.
_QUEUE_SIZE = 1000


class AlertFeed:
    def __init__(self) -> None:
        self._watchers: set[asyncio.Queue[tuple[Alert, str]]] = set()

    def publish(self, alert: Alert, action: str) -> None:
        for queue in self._watchers:
            if queue.full():
                queue.get_nowait()
            queue.put_nowait((alert, action))

    @asynccontextmanager
    async def watch(self) -> AsyncIterator[asyncio.Queue[tuple[Alert, str]]]:
        queue: asyncio.Queue[tuple[Alert, str]] = asyncio.Queue(_QUEUE_SIZE)
        self._watchers.add(queue)
        try:
            yield queue
        finally:
            self._watchers.discard(queue)
