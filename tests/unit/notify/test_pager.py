"""Paging with an injected clock: first page, escalation, acknowledgement, updates on a case,
quiet hours, silences, failed deliveries retried, a restart that resumes the timers — and
events stored while the gateway is slow, paged by the escalation loop they wake."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import pytest
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import delivery_pb2
from haruul_common.events import IndicatorV1, RiskEventV1
from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_service import AlertService
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.alerts import Channel, Delivery
from haruul_notify.domain.lifecycle import AlertState, alert_id_for_case
from haruul_notify.domain.sms_budget import SmsBudget
from haruul_notify.gateway_client import DeliveryFailed
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.pager import Pager, run_escalations
from haruul_notify.routing_holder import RoutingHolder
from tests.support.routing import routing_yaml, write_routing

# 03:00 UTC is 11:00 in Ulaanbaatar: inside nobody's quiet hours unless a test says so.
T0 = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


@dataclass
class Gateway:
    sent: list[Delivery] = field(default_factory=list)
    down: bool = False
    down_channels: set[Channel] = field(default_factory=set)
    attempts: int = 0

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        self.attempts += 1
        if self.down or delivery.channel in self.down_channels:
            raise DeliveryFailed(grpc.StatusCode.UNAVAILABLE, "gave up after 5 attempts")
        self.sent.append(delivery)
        return delivery_pb2.DeliveryReceipt(
            receipt_id=f"rcp-{len(self.sent)}", idempotency_key=delivery.idempotency_key
        )

    def to(self, recipient: str, channel: Channel = Channel.SMS) -> list[Delivery]:
        return [d for d in self.sent if d.recipient_id == recipient and d.channel is channel]


async def store_and_page(pager: Pager, risk_event: RiskEventV1) -> None:
    """What notify does with a consumed event: stores it, then the round it woke pages."""
    await pager.on_risk_event(risk_event)
    await pager.fire_due()


class Rig:
    def __init__(
        self,
        tmp: Path,
        sms_budget: SmsBudget | None = None,
        gateway: Gateway | None = None,
        **routing: str,
    ) -> None:
        self.tmp, self.now, self.gateway = tmp, T0, gateway or Gateway()
        self.sms_budget = sms_budget
        self.routing_file = write_routing(tmp / "routing.yaml", **routing)
        self.metrics = NotifyMetrics(CollectorRegistry())
        self.pager = self._pager()

    def _pager(self) -> Pager:
        """A fresh notify process over the same files: what a restart sees."""
        self.store = AlertStore(self.tmp / "alerts.db")
        self.alerts = AlertService(self.store, AlertFeed(), self.metrics, lambda: self.now)
        return Pager(
            routing=RoutingHolder(self.routing_file),
            alerts=self.alerts,
            ledger=DeliveryLedger(self.tmp / "ledger.db", lambda: self.now),
            gateway=self.gateway,
            metrics=self.metrics,
            ack_link=lambda a, s: f"https://desk/ack/{a}/{s}",
            sms_budget=self.sms_budget,
            clock=lambda: self.now,
        )

    def restart(self) -> None:
        self.pager = self._pager()

    async def receive(self, risk_event: RiskEventV1) -> None:
        await store_and_page(self.pager, risk_event)

    async def at(self, minutes: float) -> None:
        self.now = T0 + timedelta(minutes=minutes)
        await self.pager.fire_due()

    def count(self, name: str, **labels: str) -> float:
        return self.metrics.registry.get_sample_value(name, labels) or 0.0


def event(
    report_id: str,
    level: str = "critical",
    case_id: str = "case-1",
    codes: tuple[str, ...] = ("DOC", "MOV"),
) -> RiskEventV1:
    return RiskEventV1(
        event_id=f"evt-{report_id}",
        report_id=report_id,
        integration_id="hotline",
        accepted_at=T0 - timedelta(seconds=2),
        scored_at=T0,
        score=90,
        level=level,
        stage="destination",
        indicators=tuple(IndicatorV1(code=c, reason=c) for c in codes),
        explanation="Documents taken and movement restricted.",
        engine_version="test",
        case_id=case_id,
        case_level=level,
    )


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return Rig(tmp_path)


async def test_a_critical_alert_pages_the_primary_by_sms_and_email(rig: Rig) -> None:
    await rig.receive(event("r1"))

    [sms] = rig.gateway.to("officer-primary")
    [mail] = rig.gateway.to("officer-primary", Channel.EMAIL)
    alert = rig.store.get(alert_id_for_case("case-1"))
    assert alert is not None
    assert alert.alert_id in sms.body
    assert f"ACK {alert.ack_code}" in sms.body
    assert "https://desk/ack/" in mail.body
    assert rig.gateway.to("officer-secondary") == []
    assert rig.count("haruul_notify_report_to_delivery_seconds_count", channel="sms") == 1


async def test_without_acknowledgement_the_secondary_is_paged_at_the_step(rig: Rig) -> None:
    await rig.receive(event("r1"))
    await rig.at(4.9)
    assert rig.gateway.to("officer-secondary") == []

    await rig.at(5)

    [sms] = rig.gateway.to("officer-secondary")
    assert "5" in sms.body  # Mongolian text: "not acknowledged after 5 min"
    assert len(rig.gateway.to("officer-primary")) == 1  # the primary is not paged again
    assert rig.count("haruul_notify_escalations_total", level="critical") == 1
    await rig.at(30)
    assert len(rig.gateway.to("officer-secondary")) == 1


async def test_acknowledgement_stops_the_chain(rig: Rig) -> None:
    await rig.receive(event("r1"))
    alert = rig.store.get(alert_id_for_case("case-1"))
    assert alert is not None
    rig.now = T0 + timedelta(minutes=2)
    rig.alerts.acknowledge_by_code(alert.ack_code, "officer-primary", "sms")

    await rig.at(20)

    assert rig.gateway.to("officer-secondary") == []
    acked = rig.store.get(alert.alert_id)
    assert acked is not None
    assert acked.state is AlertState.ACKNOWLEDGED
    assert rig.count("haruul_notify_ack_latency_seconds_sum", level="critical") == 120


async def test_a_second_report_on_the_case_updates_instead_of_paging_again(rig: Rig) -> None:
    await rig.receive(event("r1"))
    rig.now = T0 + timedelta(minutes=1)
    await rig.receive(event("r2", codes=("S-RAN",)))
    await rig.receive(event("r2", codes=("S-RAN",)))  # redelivered

    sms = rig.gateway.to("officer-primary")
    assert len(sms) == 2
    assert "1 new reports on case case-1" in sms[1].body
    alert = rig.store.get(alert_id_for_case("case-1"))
    assert alert is not None
    assert alert.report_ids == ("r1", "r2")
    assert "S-RAN" in alert.indicator_codes


async def test_a_redelivered_event_pages_nobody_twice(rig: Rig) -> None:
    await rig.receive(event("r1"))
    await rig.receive(event("r1"))
    assert len(rig.gateway.sent) == 2  # one SMS and one e-mail


async def test_a_restart_mid_escalation_resumes_the_timers_without_repeating(rig: Rig) -> None:
    await rig.receive(event("r1"))
    rig.restart()

    await rig.at(5)

    assert len(rig.gateway.to("officer-primary")) == 1
    assert len(rig.gateway.to("officer-secondary")) == 1


async def test_a_gateway_outage_is_retried_by_the_next_tick(rig: Rig) -> None:
    rig.gateway.down = True
    await rig.receive(event("r1"))
    assert rig.count("haruul_notify_deliveries_total", channel="sms", outcome="failed") == 1

    rig.gateway.down = False
    await rig.at(0.5)

    assert len(rig.gateway.to("officer-primary")) == 1


async def test_quiet_hours_defer_a_high_alert_but_never_a_critical_one(tmp_path: Path) -> None:
    # 15:00 UTC is 23:00 in Ulaanbaatar, inside 22:00–07:00.
    rig = Rig(tmp_path, quiet_hours='{start: "22:00", end: "07:00"}')
    rig.now = T0.replace(hour=15)
    await rig.receive(event("r1", level="high", case_id="case-high"))
    await rig.receive(event("r2", level="critical", case_id="case-crit"))

    assert {d.alert_id for d in rig.gateway.to("officer-primary")} == {
        alert_id_for_case("case-crit")
    }
    assert rig.count("haruul_notify_deferred_total", reason="quiet_hours") == 1
    rig.now = T0.replace(hour=23, minute=1)  # 07:01 local
    await rig.pager.fire_due()
    assert alert_id_for_case("case-high") in {d.alert_id for d in rig.gateway.to("officer-primary")}


async def test_medium_alerts_wait_for_one_digest_at_the_start_of_the_working_day(
    rig: Rig,
) -> None:
    await rig.receive(event("r1", level="medium", case_id="case-a"))
    await rig.receive(event("r2", level="medium", case_id="case-b"))
    assert rig.gateway.sent == []
    assert rig.count("haruul_notify_deferred_total", reason="digest") == 2

    rig.now = datetime(2026, 3, 3, 0, 59, tzinfo=UTC)  # 08:59 in Ulaanbaatar
    await rig.pager.fire_due()
    assert rig.gateway.sent == []
    rig.now = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # 09:00
    await rig.pager.fire_due()
    await rig.pager.fire_due()

    [digest] = rig.gateway.sent
    assert digest.channel is Channel.EMAIL
    assert digest.recipient_id == "officer-primary"
    assert alert_id_for_case("case-a") in digest.body
    assert alert_id_for_case("case-b") in digest.body
    assert rig.gateway.to("officer-primary") == []  # no SMS for a digest


async def test_past_the_sms_limit_alerts_are_bundled_not_dropped(tmp_path: Path) -> None:
    rig = Rig(tmp_path, sms_budget=SmsBudget(limit=2, window=timedelta(minutes=10)))
    for n in range(4):
        rig.now = T0 + timedelta(minutes=n)
        await rig.receive(event(f"r{n}", level="high", case_id=f"case-{n}"))

    pages = rig.gateway.to("officer-primary")
    assert [d.alert_id for d in pages] == [alert_id_for_case("case-0"), alert_id_for_case("case-1")]
    assert len(rig.gateway.to("officer-primary", Channel.EMAIL)) == 4  # e-mail is never held
    assert rig.count("haruul_notify_deferred_total", reason="rate_limit") == 2

    await rig.at(10)  # the first page leaves the window: one SMS carries both held alerts

    [bundle] = rig.gateway.to("officer-primary")[2:]
    assert bundle.body.startswith("HARUUL 2 alerts:")
    assert alert_id_for_case("case-2") in bundle.body
    assert alert_id_for_case("case-3") in bundle.body
    await rig.at(30)
    assert len(rig.gateway.to("officer-primary")) == 3


async def test_a_matching_silence_records_the_alert_but_pages_nobody(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    text = rig.routing_file.read_text(encoding="utf-8") + (
        "silences:\n"
        "  - {id: sil-1, match: {desk: hq, level: high}, starts: 2026-03-01T00:00:00+00:00,\n"
        "     ends: 2026-03-03T00:00:00+00:00, created_by: desk-head, comment: known case}\n"
    )
    rig.routing_file.write_text(text, encoding="utf-8")
    rig.restart()

    await rig.receive(event("r1", level="high"))
    await rig.receive(event("r2", level="critical", case_id="case-2"))

    assert {d.alert_id for d in rig.gateway.sent} == {alert_id_for_case("case-2")}
    silenced = rig.store.get(alert_id_for_case("case-1"))
    assert silenced is not None
    assert silenced.audit[-1].action == "silenced"
    assert rig.count("haruul_notify_silenced_total") == 1


async def test_a_step_by_sms_only_falls_back_to_email_while_sms_is_down(tmp_path: Path) -> None:
    rig = Rig(tmp_path, high_channels="sms")
    rig.gateway.down_channels.add(Channel.SMS)
    await rig.receive(event("r1", level="high"))
    await rig.at(1 / 60)
    assert rig.gateway.to("officer-primary", Channel.EMAIL) == []  # two SMS failures so far

    await rig.at(2 / 60)  # the third: the page goes by e-mail instead

    [mail] = rig.gateway.to("officer-primary", Channel.EMAIL)
    assert "https://desk/ack/" in mail.body
    assert (
        rig.count("haruul_notify_channel_fallbacks_total", from_channel="sms", to_channel="email")
        == 1
    )
    assert rig.count("haruul_notify_deliveries_total", channel="sms", outcome="failed") == 3
    attempts = rig.gateway.attempts
    await rig.at(10)
    assert rig.gateway.attempts == attempts  # the step is done: SMS is not retried for ever


async def test_a_step_by_sms_only_sends_no_email_while_sms_works(tmp_path: Path) -> None:
    rig = Rig(tmp_path, high_channels="sms")
    await rig.receive(event("r1", level="high"))
    assert len(rig.gateway.to("officer-primary")) == 1
    assert rig.gateway.to("officer-primary", Channel.EMAIL) == []


@dataclass
class WaitingGateway(Gateway):
    """Holds the primary's SMS until the desk head's SMS has arrived: paging one person after
    the other would never get there."""

    head_paged: asyncio.Event = field(default_factory=asyncio.Event)

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        if delivery.recipient_id == "desk-head":
            self.head_paged.set()
        elif delivery.channel is Channel.SMS:
            await asyncio.wait_for(self.head_paged.wait(), timeout=5)
        return await super().deliver(delivery)


async def test_everyone_a_step_names_is_paged_at_once(tmp_path: Path) -> None:
    routing = routing_yaml().replace(
        "- {after: 0m, notify: [rotation:primary]}",
        "- {after: 0m, notify: [rotation:primary, desk_head]}",
    )
    rig = Rig(tmp_path, gateway=WaitingGateway())
    rig.routing_file.write_text(routing, encoding="utf-8")
    rig.restart()  # reads the routing again

    await rig.receive(event("r1"))

    assert [d.channel for d in rig.gateway.to("officer-primary")] == [Channel.SMS]
    assert [d.channel for d in rig.gateway.to("desk-head")] == [Channel.SMS]
    assert len(rig.gateway.to("officer-primary", Channel.EMAIL)) == 1
    assert len(rig.gateway.to("desk-head", Channel.EMAIL)) == 1


@dataclass
class HangingGateway(Gateway):
    """Answers nothing until released: a gateway in trouble."""

    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        await self.release.wait()
        return await super().deliver(delivery)


async def test_new_alerts_are_opened_while_pages_hang_on_the_gateway(tmp_path: Path) -> None:
    gateway = HangingGateway()
    rig = Rig(tmp_path, gateway=gateway)
    await asyncio.wait_for(rig.pager.on_risk_event(event("r1", case_id="case-1")), timeout=5)
    paging = asyncio.create_task(rig.pager.fire_due())  # waits on the gateway
    await asyncio.sleep(0.01)

    await asyncio.wait_for(rig.pager.on_risk_event(event("r2", case_id="case-2")), timeout=5)

    assert rig.store.get(alert_id_for_case("case-2")) is not None  # on the desk already
    assert gateway.sent == []
    gateway.release.set()
    await paging
    await rig.pager.fire_due()
    paged = {d.alert_id for d in gateway.to("officer-primary")}
    assert paged == {alert_id_for_case("case-1"), alert_id_for_case("case-2")}


@dataclass
class SignallingGateway(Gateway):
    """Says when a delivery has arrived."""

    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        receipt = await super().deliver(delivery)
        self.arrived.set()
        return receipt


async def test_the_escalation_loop_pages_a_stored_event_at_once_not_at_its_tick(
    tmp_path: Path,
) -> None:
    gateway = SignallingGateway()
    rig = Rig(tmp_path, gateway=gateway)
    stop = asyncio.Event()
    loop = asyncio.create_task(run_escalations(rig.pager, stop, tick=timedelta(hours=1)))
    await asyncio.sleep(0.01)  # the loop's first round found nothing and waits

    await rig.pager.on_risk_event(event("r1"))
    await asyncio.wait_for(gateway.arrived.wait(), timeout=5)

    assert [d.alert_id for d in gateway.to("officer-primary")] == [alert_id_for_case("case-1")]
    stop.set()
    await asyncio.wait_for(loop, timeout=5)  # stopping does not wait for the tick either
