"""A small HTTP/1.1 load generator: keep-alive connections, pre-built requests, asyncio.

    python -m tools.bench.loadgen closed --port P --concurrency C --seconds S --bodies F [...]
    python -m tools.bench.loadgen rate   --port P --rate R --seconds S --bodies F --ids OUT [...]
    python -m tools.bench.loadgen burst  --port P --count N --concurrency C --bodies F --ids OUT

Run in its own process, so that the client's work is not counted against the server's loop.
`closed`: C connections, each sends its next request when the last one was answered (throughput
at fixed concurrency). `rate`: an open loop, request i is due at start + i/R; its latency counts
from when it was due, so a stalled server is not hidden. `burst`: N requests as fast as C
connections allow. `rate` and `burst` write one JSON line per 202 (report_id, wall-clock time of
the answer) to --ids. Every mode is bounded in count and time, and prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"


@dataclass
class Tally:
    latencies_s: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    accepted: list[tuple[str, float]] = field(default_factory=list)


def build_requests(
    port: int, path: str, bodies: Sequence[bytes], headers: Sequence[str]
) -> list[bytes]:
    extra = "".join(f"{h}\r\n" for h in headers)
    return [
        (
            f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/json\r\n"
            f"{extra}Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body
        for body in bodies
    ]


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        body = await self.reader.readexactly(length) if length else b""
        return status, body

    def close(self) -> None:
        self.writer.close()


def _record(tally: Tally, status: int, body: bytes, began: float, keep_ids: bool) -> None:
    tally.latencies_s.append(time.perf_counter() - began)
    tally.statuses[status] = tally.statuses.get(status, 0) + 1
    if keep_ids and status == 202:
        tally.accepted.append((str(json.loads(body)["report_id"]), time.time()))


async def _worker(
    port: int,
    requests: Sequence[bytes],
    jobs: asyncio.Queue[tuple[int, float] | None],
    tally: Tally,
    keep_ids: bool,
) -> None:
    connection = await Connection.open(port)
    try:
        while True:
            job = await jobs.get()
            if job is None:
                return
            index, due = job
            try:
                status, body = await connection.send(requests[index % len(requests)])
            except (OSError, asyncio.IncompleteReadError, ValueError):
                tally.errors += 1
                connection.close()
                connection = await Connection.open(port)
                continue
            _record(tally, status, body, due, keep_ids)
    finally:
        connection.close()


async def closed_loop(port: int, requests: Sequence[bytes], concurrency: int, seconds: float,
                      max_requests: int) -> tuple[Tally, float]:  # fmt: skip
    tally = Tally()
    stop_at = time.perf_counter() + seconds
    sent = 0

    async def one() -> None:
        nonlocal sent
        connection = await Connection.open(port)
        try:
            while time.perf_counter() < stop_at and sent < max_requests:
                index = sent
                sent += 1
                began = time.perf_counter()
                try:
                    status, body = await connection.send(requests[index % len(requests)])
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    tally.errors += 1
                    connection.close()
                    connection = await Connection.open(port)
                    continue
                _record(tally, status, body, began, False)
        finally:
            connection.close()

    began = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(concurrency)))
    return tally, time.perf_counter() - began


async def feed(port: int, requests: Sequence[bytes], concurrency: int, count: int,
               rate: float | None, deadline_s: float) -> tuple[Tally, float]:  # fmt: skip
    """`count` requests through `concurrency` connections: paced at `rate`, or all at once."""
    tally = Tally()
    jobs: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()
    workers = [
        asyncio.create_task(_worker(port, requests, jobs, tally, keep_ids=True))
        for _ in range(concurrency)
    ]
    began = time.perf_counter()
    for index in range(count):
        due = began + index / rate if rate else time.perf_counter()
        pause = due - time.perf_counter()
        if pause > 0:
            await asyncio.sleep(pause)
        jobs.put_nowait((index, due))
    for _ in workers:
        jobs.put_nowait(None)
    try:
        await asyncio.wait_for(asyncio.gather(*workers), timeout=deadline_s)
    except TimeoutError:
        for worker in workers:
            worker.cancel()
    return tally, time.perf_counter() - began


def percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(tally: Tally, elapsed_s: float) -> dict[str, Any]:
    ok = sum(n for status, n in tally.statuses.items() if 200 <= status < 300)
    return {
        "requests": len(tally.latencies_s),
        "ok": ok,
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "errors": tally.errors,
        "elapsed_s": round(elapsed_s, 3),
        "ok_per_s": round(ok / elapsed_s, 1) if elapsed_s > 0 else 0.0,
        "p50_ms": round(percentile(tally.latencies_s, 0.50) * 1000, 2),
        "p99_ms": round(percentile(tally.latencies_s, 0.99) * 1000, 2),
        "max_ms": round(max(tally.latencies_s, default=0.0) * 1000, 2),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.loadgen")
    parser.add_argument("mode", choices=("closed", "rate", "burst"))
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/v1/reports")
    parser.add_argument("--bodies", type=Path, required=True, help="one JSON body per line")
    parser.add_argument("--header", action="append", default=[], help="'Name: value'")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--deadline-s", type=float, default=120.0)
    parser.add_argument("--ids", type=Path)
    args = parser.parse_args(argv)
    bodies = [line for line in args.bodies.read_bytes().splitlines() if line.strip()]
    requests = build_requests(args.port, args.path, bodies, args.header)
    began_at = time.time()
    if args.mode == "closed":
        tally, elapsed = asyncio.run(
            closed_loop(args.port, requests, args.concurrency, args.seconds, args.max_requests)
        )
    else:
        count = int(args.rate * args.seconds) if args.mode == "rate" else args.count
        rate = args.rate if args.mode == "rate" else None
        tally, elapsed = asyncio.run(
            feed(args.port, requests, args.concurrency, count, rate, args.deadline_s)
        )
    if args.ids is not None:
        with args.ids.open("w", encoding="utf-8") as out:
            for report_id, at in tally.accepted:
                out.write(json.dumps({"report_id": report_id, "at": at}) + "\n")
    print(json.dumps({**summary(tally, elapsed), "began_at": began_at}), flush=True)


if __name__ == "__main__":
    main()
