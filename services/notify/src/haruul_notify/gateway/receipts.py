"""The gateway's memory of what it delivered: idempotency key -> receipt, in SQLite (WAL).

It makes `Deliver` idempotent even when notify crashed after a send but before writing its own
ledger: the retry finds the receipt here and nothing is sent again.

The notes and receipts of concurrent calls are synced together (group commit): each call still
waits for its own to be on disk, but they share one sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from haruul_common.state_db import GroupCommit, StateDb, StateLocation

_SCHEMA = """
CREATE TABLE IF NOT EXISTS receipts (
    idempotency_key TEXT PRIMARY KEY,
    receipt_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    channel_message_id TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    delivery_status TEXT
);
CREATE INDEX IF NOT EXISTS receipts_by_channel_id ON receipts (channel_message_id);
CREATE TABLE IF NOT EXISTS sending (
    idempotency_key TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    started_at TEXT NOT NULL
);
"""

# The channel_message_id of a delivery that was handed to its channel by a gateway that died
# before it heard back: it may or may not have gone out.
OUTCOME_UNKNOWN = "unknown"


_RECORD_FINAL = "UPDATE receipts SET delivery_status = ? WHERE channel_message_id = ?"
_RECORD_PROGRESS = (
    _RECORD_FINAL
    + " AND (delivery_status IS NULL OR delivery_status NOT IN ('delivered', 'failed', 'rejected'))"
)


@dataclass(frozen=True)
class StoredReceipt:
    idempotency_key: str
    receipt_id: str
    channel: str
    channel_message_id: str
    accepted_at: datetime


def _receipt(db: StateDb, idempotency_key: str) -> StoredReceipt | None:
    row = db.execute(
        "SELECT receipt_id, channel, channel_message_id, accepted_at FROM receipts"
        " WHERE idempotency_key = ?",
        (idempotency_key,),
    ).fetchone()
    if row is None:
        return None
    return StoredReceipt(idempotency_key, row[0], row[1], row[2], datetime.fromisoformat(row[3]))


class ReceiptStore:
    def __init__(self, path: StateLocation) -> None:
        self._db = StateDb(path, _SCHEMA)
        self._writes = GroupCommit(path, "gateway-receipts")

    def get(self, idempotency_key: str) -> StoredReceipt | None:
        return _receipt(self._db, idempotency_key)

    async def begin_send(
        self, idempotency_key: str, channel: str, at: datetime
    ) -> tuple[StoredReceipt | None, bool]:
        """Before handing a message to its channel: its receipt when the key was delivered
        before — (receipt, False), nothing noted; otherwise a note that it is on its way,
        synced when this returns — (None, True); or (None, False) when a note is there
        already: an earlier gateway died in the middle of this very send."""
        row = (idempotency_key, channel, at.isoformat())

        def look_then_note(db: StateDb) -> tuple[StoredReceipt | None, bool]:
            stored = _receipt(db, idempotency_key)
            if stored is not None:
                return stored, False
            noted = db.execute(
                "INSERT INTO sending (idempotency_key, channel, started_at) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                row,
            ).rowcount
            return None, noted == 1

        return await self._writes.write(look_then_note)

    async def end_send(self, idempotency_key: str) -> None:
        """The channel answered (sent, refused or unreachable): the note is done with."""
        await self._writes.write(
            lambda db: db.execute(
                "DELETE FROM sending WHERE idempotency_key = ?", (idempotency_key,)
            )
        )

    async def put(self, receipt: StoredReceipt) -> None:
        """Store the receipt of a send and drop its note, in one commit (synced when this
        returns)."""
        row = (
            receipt.idempotency_key,
            receipt.receipt_id,
            receipt.channel,
            receipt.channel_message_id,
            receipt.accepted_at.isoformat(),
        )

        def store(db: StateDb) -> None:
            db.execute("DELETE FROM sending WHERE idempotency_key = ?", (row[0],))
            db.execute(
                "INSERT INTO receipts (idempotency_key, receipt_id, channel, channel_message_id,"
                " accepted_at) VALUES (?, ?, ?, ?, ?)",
                row,
            )

        await self._writes.write(store)

    def record_report(self, channel_message_id: str, status: str, final: bool) -> bool:
        """A delivery report from the channel; a final status is never replaced by a later,
        non-final one (reports can arrive out of order). True when a receipt was updated."""
        query = _RECORD_FINAL if final else _RECORD_PROGRESS
        updated = self._db.execute(query, (status, channel_message_id)).rowcount
        return bool(updated)

    def delivery_status(self, idempotency_key: str) -> str | None:
        row = self._db.execute(
            "SELECT delivery_status FROM receipts WHERE idempotency_key = ?", (idempotency_key,)
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def close(self) -> None:
        self._writes.close()
        self._db.close()
