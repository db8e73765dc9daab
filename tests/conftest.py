"""Session-wide fixtures: the one real Kafka broker every integration test shares."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.kafka import kafka_for_tests


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    with kafka_for_tests() as bootstrap:
        yield bootstrap
