"""Signatures already used, so a captured signed request cannot be replayed.

A signature is remembered until its timestamp leaves the replay window; after that the
timestamp alone refuses it. The first request claims its signature before it is accepted, so
two copies sent at once cannot both pass; a request that is then refused (invalid body, broker
down, rate limit) releases it, so the client's retry of that very request is not mistaken for
a replay. State lives in intake's state database, so a restart opens no replay gap.
"""

from __future__ import annotations

from haruul_common.state_db import StateDb, StateLocation

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen_signatures (
    integration_id TEXT NOT NULL,
    signature TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (integration_id, signature)
);
CREATE INDEX IF NOT EXISTS seen_signatures_expiry ON seen_signatures (expires_at)
"""


class SeenSignatures:
    def __init__(self, path: StateLocation) -> None:
        self._db = StateDb(path, _SCHEMA)

    def claim(self, integration_id: str, signature: str, expires_at: int, now: int) -> bool:
        """True if the signature was not seen inside the window; it is now."""
        self._db.execute("DELETE FROM seen_signatures WHERE expires_at < ?", (now,))
        inserted = self._db.execute(
            "INSERT INTO seen_signatures (integration_id, signature, expires_at)"
            " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (integration_id, signature, expires_at),
        ).rowcount
        return inserted == 1

    def release(self, integration_id: str, signature: str) -> None:
        self._db.execute(
            "DELETE FROM seen_signatures WHERE integration_id = ? AND signature = ?",
            (integration_id, signature),
        )

    def close(self) -> None:
        self._db.close()
