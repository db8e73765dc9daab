"""The one way the services open their state (idempotency keys, ledgers, alerts, cases).

A path opens SQLite — autocommit, WAL, and a full sync on every commit, so what is written
survives a crash; that serves one instance. A `postgresql://` URL opens PostgreSQL, which
several instances share. Callers write one dialect: `?` placeholders and `ON CONFLICT` upserts,
which both understand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import psycopg

POSTGRES_PREFIXES = ("postgresql://", "postgres://")


class Rows(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class StateDb:
    def __init__(self, location: str | Path, schema: str) -> None:
        text = str(location)
        self.is_postgres = text.startswith(POSTGRES_PREFIXES)
        if self.is_postgres:
            self._pg: psycopg.Connection[Any] | None = psycopg.connect(text, autocommit=True)
            self._sqlite: sqlite3.Connection | None = None
            for statement in schema.split(";"):
                if statement.strip():
                    self._pg.execute(statement)
        else:
            Path(text).parent.mkdir(parents=True, exist_ok=True)
            # check_same_thread=False: services open the file before their event loop starts;
            # each connection is still used from one thread at a time.
            self._sqlite = sqlite3.connect(text, isolation_level=None, check_same_thread=False)
            self._pg = None
            self._sqlite.execute("PRAGMA journal_mode=WAL")
            self._sqlite.execute("PRAGMA synchronous=FULL")
            self._sqlite.executescript(schema)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        if self._pg is not None:
            return self._pg.execute(sql.replace("?", "%s"), params)
        assert self._sqlite is not None
        return self._sqlite.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        if self._pg is not None:
            with self._pg.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), list(rows))
            return
        assert self._sqlite is not None
        self._sqlite.executemany(sql, rows)

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
        if self._sqlite is not None:
            self._sqlite.close()
