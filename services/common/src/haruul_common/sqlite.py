"""The one way the services open their SQLite state (outbox, idempotency keys, ledgers)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_state_db(path: Path, schema: str) -> sqlite3.Connection:
    """Autocommit, WAL, and a full sync on every commit: what is written survives a crash.

    `check_same_thread=False` because services open the file before their event loop starts;
    each connection is still used from one thread at a time.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.executescript(schema)
    return connection
