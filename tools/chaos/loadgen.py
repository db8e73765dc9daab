"""Steady report load for the chaos run: an open loop that never mistakes a refusal for a 202.

Report i is due at start + i/rate, whatever happened to the ones before it. Each report carries
its own `Idempotency-Key` and is retried with that key until intake answers `202`:

- `202` (first answer or `Idempotent-Replayed`): acknowledged; the report id is kept;
- `503` / `429`: not accepted; retried after the `Retry-After` seconds;
- `409 idempotency_key_in_progress`: intake holds the key for an unfinished attempt; retried
  after its `Retry-After`;
- a connection error or timeout (intake killed mid-request): the outcome is unknown, so the
  report is retried with the same key — intake either replays the first id or accepts it now.

Only a `202` counts as acknowledged. When the load stops, reports still without one get a grace
period to be retried; those left are `unanswered` (never acknowledged, so never promised).
The loop runs on its own event loop in a thread, so the harness can kill and wait meanwhile.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx

REQUEST_TIMEOUT_S = 20.0
RETRY_AFTER_ERROR_S = 1.0
MAX_IN_FLIGHT = 128


@dataclass
class Submission:
    index: int
    body: bytes
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)
    report_id: str | None = None
    acknowledged_at: float | None = None  # wall clock of the 202
    attempts: int = 0
    replayed: bool = False
    answers: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class LoadSnapshot:
    due: int
    acknowledged: int
    answers: dict[str, int]
    waiting: int


def _retry_after(response: httpx.Response, default: float) -> float:
    try:
        return max(0.1, float(response.headers.get("retry-after", default)))
    except ValueError:
        return default


class ReportLoad:
    """`rate` reports a second to intake at `base_url`, from `start()` until `stop()`."""

    def __init__(
        self, base_url: str, api_key: str, bodies: Sequence[dict[str, str]], rate: float
    ) -> None:
        self._base_url = base_url
        self._headers = {"Authorization": f"Bearer {api_key}"}
        self._bodies = [json.dumps(body).encode() for body in bodies]
        self._rate = rate
        self.submissions: list[Submission] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_offering: asyncio.Event | None = None
        self._give_up_at: float | None = None
        self._error: BaseException | None = None

    # --- control, from the harness's thread ---------------------------------------------------

    def start(self) -> None:
        started = threading.Event()

        def run() -> None:
            try:
                asyncio.run(self._main(started))
            except BaseException as error:  # reported by stop(); the thread must not die silently
                self._error = error
                started.set()

        self._thread = threading.Thread(target=run, name="chaos-load", daemon=True)
        self._thread.start()
        started.wait(10)

    def stop(self, grace_s: float) -> None:
        """Offer no new reports; retry the unanswered ones for up to `grace_s`, then give up."""
        loop, stopping = self._loop, self._stop_offering
        if loop is not None and stopping is not None:
            self._give_up_at = time.monotonic() + grace_s
            loop.call_soon_threadsafe(stopping.set)
        if self._thread is not None:
            self._thread.join(grace_s + REQUEST_TIMEOUT_S + 10)
        if self._error is not None:
            raise RuntimeError(f"the load generator failed: {self._error!r}") from self._error

    def snapshot(self) -> LoadSnapshot:
        with self._lock:
            answers: Counter[str] = Counter()
            for submission in self.submissions:
                answers.update(submission.answers)
            acknowledged = sum(1 for s in self.submissions if s.report_id is not None)
            return LoadSnapshot(
                due=len(self.submissions),
                acknowledged=acknowledged,
                answers=dict(answers),
                waiting=len(self.submissions) - acknowledged,
            )

    # --- the loop -----------------------------------------------------------------------------

    async def _main(self, started: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_offering = asyncio.Event()
        started.set()
        limits = httpx.Limits(max_connections=MAX_IN_FLIGHT, max_keepalive_connections=32)
        async with httpx.AsyncClient(
            base_url=self._base_url,
            headers=self._headers,
            timeout=REQUEST_TIMEOUT_S,
            limits=limits,
        ) as client:
            tasks: list[asyncio.Task[None]] = []
            began = time.monotonic()
            for index in itertools.count():
                due = began + index / self._rate
                try:
                    await asyncio.wait_for(
                        self._stop_offering.wait(), timeout=max(0.0, due - time.monotonic())
                    )
                    break
                except TimeoutError:
                    pass
                submission = Submission(index, self._bodies[index % len(self._bodies)])
                with self._lock:
                    self.submissions.append(submission)
                tasks.append(asyncio.create_task(self._submit(client, submission)))
            remaining = max(0.0, (self._give_up_at or time.monotonic()) - time.monotonic())
            _, pending = await asyncio.wait(tasks, timeout=remaining) if tasks else (set(), set())
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    def _giving_up(self) -> bool:
        return self._give_up_at is not None and time.monotonic() >= self._give_up_at

    async def _submit(self, client: httpx.AsyncClient, submission: Submission) -> None:
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": submission.idempotency_key,
        }
        while not self._giving_up():
            submission.attempts += 1
            try:
                response = await client.post(
                    "/v1/reports", content=submission.body, headers=headers
                )
            except httpx.HTTPError as error:
                with self._lock:
                    submission.answers[f"error:{type(error).__name__}"] += 1
                await asyncio.sleep(RETRY_AFTER_ERROR_S)
                continue
            status = response.status_code
            if status == 202:
                report_id = str(response.json()["report_id"])
                with self._lock:
                    submission.answers["202"] += 1
                    submission.report_id = report_id
                    submission.acknowledged_at = time.time()
                    submission.replayed = response.headers.get("idempotent-replayed") == "true"
                return
            code = _error_code(response)
            with self._lock:
                submission.answers[f"{status}:{code}" if code else str(status)] += 1
            if status in (429, 503) or code == "idempotency_key_in_progress":
                await asyncio.sleep(_retry_after(response, 1.0))
                continue
            return  # any other refusal is final: the harness reports it as rejected


def _error_code(response: httpx.Response) -> str:
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return ""
