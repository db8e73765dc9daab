"""Serve an ASGI app with uvicorn inside a running event loop (notify's HTTP face, tests)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import uvicorn


@dataclass
class RunningAsgiServer:
    server: uvicorn.Server
    task: asyncio.Task[None]
    port: int

    async def stop(self) -> None:
        self.server.should_exit = True
        await self.task


async def start_asgi_server(app: Any, host: str, port: int) -> RunningAsgiServer:
    """Start serving and return once the socket is bound; port 0 picks a free one."""
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()  # raises what stopped it (e.g. the port is taken)
            raise RuntimeError("uvicorn stopped before it started")
        await asyncio.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return RunningAsgiServer(server, task, int(bound))
