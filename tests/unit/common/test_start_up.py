"""The collector's settings a service takes at the end of its start-up."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from haruul_common.start_up import YOUNG_COLLECTION_THRESHOLD, collect_young_objects_less_often


@pytest.fixture
def thresholds_restored() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


@pytest.mark.usefixtures("thresholds_restored")
def test_young_objects_wait_for_a_poll_sized_threshold_older_ones_as_before() -> None:
    gc.set_threshold(700, 11, 12)
    collect_young_objects_less_often()
    assert gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD, 11, 12)
