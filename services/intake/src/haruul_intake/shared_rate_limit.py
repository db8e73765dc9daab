"""The integrations' token buckets shared by every worker process of one intake.

With HARUUL_INTAKE_WORKERS > 1 the kernel hands each connection to one worker, so buckets kept
in each worker would give an integration on one kept-alive connection a fraction of its limit
and one spreading its requests over many connections a multiple of it. Here each integration's
bucket is 16 bytes in a file of its own in the supervisor's directory (tokens, monotonic time of
the last update), mapped into every worker and updated under an exclusive `lockf` lock: the
same arithmetic as the in-memory limiter, a few microseconds and two system calls a request.
The buckets need not outlive the intake (nor do the in-memory ones): the supervisor removes
the directory when it stops.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import struct
import time
from collections.abc import Callable
from pathlib import Path

from haruul_intake.rate_limit import check_limits, take_token

_BUCKET = struct.Struct("=dd")  # tokens, updated_at (0.0: never used, so full)


class SharedRateLimiter:
    def __init__(
        self,
        directory: Path,
        rate_per_s: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,  # CLOCK_MONOTONIC: one clock for all
    ) -> None:
        check_limits(rate_per_s, burst)
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._directory = directory
        self._clock = clock
        self._buckets: dict[str, tuple[int, mmap.mmap]] = {}  # integration -> (fd, map)

    def admit(self, integration_id: str) -> float | None:
        """None if the report may go on (a token is taken); else seconds until one may."""
        fd, bucket = self._bucket(integration_id)
        fcntl.lockf(fd, fcntl.LOCK_EX)
        try:
            now = self._clock()
            tokens, updated_at = _BUCKET.unpack_from(bucket)
            if updated_at == 0.0:
                tokens, updated_at = float(self.burst), now
            tokens, wait_s = take_token(tokens, updated_at, now, self.rate_per_s, self.burst)
            _BUCKET.pack_into(bucket, 0, tokens, now)
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN)
        return wait_s

    def _bucket(self, integration_id: str) -> tuple[int, mmap.mmap]:
        found = self._buckets.get(integration_id)
        if found is None:
            # A file name from the id's hash: ids are free text in the keys file.
            name = hashlib.sha256(integration_id.encode()).hexdigest()[:32]
            fd = os.open(self._directory / f"bucket-{name}", os.O_RDWR | os.O_CREAT, 0o600)
            # Growing a new file to its size is harmless to repeat: ftruncate pads with zeros.
            if os.fstat(fd).st_size < _BUCKET.size:
                os.ftruncate(fd, _BUCKET.size)
            found = self._buckets[integration_id] = (fd, mmap.mmap(fd, _BUCKET.size))
        return found

    def close(self) -> None:
        for fd, bucket in self._buckets.values():
            bucket.close()
            os.close(fd)
        self._buckets.clear()
