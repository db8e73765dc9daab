"""Alerts fired side by side: many due pages go out together (each waiting on the gateway, not
on the others), every one exactly once, the SMS budget still holds with pages in flight, and
one alert whose delivery fails stays pending without holding the others back."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from pathlib import Path

import grpc

from haruul.notify.v1 import delivery_pb2
from haruul_notify.domain.alerts import Channel, Delivery
from haruul_notify.domain.lifecycle import alert_id_for_case
from haruul_notify.domain.pages import step_code
from haruul_notify.domain.sms_budget import SmsBudget
from haruul_notify.gateway_client import DeliveryFailed
from tests.unit.notify.test_pager import Gateway, Rig, event

FIRST_PAGE = step_code("critical", 0)


class SlowGateway(Gateway):
    """Takes a moment per delivery, as a real one does; remembers how many were in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.in_flight = 0
        self.most_in_flight = 0
        self.failing_alerts: set[str] = set()

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.005)
            if delivery.alert_id in self.failing_alerts:
                raise DeliveryFailed(grpc.StatusCode.UNAVAILABLE, "gave up after 5 attempts")
            return await super().deliver(delivery)
        finally:
            self.in_flight -= 1


def _rig(tmp_path: Path, sms_budget: SmsBudget | None = None) -> tuple[Rig, SlowGateway]:
    rig = Rig(tmp_path, sms_budget=sms_budget)
    gateway = SlowGateway()
    rig.gateway = gateway
    rig.restart()  # the pager now calls the slow gateway
    return rig, gateway


async def _burst(rig: Rig, cases: int) -> None:
    """A poll's worth of risk events, each its own case, stored side by side; then the round
    they woke pages them."""
    await asyncio.gather(
        *(rig.pager.on_risk_event(event(f"r{n}", case_id=f"case-{n}")) for n in range(cases))
    )
    await rig.pager.fire_due()


async def test_due_pages_of_different_alerts_go_out_together_each_once(tmp_path: Path) -> None:
    rig, gateway = _rig(tmp_path)

    await _burst(rig, 12)

    assert gateway.most_in_flight > 1
    sent = Counter(delivery.idempotency_key for delivery in gateway.sent)
    assert max(sent.values()) == 1
    paged = {d.alert_id for d in gateway.to("officer-primary")}
    assert paged == {alert_id_for_case(f"case-{n}") for n in range(12)}
    assert len(gateway.to("officer-primary", Channel.EMAIL)) == 12
    await rig.at(1)  # nothing is left pending, so nothing goes out again
    assert len(gateway.sent) == 24


async def test_the_sms_budget_holds_with_pages_in_flight(tmp_path: Path) -> None:
    rig, gateway = _rig(tmp_path, SmsBudget(limit=3, window=timedelta(minutes=10)))

    await _burst(rig, 8)

    assert len(gateway.to("officer-primary")) == 3  # never more than the budget
    assert len(gateway.to("officer-primary", Channel.EMAIL)) == 8  # e-mail is never held
    assert rig.count("haruul_notify_deferred_total", reason="rate_limit") == 5
    await rig.at(11)  # the window allows one more SMS: the five held alerts, bundled
    [bundle] = gateway.to("officer-primary")[3:]
    assert bundle.body.startswith("HARUUL 5 alerts:")


async def test_one_failing_alert_stays_pending_and_the_others_go_out(tmp_path: Path) -> None:
    rig, gateway = _rig(tmp_path)
    failing = alert_id_for_case("case-3")
    gateway.failing_alerts.add(failing)

    await _burst(rig, 6)

    paged = {d.alert_id for d in gateway.to("officer-primary")}
    assert paged == {alert_id_for_case(f"case-{n}") for n in range(6)} - {failing}
    assert rig.store.step_status(failing)[FIRST_PAGE] == "pending"

    gateway.failing_alerts.clear()
    await rig.at(0.5)  # the next tick retries it
    assert failing in {d.alert_id for d in gateway.to("officer-primary")}
    assert rig.store.step_status(failing)[FIRST_PAGE] == "done"
