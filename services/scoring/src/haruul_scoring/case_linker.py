"""The case index as the event loop sees it: the links that a poll's reports ask for, written
together in one transaction on a thread of its own.

A durable commit waits for the disk (about a millisecond and a half here, and CPU for the
sync), which one commit per report made the cost of scoring. The reports of one poll are
handled side by side (`haruul_common.kafka.handle_batch`): each asks for its link as soon as
it is scored, and the links asked for until the loop next turns are committed together. Each
caller is answered only after that commit, so a risk event never names a case that is not on
disk. The links go in the order they were asked for, which is the order of the poll's records.
When the transaction fails, every caller in it gets the error: nothing of it was written, and
the batch is read again.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from haruul_scoring.case_store import CaseStore, CaseView, LinkRequest


class CaseLinker:
    def __init__(self, cases: CaseStore) -> None:
        self._cases = cases
        # One thread: the case index's connection is used by one thread at a time, in order.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="case-index")
        self._waiting: list[tuple[LinkRequest, asyncio.Future[CaseView]]] = []
        self.commits = 0  # transactions written; fewer than reports when a poll has several

    async def link(self, request: LinkRequest) -> CaseView:
        """The report's case once the link is committed."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[CaseView] = loop.create_future()
        if not self._waiting:
            # Runs once the reports now ready to run (the rest of the poll) have asked too.
            loop.call_soon(self._write_waiting, loop)
        self._waiting.append((request, answer))
        return await answer

    def _write_waiting(self, loop: asyncio.AbstractEventLoop) -> None:
        group, self._waiting = self._waiting, []
        written = loop.run_in_executor(
            self._thread, self._cases.link_all, [request for request, _ in group]
        )

        def answer(done: asyncio.Future[list[CaseView]]) -> None:
            error = None if done.cancelled() else done.exception()
            if error is None and not done.cancelled():
                self.commits += 1
            for index, (_, caller) in enumerate(group):
                if caller.done():  # its handler was cancelled meanwhile
                    continue
                if done.cancelled():
                    caller.cancel()
                elif error is not None:
                    caller.set_exception(error)
                else:
                    caller.set_result(done.result()[index])

        written.add_done_callback(answer)

    async def purge_before(self, cutoff: datetime) -> int:
        """The retention purge, on the thread that owns the connection."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, self._cases.purge_before, cutoff)

    def close(self) -> None:
        """Wait for the last write; call before closing the case index."""
        self._thread.shutdown(wait=True)
