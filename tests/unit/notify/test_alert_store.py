"""Alerts and escalation timers survive a restart of notify."""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from haruul_common.state_db import StateDb
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.lifecycle import (
    Alert,
    AlertState,
    ReportFacts,
    acknowledge,
    note,
    open_alert,
)
from tests.conftest import StateAt

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _alert(case_id: str, level: str = "critical") -> Alert:
    facts = ReportFacts("r-" + case_id, case_id, level, 80, "destination", ("DOC",), "MM")
    return open_alert(facts, "desk-mm", T0)


async def test_an_alert_reads_back_as_saved_after_reopening_the_file(state_at: StateAt) -> None:
    store = AlertStore(state_at("alerts.db"))
    alert = acknowledge(_alert("c1"), "officer", "sms", T0)
    assert await store.insert(alert)
    store.close()

    reopened = AlertStore(state_at("alerts.db"))
    assert reopened.get(alert.alert_id) == alert
    assert reopened.by_ack_code(alert.ack_code.lower()) == alert


async def test_listing_filters_by_state_and_level(state_at: StateAt) -> None:
    store = AlertStore(state_at("alerts.db"))
    critical = _alert("c1")
    high = _alert("c2", "high")
    await store.insert(critical)
    await store.insert(acknowledge(high, "o", "cli", T0))

    assert [a.level for a in store.alerts()] == ["critical", "high"]
    assert [a.case_id for a in store.alerts(states=[AlertState.OPEN])] == ["c1"]
    assert [a.case_id for a in store.alerts(min_level="critical")] == ["c1"]


async def test_timers_fire_once_in_order_and_cancelled_ones_never(state_at: StateAt) -> None:
    store = AlertStore(state_at("alerts.db"))
    store.schedule("a1", [(0, T0), (1, T0 + timedelta(minutes=5)), (2, T0 + timedelta(minutes=15))])
    store.schedule("a1", [(0, T0 + timedelta(hours=1))])  # known step: unchanged

    assert store.due_steps(T0) == [("a1", 0)]
    await store.finish_step("a1", 0)
    assert store.due_steps(T0 + timedelta(minutes=6)) == [("a1", 1)]
    assert store.next_due() == T0 + timedelta(minutes=5)
    store.cancel_steps("a1")
    assert store.due_steps(T0 + timedelta(hours=2)) == []
    assert store.step_status("a1") == {0: "done", 1: "cancelled", 2: "cancelled"}


LEASE = timedelta(seconds=60)


async def test_a_due_step_is_claimed_by_one_instance_only(state_at: StateAt) -> None:
    location = state_at("alerts.db")
    first, second = AlertStore(location), AlertStore(location)  # two notify instances
    first.schedule("a1", [(0, T0), (1, T0 + timedelta(minutes=5))])

    assert first.claim_due_steps(T0, "notify-a", LEASE) == [("a1", 0)]
    assert second.claim_due_steps(T0, "notify-b", LEASE) == []
    assert first.claim_due_steps(T0, "notify-a", LEASE) == [("a1", 0)]  # its own, again


async def test_a_released_step_is_free_at_once_and_a_dead_claim_after_its_lease(
    state_at: StateAt,
) -> None:
    location = state_at("alerts.db")
    first, second = AlertStore(location), AlertStore(location)
    first.schedule("a1", [(0, T0), (1, T0)])
    assert first.claim_due_steps(T0, "notify-a", LEASE) == [("a1", 0), ("a1", 1)]

    first.release_step("a1", 0, "notify-a")  # its delivery failed: try again next tick
    assert second.claim_due_steps(T0, "notify-b", LEASE) == [("a1", 0)]
    # notify-a died holding step 1: the step waits out the lease, then someone else fires it.
    assert second.claim_due_steps(T0 + LEASE - timedelta(seconds=1), "notify-b", LEASE) == [
        ("a1", 0)
    ]
    later = T0 + LEASE
    assert second.claim_due_steps(later, "notify-b", LEASE) == [("a1", 0), ("a1", 1)]
    await second.finish_step("a1", 0)
    await second.finish_step("a1", 1)
    assert first.claim_due_steps(later + LEASE * 2, "notify-a", LEASE) == []


async def test_a_change_based_on_a_stale_alert_is_refused(state_at: StateAt) -> None:
    location = state_at("alerts.db")
    first, second = AlertStore(location), AlertStore(location)
    alert = _alert("c1")
    assert await first.insert(alert)
    assert not await second.insert(alert)  # the case has its alert

    acknowledged = acknowledge(alert, "officer", "sms", T0)
    assert first.replace(alert, acknowledged)
    stale_update = acknowledge(alert, "other", "cli", T0)
    assert not second.replace(alert, stale_update)
    assert second.get(alert.alert_id) == acknowledged


async def test_an_alert_and_its_steps_are_stored_together_or_not_at_all(
    state_at: StateAt,
) -> None:
    location = state_at("alerts.db")
    first, second = AlertStore(location), AlertStore(location)
    alerts = [_alert(f"c{n}") for n in range(8)]

    stored = await asyncio.gather(
        *(first.insert(alert, [(0, T0), (1, T0 + timedelta(minutes=5))]) for alert in alerts)
    )
    again = await second.insert(alerts[0], [(7, T0)])  # the case has its alert already

    assert stored == [True] * 8
    assert not again
    assert second.step_status(alerts[0].alert_id) == {0: "pending", 1: "pending"}
    assert sorted(second.due_steps(T0)) == sorted((alert.alert_id, 0) for alert in alerts)


async def test_an_alert_stored_by_an_earlier_release_can_still_be_changed(
    state_at: StateAt,
) -> None:
    location = state_at("alerts.db")
    store = AlertStore(location)
    alert = note(_alert("c1"), "escalated", "kafka", T0, "step 1")
    await store.insert(alert)
    # The body as releases before this one wrote it: json.dumps(dataclasses.asdict(alert)).
    old_body = json.dumps(
        asdict(alert),
        default=lambda value: value.isoformat() if isinstance(value, datetime) else None,
        ensure_ascii=False,
    )
    db = StateDb(location, "")
    db.execute("UPDATE alerts SET body = ? WHERE alert_id = ?", (old_body, alert.alert_id))
    db.close()

    acknowledged = acknowledge(alert, "officer", "sms", T0)
    assert store.replace(store.get(alert.alert_id) or alert, acknowledged)
    assert store.get(alert.alert_id) == acknowledged
