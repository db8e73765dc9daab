"""The one way the services open their state (idempotency keys, ledgers, alerts, cases).

A path opens SQLite — autocommit, WAL, and a full sync on every commit, so what is written
survives a crash; that serves one instance. A `postgresql://` URL opens PostgreSQL, which
several instances share. Callers write one dialect: `?` placeholders, `ON CONFLICT` upserts and
`RETURNING`, which both understand.

`exclusive()` is a transaction that one writer holds at a time, across every process sharing
the state: SQLite's `BEGIN IMMEDIATE`, or on PostgreSQL a transaction-scoped advisory lock
named by the caller — so a read-decide-write stays correct with several instances.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import psycopg

POSTGRES_PREFIXES = ("postgresql://", "postgres://")

_SCHEMA_LOCK = "haruul-schema"

# Where a store keeps its state: a SQLite file, or a PostgreSQL URL.
StateLocation = str | Path


class Rows(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class StateDb:
    def __init__(self, location: StateLocation, schema: str, *, durable: bool = True) -> None:
        """`durable=False` lets SQLite sync at checkpoints instead of at every commit (WAL
        `synchronous=NORMAL`): still safe when the process is killed, but a power loss may
        forget the last commits — only for state that another durable record backs up."""
        text = str(location)
        self.is_postgres = text.startswith(POSTGRES_PREFIXES)
        if self.is_postgres:
            self._pg: psycopg.Connection[Any] | None = psycopg.connect(text, autocommit=True)
            self._sqlite: sqlite3.Connection | None = None
            # Instances starting together would race on CREATE … IF NOT EXISTS (it is not
            # atomic in PostgreSQL): one creates the schema at a time.
            with self.exclusive(_SCHEMA_LOCK):
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
            self._sqlite.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
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

    def add_missing_columns(self, table: str, columns: dict[str, str]) -> None:
        """Columns added after a table's first release (`CREATE TABLE IF NOT EXISTS` keeps an
        old table as it was): name -> declaration, added where missing."""
        with self.exclusive(_SCHEMA_LOCK):  # instances starting together add a column once
            if self._pg is not None:
                rows = self._pg.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                    (table,),
                ).fetchall()
                present = {str(row[0]) for row in rows}
            else:
                assert self._sqlite is not None
                pragma = self._sqlite.execute(f"PRAGMA table_info({table})")
                present = {str(row[1]) for row in pragma}
            for name, declaration in columns.items():
                if name not in present:
                    self.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")

    @contextmanager
    def exclusive(self, lock_name: str) -> Iterator[None]:
        """All or nothing, and no other writer of `lock_name` in between."""
        if self._pg is not None:
            with self._pg.transaction():
                self._pg.execute(
                    "SELECT pg_advisory_xact_lock(%s)", (zlib.crc32(lock_name.encode()),)
                )
                yield
            return
        assert self._sqlite is not None
        self._sqlite.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._sqlite.execute("ROLLBACK")
            raise
        self._sqlite.execute("COMMIT")

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
        if self._sqlite is not None:
            self._sqlite.close()
