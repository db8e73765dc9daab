"""The state stores' one database door behaves the same on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from haruul_common.state_db import StateDb
from tests.conftest import StateAt

SCHEMA = "CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, n INTEGER NOT NULL)"


def test_an_upsert_and_returning_work_on_both(state_at: StateAt) -> None:
    db = StateDb(state_at("state.db"), SCHEMA)
    db.execute("INSERT INTO items (id, n) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", ("a", 1))
    db.execute("INSERT INTO items (id, n) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", ("a", 2))
    rows = db.execute("UPDATE items SET n = n + 1 WHERE id = ? RETURNING n", ("a",)).fetchall()
    assert [tuple(row) for row in rows] == [(2,)]


def _insert_then_fail(db: StateDb) -> None:
    with db.exclusive("items"):
        db.execute("INSERT INTO items (id, n) VALUES (?, ?)", ("a", 1))
        raise RuntimeError("halfway")


def test_an_exclusive_block_is_all_or_nothing(state_at: StateAt) -> None:
    db = StateDb(state_at("state.db"), SCHEMA)
    with pytest.raises(RuntimeError):
        _insert_then_fail(db)
    assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
    with db.exclusive("items"):
        db.execute("INSERT INTO items (id, n) VALUES (?, ?)", ("a", 1))
    assert db.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 1


def test_a_column_added_in_a_later_release_reaches_an_old_table(state_at: StateAt) -> None:
    location = state_at("state.db")
    old = StateDb(location, SCHEMA)
    old.execute("INSERT INTO items (id, n) VALUES (?, ?)", ("a", 1))
    old.close()

    new = StateDb(location, SCHEMA)
    new.add_missing_columns("items", {"seq": "INTEGER NOT NULL DEFAULT 0"})
    new.add_missing_columns("items", {"seq": "INTEGER NOT NULL DEFAULT 0"})  # idempotent
    assert tuple(new.execute("SELECT id, n, seq FROM items").fetchone()) == ("a", 1, 0)


def test_instances_starting_together_create_the_schema_once(state_at: StateAt) -> None:
    location = state_at("state.db")
    schema = SCHEMA + ";CREATE INDEX IF NOT EXISTS items_by_n ON items (n)"

    def start() -> None:
        db = StateDb(location, schema)
        db.add_missing_columns("items", {"seq": "INTEGER NOT NULL DEFAULT 0"})
        db.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        for started in [pool.submit(start) for _ in range(6)]:
            started.result()  # none of them failed on another's half-made schema
