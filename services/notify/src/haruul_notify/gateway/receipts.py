"""The gateway's memory of what it delivered: idempotency key -> receipt, in SQLite (WAL).

It makes `Deliver` idempotent even when notify crashed after a send but before writing its own
ledger: the retry finds the receipt here and nothing is sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from haruul_common.sqlite import open_state_db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS receipts (
    idempotency_key TEXT PRIMARY KEY,
    receipt_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    channel_message_id TEXT NOT NULL,
    accepted_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class StoredReceipt:
    idempotency_key: str
    receipt_id: str
    channel: str
    channel_message_id: str
    accepted_at: datetime


class ReceiptStore:
    def __init__(self, path: Path) -> None:
        self._db = open_state_db(path, _SCHEMA)

    def get(self, idempotency_key: str) -> StoredReceipt | None:
        row = self._db.execute(
            "SELECT receipt_id, channel, channel_message_id, accepted_at FROM receipts"
            " WHERE idempotency_key = ?",
            (idempotency_key,),
        ).fetchone()
        if row is None:
            return None
        return StoredReceipt(
            idempotency_key, row[0], row[1], row[2], datetime.fromisoformat(row[3])
        )

    def put(self, receipt: StoredReceipt) -> None:
        self._db.execute(
            "INSERT INTO receipts VALUES (?, ?, ?, ?, ?)",
            (
                receipt.idempotency_key,
                receipt.receipt_id,
                receipt.channel,
                receipt.channel_message_id,
                receipt.accepted_at.isoformat(),
            ),
        )

    def close(self) -> None:
        self._db.close()
