"""The case index on disk: joins, merges, idempotent redelivery, survival across restarts,
batches linked all or nothing."""

from __future__ import annotations

import itertools
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.case_store import CaseStore, LinkRequest
from tests.conftest import StateAt

T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)


def test_reports_sharing_a_contact_are_one_case_and_its_level_rises(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    first = store.link("r1", {"h-telegram"}, "medium", "family-a")
    second = store.link("r2", {"h-telegram", "h-phone"}, "medium", "family-b")
    third = store.link("r3", {"h-phone"}, "medium", "family-c")

    assert first.case_id == second.case_id == third.case_id
    assert [first.report_count, second.report_count, third.report_count] == [1, 2, 3]
    assert [first.level, second.level, third.level] == ["medium", "high", "high"]
    assert third.independent_sources == 3


def test_one_reporter_calling_twice_is_not_corroboration(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    store.link("r1", {"h"}, "medium", "family-a")
    again = store.link("r2", {"h"}, "medium", "family-a")
    assert again.report_count == 2
    assert again.level == "medium"


def test_a_redelivered_report_counts_once(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    store.link("r1", {"h"}, "high", "a")
    store.link("r2", {"h"}, "high", "b")
    redelivered = store.link("r2", {"h"}, "high", "b")
    assert redelivered.report_count == 2


def test_a_report_linking_two_cases_merges_them_into_the_older(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    older = store.link("r1", {"h-a"}, "high", "a")
    newer = store.link("r2", {"h-b"}, "medium", "b")
    assert older.case_id != newer.case_id

    bridge = store.link("r3", {"h-a", "h-b"}, "medium", "c")

    assert bridge.case_id == older.case_id
    assert bridge.merged_case_ids == (newer.case_id,)
    assert bridge.report_count == 3
    assert store.link("r4", {"h-b"}, "low", "d").case_id == older.case_id


def test_a_report_without_contacts_is_a_case_of_its_own(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    alone = store.link("r1", set(), "critical", "a")
    other = store.link("r2", set(), "critical", "b")
    assert alone.case_id != other.case_id
    assert alone.report_count == other.report_count == 1


def test_the_index_survives_a_restart(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    case_id = store.link("r1", {"h"}, "medium", "a").case_id
    store.close()

    reopened = CaseStore(state_at("cases.db"))
    later = reopened.link("r2", {"h"}, "medium", "b")
    assert later.case_id == case_id
    assert later.report_count == 2


def test_reports_and_contacts_older_than_the_retention_are_forgotten(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    day = timedelta(days=1)
    old = store.link("r-old", {"h-old", "h-kept"}, "high", "family-a", at=T0)
    store.link("r-new", {"h-kept"}, "medium", "family-b", at=T0 + 40 * day)

    assert store.purge_before(T0 + 30 * day) == 2  # r-old and the contact nobody named since
    # The old contact now starts a new case; the contact named again still links.
    assert store.link("r-later", {"h-old"}, "medium", "family-c", at=T0 + 41 * day).case_id != (
        old.case_id
    )
    joined = store.link("r-join", {"h-kept"}, "medium", "family-d", at=T0 + 41 * day)
    assert joined.case_id == old.case_id
    assert joined.report_count == 2  # r-new and r-join: r-old is gone


def test_a_report_sent_again_after_the_purge_forgot_it_is_counted_in_the_case_it_opened(
    state_at: StateAt,
) -> None:
    store = CaseStore(state_at("cases.db"))
    opened = store.link("r1", {"h"}, "high", "family-a", at=T0)
    store.link("r2", {"h"}, "medium", "family-b", at=T0 + timedelta(days=40))
    store.purge_before(T0 + timedelta(days=30))  # r1 goes; r2 and its contact stay

    again = store.link("r1", set(), "high", "family-a", at=T0 + timedelta(days=41))

    assert again.case_id == opened.case_id
    assert again.report_count == 2  # r2, still in the case r1 opened, and r1 again


def test_a_batch_is_linked_in_order_each_report_seeing_those_before_it(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    first, second, bridge, redelivered = store.link_all(
        [
            LinkRequest("r1", frozenset({"h-a"}), "high", "a"),
            LinkRequest("r2", frozenset({"h-b"}), "medium", "b"),
            LinkRequest("r3", frozenset({"h-a", "h-b"}), "medium", "c"),
            LinkRequest("r3", frozenset({"h-a", "h-b"}), "medium", "c"),
        ]
    )
    assert first.case_id != second.case_id
    assert bridge.case_id == first.case_id
    assert bridge.merged_case_ids == (second.case_id,)
    assert [first.report_count, second.report_count, bridge.report_count] == [1, 1, 3]
    assert redelivered.report_count == 3  # the same report twice in a batch counts once
    assert store.link("r4", {"h-b"}, "low", "d").report_count == 4


def test_a_batch_that_fails_part_way_links_none_of_its_reports(state_at: StateAt) -> None:
    store = CaseStore(state_at("cases.db"))
    good = LinkRequest("r1", frozenset({"h"}), "high", "a")
    with pytest.raises(ValueError, match="unknown level"):
        store.link_all([good, LinkRequest("r2", frozenset({"h"}), "no-such-level", "b")])

    again = store.link_all([good, LinkRequest("r2", frozenset({"h"}), "high", "b")])
    assert [view.report_count for view in again] == [1, 2]  # r1 was not kept from the first try


_LINKS = st.lists(
    st.builds(
        LinkRequest,
        report_id=st.sampled_from([f"r{n}" for n in range(8)]),  # some sent again
        contact_hashes=st.frozensets(st.sampled_from(["h1", "h2", "h3", "h4", "h5"]), max_size=3),
        level=st.sampled_from(["low", "medium", "high", "critical"]),
        source=st.sampled_from(["a", "b", "c"]),
        at=st.integers(0, 60).map(lambda day: T0 + timedelta(days=day)),
    ),
    max_size=14,
)


@settings(max_examples=150, deadline=None)
@given(links=_LINKS, cuts=st.lists(st.integers(1, 13), max_size=4), purge_day=st.integers(0, 60))
def test_a_batch_links_exactly_as_its_reports_one_at_a_time_would(
    links: list[LinkRequest], cuts: list[int], purge_day: int
) -> None:
    """Joins, merges and reports sent again, in batches of any size, after a retention purge:
    the same cases and the same rows as linking each report in a transaction of its own."""
    bounds = sorted({0, len(links), *(c for c in cuts if c < len(links))})
    with tempfile.TemporaryDirectory() as directory:
        batched, one_by_one = (CaseStore(Path(directory) / name) for name in ("b.db", "o.db"))
        history = links[: len(links) // 2]
        for store in (batched, one_by_one):  # an index that already holds something
            store.link_all(history)
            store.purge_before(T0 + timedelta(days=purge_day))
        views = [
            view for lo, hi in itertools.pairwise(bounds) for view in batched.link_all(links[lo:hi])
        ]
        assert views == [one_by_one.link_all([link])[0] for link in links]
        assert _rows(batched) == _rows(one_by_one)
        batched.close()
        one_by_one.close()


def _rows(store: CaseStore) -> tuple[list[tuple[object, ...]], ...]:
    db = store._db
    return tuple(
        sorted(tuple(row) for row in db.execute(f"SELECT * FROM {table}").fetchall())
        for table in ("case_reports", "contact_cases")
    )
