"""Session-wide fixtures: the one real Kafka broker every integration test shares, and a
PostgreSQL cluster for the state that several instances share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from haruul_common.state_db import StateLocation
from tests.support.kafka import kafka_for_tests
from tests.support.postgres import RunningPostgres


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    with kafka_for_tests() as bootstrap:
        yield bootstrap


@pytest.fixture(scope="session")
def postgres() -> Iterator[RunningPostgres]:
    with RunningPostgres() as cluster:
        yield cluster


StateAt = Callable[[str], StateLocation]


@pytest.fixture(params=["sqlite", "postgres"])
def state_at(request: pytest.FixtureRequest, tmp_path: Path) -> StateAt:
    """Where a store named `name` keeps its state: a SQLite file, or a PostgreSQL database of
    its own — so each store test runs on both. The same name gives the same place (reopening)."""
    if request.param == "sqlite":
        return lambda name: tmp_path / name
    cluster: RunningPostgres = request.getfixturevalue("postgres")
    databases: dict[str, str] = {}
    return lambda name: databases.setdefault(name, cluster.new_database())
