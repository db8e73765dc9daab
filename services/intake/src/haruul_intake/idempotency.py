"""Idempotency keys: a retried submission returns the first report id and publishes nothing.

A key is scoped to its integration. The first request claims the key before publishing; a
retry that arrives while the first is still publishing is told to retry later, a retry with a
different body is a conflict, and a publish that failed releases the claim so the client's
retry can succeed. State lives in SQLite (WAL) or PostgreSQL so it survives restarts.

An intake killed between claiming and publishing leaves a claim nobody will finish; once it
is older than `stale_after` (longer than any publish may take) a retry takes it over and
publishes under the report id first given — never a second report id for one key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from haruul_common.state_db import StateDb, StateLocation


class ClaimOutcome(StrEnum):
    NEW = "new"
    REPLAY = "replay"
    IN_PROGRESS = "in_progress"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Claim:
    outcome: ClaimOutcome
    report_id: str


_SCHEMA = """
CREATE TABLE IF NOT EXISTS idempotency_keys (
    integration_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_digest TEXT NOT NULL,
    report_id TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (integration_id, idempotency_key)
)
"""


DEFAULT_STALE_AFTER = timedelta(seconds=60)


class IdempotencyStore:
    def __init__(
        self,
        path: StateLocation,
        stale_after: timedelta = DEFAULT_STALE_AFTER,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = StateDb(path, _SCHEMA)
        self._db.add_missing_columns("idempotency_keys", {"claimed_at": "TEXT"})
        self._stale_after = stale_after
        self._clock = clock

    def claim(self, integration_id: str, key: str, request_digest: str, report_id: str) -> Claim:
        now = self._clock()
        inserted = self._db.execute(
            "INSERT INTO idempotency_keys (integration_id, idempotency_key, request_digest,"
            " report_id, claimed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (integration_id, key, request_digest, report_id, now.isoformat()),
        ).rowcount
        if inserted:
            return Claim(ClaimOutcome.NEW, report_id)
        stored_digest, stored_report_id, published = self._db.execute(
            "SELECT request_digest, report_id, published FROM idempotency_keys"
            " WHERE integration_id = ? AND idempotency_key = ?",
            (integration_id, key),
        ).fetchone()
        if stored_digest != request_digest:
            return Claim(ClaimOutcome.CONFLICT, stored_report_id)
        if not published:
            taken_over = self._db.execute(
                "UPDATE idempotency_keys SET claimed_at = ? WHERE integration_id = ?"
                " AND idempotency_key = ? AND published = 0"
                " AND (claimed_at IS NULL OR claimed_at < ?)",
                (now.isoformat(), integration_id, key, (now - self._stale_after).isoformat()),
            ).rowcount
            outcome = ClaimOutcome.NEW if taken_over == 1 else ClaimOutcome.IN_PROGRESS
            return Claim(outcome, stored_report_id)
        return Claim(ClaimOutcome.REPLAY, stored_report_id)

    def mark_published(self, integration_id: str, key: str) -> None:
        self._db.execute(
            "UPDATE idempotency_keys SET published = 1"
            " WHERE integration_id = ? AND idempotency_key = ?",
            (integration_id, key),
        )

    def release(self, integration_id: str, key: str) -> None:
        self._db.execute(
            "DELETE FROM idempotency_keys"
            " WHERE integration_id = ? AND idempotency_key = ? AND published = 0",
            (integration_id, key),
        )

    def close(self) -> None:
        self._db.close()
