"""The delivery ledger: what was delivered to whom, keyed by idempotency key.

A redelivered risk event, a restart or a retry consults the ledger first, so the same
(alert, recipient, channel, step) is never sent twice from here; the gateway's own receipts
cover the window between a send and the ledger write. SQLite (WAL) by default.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from haruul_common.state_db import StateDb, StateLocation
from haruul_notify.domain.alerts import Delivery

_SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    idempotency_key TEXT PRIMARY KEY,
    alert_id TEXT NOT NULL,
    report_id TEXT NOT NULL,
    recipient_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    receipt_id TEXT,
    failure TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_by_recipient
    ON deliveries (recipient_id, channel, status, updated_at)
"""


class DeliveryLedger:
    def __init__(
        self, path: StateLocation, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        # Not synced at every commit (the slowest part of paging): after a power loss the
        # ledger may forget its last deliveries, and the retry is answered "duplicate" by the
        # gateway, whose receipts are synced — the record of what was really sent.
        self._db = StateDb(path, _SCHEMA, durable=False)
        self._clock = clock

    def is_delivered(self, idempotency_key: str) -> bool:
        return self.status(idempotency_key) == "delivered"

    def status(self, idempotency_key: str) -> str | None:
        """pending, delivered, failed, superseded (a fallback went out instead), or None."""
        row = self._db.execute(
            "SELECT status FROM deliveries WHERE idempotency_key = ?", (idempotency_key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def attempts(self, idempotency_key: str) -> int:
        row = self._db.execute(
            "SELECT attempts FROM deliveries WHERE idempotency_key = ?", (idempotency_key,)
        ).fetchone()
        return 0 if row is None else int(row[0])

    def record_delivered(self, delivery: Delivery, receipt_id: str) -> None:
        """An attempt that got through: counted and recorded in one write."""
        self._record_attempt(delivery, "delivered", receipt_id=receipt_id)

    def record_failed(self, delivery: Delivery, failure: str) -> None:
        """An attempt that did not get through: counted and recorded in one write."""
        self._record_attempt(delivery, "failed", failure=failure)

    def _record_attempt(
        self,
        delivery: Delivery,
        status: str,
        *,
        receipt_id: str | None = None,
        failure: str | None = None,
    ) -> None:
        # Written once the gateway has answered, not also before the call: a notify that dies
        # in between re-fires the step, and the gateway answers "duplicate" if it went out.
        self._db.execute(
            "INSERT INTO deliveries (idempotency_key, alert_id, report_id, recipient_id, channel,"
            " status, attempts, receipt_id, failure, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"
            " ON CONFLICT (idempotency_key) DO UPDATE SET attempts = deliveries.attempts + 1,"
            " status = excluded.status, receipt_id = excluded.receipt_id,"
            " failure = excluded.failure, updated_at = excluded.updated_at",
            (
                delivery.idempotency_key,
                delivery.alert_id,
                delivery.report_id,
                delivery.recipient_id,
                delivery.channel.value,
                status,
                receipt_id,
                failure,
                self._clock().isoformat(),
            ),
        )

    def record_superseded(self, idempotency_key: str, fallback_key: str) -> None:
        """Stop retrying a delivery: its fallback on the other channel got through."""
        self._db.execute(
            "UPDATE deliveries SET status = 'superseded', failure = ?, updated_at = ?"
            " WHERE idempotency_key = ?",
            (f"fell back to {fallback_key}", self._clock().isoformat(), idempotency_key),
        )

    def deliveries_for_alert(self, alert_id: str) -> list[tuple[str, str, str]]:
        """(recipient_id, channel, status) of every delivery of one alert."""
        rows = self._db.execute(
            "SELECT recipient_id, channel, status FROM deliveries WHERE alert_id = ?"
            " ORDER BY recipient_id, channel",
            (alert_id,),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def sms_delivered_to(self, recipient_id: str, since: datetime) -> list[datetime]:
        """When SMS were delivered to one recipient since `since` (for the rate limit)."""
        rows = self._db.execute(
            "SELECT updated_at FROM deliveries WHERE recipient_id = ? AND channel = 'sms'"
            " AND status = 'delivered' AND updated_at >= ?",
            (recipient_id, since.isoformat()),
        ).fetchall()
        return [datetime.fromisoformat(row[0]) for row in rows]

    def close(self) -> None:
        self._db.close()
