"""Two notify instances on one shared state (SQLite file or PostgreSQL): every step fires once
between them, and an acknowledgement taken by one stops the chain on the other."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from prometheus_client import CollectorRegistry

from haruul.notify.v1 import delivery_pb2
from haruul_common.events import RiskEventV1
from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_service import AlertService
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.alerts import Delivery
from haruul_notify.domain.lifecycle import AlertState, alert_id_for_case
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.pager import Pager
from haruul_notify.routing_holder import RoutingHolder
from tests.conftest import StateAt
from tests.support.routing import write_routing
from tests.unit.notify.test_pager import T0, Gateway, event, store_and_page


class SlowGateway(Gateway):
    """Yields to the event loop in each call, as a real one does, so the instances interleave."""

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        await asyncio.sleep(0)
        return await super().deliver(delivery)


class Instance:
    def __init__(self, name: str, state_at: StateAt, routing: Path, gateway: Gateway) -> None:
        self.now = T0
        metrics = NotifyMetrics(CollectorRegistry())
        self.alerts = AlertService(
            AlertStore(state_at("alerts.db")), AlertFeed(), metrics, lambda: self.now
        )
        self.pager = Pager(
            routing=RoutingHolder(routing),
            alerts=self.alerts,
            ledger=DeliveryLedger(state_at("ledger.db"), lambda: self.now),
            gateway=gateway,
            metrics=metrics,
            ack_link=lambda a, s: f"https://desk/ack/{a}/{s}",
            instance_id=name,
            clock=lambda: self.now,
        )

    async def receive(self, risk_event: RiskEventV1) -> None:
        await store_and_page(self.pager, risk_event)

    async def at(self, moment: datetime) -> None:
        self.now = moment
        await self.pager.fire_due()


def _instances(state_at: StateAt, tmp_path: Path) -> tuple[Instance, Instance, SlowGateway]:
    routing = write_routing(tmp_path / "routing.yaml")
    gateway = SlowGateway()  # the one gateway both instances call
    return (
        Instance("notify-a", state_at, routing, gateway),
        Instance("notify-b", state_at, routing, gateway),
        gateway,
    )


async def test_each_step_is_sent_once_between_two_instances(
    state_at: StateAt, tmp_path: Path
) -> None:
    a, b, gateway = _instances(state_at, tmp_path)
    await a.receive(event("r1"))
    await b.receive(event("r1"))  # a redelivery, consumed by the other instance
    for minute in range(0, 12):
        moment = T0 + timedelta(minutes=minute)
        await asyncio.gather(a.at(moment), b.at(moment))

    sent = Counter(delivery.idempotency_key for delivery in gateway.sent)
    assert max(sent.values(), default=0) == 1
    assert {d.recipient_id for d in gateway.sent} == {"officer-primary", "officer-secondary"}


async def test_an_acknowledgement_on_one_instance_stops_the_other(
    state_at: StateAt, tmp_path: Path
) -> None:
    a, b, gateway = _instances(state_at, tmp_path)
    await a.receive(event("r1"))
    alert_id = alert_id_for_case("case-1")
    b.alerts.acknowledge(alert_id, "officer-primary", "sms")
    await a.receive(event("r2"))  # an update computed on instance a
    for minute in (5, 6, 15):
        await a.at(T0 + timedelta(minutes=minute))

    assert a.alerts.get(alert_id).state is AlertState.ACKNOWLEDGED  # the ack was not lost
    assert a.alerts.get(alert_id).report_ids == ("r1", "r2")  # nor the update
    assert [d for d in gateway.sent if d.recipient_id == "officer-secondary"] == []
