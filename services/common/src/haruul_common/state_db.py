"""The one way the services open their state (idempotency keys, ledgers, alerts, cases).

A path opens SQLite — autocommit, WAL, and a full sync on every commit, so what is written
survives a crash; that serves one instance. A `postgresql://` URL opens PostgreSQL, which
several instances share. Callers write one dialect: `?` placeholders, `ON CONFLICT` upserts and
`RETURNING`, which both understand.

`exclusive()` is a transaction that one writer holds at a time, across every process sharing
the state: SQLite's `BEGIN IMMEDIATE`, or on PostgreSQL a transaction-scoped advisory lock
named by the caller — so a read-decide-write stays correct with several instances.

`GroupCommit` lets concurrent callers share one commit (one disk sync) instead of paying one
each; each caller is answered only once its own write is committed.
"""

from __future__ import annotations

import asyncio
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

import psycopg

POSTGRES_PREFIXES = ("postgresql://", "postgres://")

_SCHEMA_LOCK = "haruul-schema"

# Where a store keeps its state: a SQLite file, or a PostgreSQL URL.
StateLocation = str | Path

T = TypeVar("T")


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
            self._sqlite.execute("COMMIT")
        except BaseException:
            if self._sqlite.in_transaction:  # also when the COMMIT itself failed
                self._sqlite.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
        if self._sqlite is not None:
            self._sqlite.close()


# One write of a group: its statements, run on the group's connection; its result.
GroupWrite = Callable[[StateDb], T]


class GroupCommit:
    """Writes of concurrent callers committed together: what is waiting when a commit starts
    goes into the next one, so N callers share one transaction and one disk sync.

    A caller is answered once its write is committed (synced, for a durable SQLite state) —
    never before. The writes run in a thread of their own on a connection of their own, so the
    event loop keeps serving while a commit syncs; what a caller was answered for is visible to
    every connection. When a write fails (or the commit), the group is rolled back and each of
    its writes is tried alone, so a failure reaches only the caller whose write it is.

    A write takes the group's connection and must touch nothing else: it runs in the thread.
    """

    def __init__(self, location: StateLocation, lock_name: str, *, durable: bool = True) -> None:
        self._db = StateDb(location, "", durable=durable)
        self._lock_name = lock_name
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="group-commit")
        self._waiting: list[tuple[GroupWrite[Any], asyncio.Future[Any]]] = []
        self._draining: asyncio.Task[None] | None = None
        self.commits = 0  # transactions committed: fewer than writes when callers overlap

    async def write(self, work: GroupWrite[T]) -> T:
        waiter: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._waiting.append((work, waiter))
        if self._draining is None:
            self._draining = asyncio.create_task(self._drain())
        return await waiter

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._waiting:
                group, self._waiting = self._waiting, []
                works = [work for work, _ in group]
                try:
                    outcomes = await loop.run_in_executor(self._thread, self._commit, works)
                except RuntimeError as error:  # closed: nothing of this group was written
                    outcomes = [(False, error)] * len(group)
                except asyncio.CancelledError:  # the loop is going away: so are the callers
                    for _, waiter in group + self._waiting:
                        waiter.cancel()
                    raise
                _settle(group, outcomes)
        finally:
            self._draining = None

    def _commit(self, works: list[GroupWrite[Any]]) -> list[tuple[bool, Any]]:
        try:
            with self._db.exclusive(self._lock_name):
                results = [work(self._db) for work in works]
        except Exception as error:
            if len(works) == 1:
                return [(False, error)]
            return [self._commit(works[i : i + 1])[0] for i in range(len(works))]
        self.commits += 1
        return [(True, result) for result in results]

    def close(self) -> None:
        """Waits for the commit under way; a write not yet started fails (RuntimeError)."""
        self._thread.shutdown(wait=True)
        self._db.close()


def _settle(
    group: list[tuple[GroupWrite[Any], asyncio.Future[Any]]], outcomes: list[tuple[bool, Any]]
) -> None:
    for (_, waiter), (ok, value) in zip(group, outcomes, strict=True):
        if waiter.done():  # its caller gave up waiting (cancelled); the write stands
            continue
        if ok:
            waiter.set_result(value)
        else:
            waiter.set_exception(value)
