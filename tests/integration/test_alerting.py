"""Alerts that reach the right officer once and escalate until someone answers — on the real
broker, a real SMTP server, the real gateway over gRPC and a real Kannel with its fake SMSC."""

from __future__ import annotations

import asyncio
import re
import signal
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from faststream.kafka import KafkaBroker

from haruul_common.events import IndicatorV1, RiskEventV1
from haruul_common.kafka import build_broker
from haruul_common.local_kafka import start_group_at_end
from haruul_common.settings import KafkaSettings
from haruul_common.topics import RISK_EVENTS
from haruul_notify.ack_links import AckLinks
from haruul_notify.domain.lifecycle import AlertState, alert_id_for_case
from haruul_notify.domain.pages import step_code
from haruul_notify.gateway.main import GatewayServer, start_gateway
from haruul_notify.gateway.settings import GatewaySettings
from haruul_notify.main import NotifyService
from haruul_notify.settings import DEVELOPMENT_SECRET
from tests.support.kannel import FakeSmscMessage, RunningKannel
from tests.support.net import free_port
from tests.support.pipeline import (
    NOTIFY_COMMAND,
    eventually,
    notify_env,
    notify_settings,
    running_notify,
)
from tests.support.postgres import RunningPostgres
from tests.support.routing import PRIMARY_PHONE, SECONDARY_PHONE
from tests.support.smtp import RecordingSmtpServer

pytestmark = pytest.mark.integration

ESCALATE_AFTER_S = 3
CALLBACK_TOKEN = AckLinks(
    DEVELOPMENT_SECRET.encode(), "http://unused", timedelta(hours=1)
).callback_token()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@dataclass
class Stack:
    bootstrap: str
    tmp: Path
    kannel: RunningKannel
    smtp: RecordingSmtpServer
    gateway: GatewayServer
    http_port: int

    def sms_to(self, phone: str, alert_id: str) -> list[FakeSmscMessage]:
        return [
            m
            for m in self.kannel.received()
            if _digits(m.receiver) == _digits(phone) and alert_id in m.text
        ]

    async def publish(self, broker: KafkaBroker, case_id: str, level: str = "critical") -> str:
        """A risk event for `case_id`, as scoring publishes it; returns its report id."""
        report_id = str(uuid.uuid4())
        event = RiskEventV1(
            event_id=f"evt-{report_id}",
            report_id=report_id,
            integration_id="test-hotline",
            accepted_at=datetime.now(UTC),
            scored_at=datetime.now(UTC),
            score=90,
            level=level,
            stage="destination",
            indicators=(IndicatorV1(code="DOC", reason="passport taken"),),
            explanation="Documents taken.",
            engine_version="test",
            case_id=case_id,
            case_level=level,
        )
        await broker.publish(
            event.model_dump_json().encode(), RISK_EVENTS.name, key=report_id.encode()
        )
        return report_id

    async def publish_from_outside(self, case_ids: list[str], level: str = "critical") -> None:
        """Risk events from a producer of the test's own, for a notify that runs elsewhere."""
        producer = build_broker(
            KafkaSettings(bootstrap_servers=self.bootstrap), client_id="test-producer"
        )
        await producer.start()
        try:
            for case_id in case_ids:
                await self.publish(producer, case_id, level)
        finally:
            await producer.stop()


async def sms_for(
    stack: Stack, phone: str, alert_id: str, timeout_s: float = 10.0
) -> FakeSmscMessage:
    """The first SMS to `phone` that names `alert_id`, waiting for it."""
    return await stack.kannel.wait_for_message(
        lambda m: _digits(m.receiver) == _digits(phone) and alert_id in m.text, timeout_s
    )


@pytest.fixture(scope="module")
def kannel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningKannel, int]]:
    http_port = free_port()
    get_url = (
        f"http://127.0.0.1:{http_port}/v1/sms/inbound?from=%p&to=%P&text=%a&token={CALLBACK_TOKEN}"
    )
    with RunningKannel(get_url) as running:
        yield running, http_port


@pytest.fixture(scope="module")
async def stack(
    kafka_bootstrap: str,
    kannel: tuple[RunningKannel, int],
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Stack]:
    tmp = tmp_path_factory.mktemp("alerting")
    running_kannel, http_port = kannel
    gateway_http_port = free_port()
    smtp = RecordingSmtpServer()
    smtp.start()
    gateway = await start_gateway(
        GatewaySettings(
            http_port=gateway_http_port,
            kannel_dlr_url=f"http://127.0.0.1:{gateway_http_port}/v1/sms/dlr?token=dlr-test-token",
            callback_token="dlr-test-token",
            port=0,
            smtp_port=smtp.port,
            receipts_db=tmp / "gateway.db",
            sms_adapter="kannel",
            kannel_url=running_kannel.sendsms_url,
            kannel_username=running_kannel.username,
            kannel_password=running_kannel.password,
        )
    )
    try:
        yield Stack(kafka_bootstrap, tmp, running_kannel, smtp, gateway, http_port)
    finally:
        await gateway.stop(0)
        smtp.stop()


@pytest.fixture
async def notify(stack: Stack, tmp_path: Path) -> AsyncIterator[NotifyService]:
    async with running_notify(
        stack.bootstrap,
        tmp_path,
        stack.gateway.port,
        escalate_after=f"{ESCALATE_AFTER_S}s",
        http_port=stack.http_port,
    ) as service:
        yield service


async def test_critical_pages_the_primary_then_the_secondary_when_nobody_answers(
    stack: Stack, notify: NotifyService
) -> None:
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    alert_id = alert_id_for_case(case_id)
    await stack.publish(notify.broker, case_id)

    await sms_for(stack, PRIMARY_PHONE, alert_id)
    await eventually(lambda: bool(stack.smtp.for_alert(alert_id)), what="the primary's e-mail")
    assert stack.smtp.for_alert(alert_id)[0]["To"] == "primary@consulate.example"
    assert stack.sms_to(SECONDARY_PHONE, alert_id) == []

    await sms_for(stack, SECONDARY_PHONE, alert_id, ESCALATE_AFTER_S + 10)
    assert len(stack.sms_to(PRIMARY_PHONE, alert_id)) == 1


async def test_an_sms_reply_with_the_code_acknowledges_and_stops_the_chain(
    stack: Stack, notify: NotifyService
) -> None:
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    alert_id = alert_id_for_case(case_id)
    await stack.publish(notify.broker, case_id)
    page = await sms_for(stack, PRIMARY_PHONE, alert_id)
    match = re.search(r"ACK ([A-Z0-9]{4})", page.text)
    assert match is not None

    await stack.kannel.send_inbound(PRIMARY_PHONE.lstrip("+"), "1903", f"ack {match.group(1)}")

    def acknowledged() -> bool:
        alert = notify.alerts.store.get(alert_id)
        return alert is not None and alert.state is AlertState.ACKNOWLEDGED

    await eventually(acknowledged, what="the SMS acknowledgement")
    alert = notify.alerts.store.get(alert_id)
    assert alert is not None
    assert (alert.audit[-1].actor, alert.audit[-1].channel) == ("officer-primary", "sms")
    assert set(notify.alerts.store.step_status(alert_id).values()) == {"done", "cancelled"}
    await asyncio.sleep(ESCALATE_AFTER_S + 1)  # past the step's due time: it must stay silent
    assert stack.sms_to(SECONDARY_PHONE, alert_id) == []


async def test_a_second_report_on_the_case_updates_the_alert_without_a_second_page(
    stack: Stack, notify: NotifyService
) -> None:
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    alert_id = alert_id_for_case(case_id)
    await stack.publish(notify.broker, case_id)
    await sms_for(stack, PRIMARY_PHONE, alert_id)

    await stack.publish(notify.broker, case_id)

    update = await stack.kannel.wait_for_message(
        lambda m: (
            _digits(m.receiver) == _digits(PRIMARY_PHONE)
            and "new reports" in m.text
            and alert_id in m.text
        )
    )
    assert "1 new reports on case" in update.text
    assert len(stack.sms_to(PRIMARY_PHONE, alert_id)) == 2  # the page and the update
    alert = notify.alerts.store.get(alert_id)
    assert alert is not None
    assert len(alert.report_ids) == 2


async def test_notify_killed_during_an_escalation_resumes_without_a_duplicate(
    stack: Stack, tmp_path: Path
) -> None:
    settings = notify_settings(stack.bootstrap, tmp_path, stack.gateway.port, escalate_after="6s")
    start_group_at_end(stack.bootstrap, settings.group_id, RISK_EVENTS.name)
    env = notify_env(settings)
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    alert_id = alert_id_for_case(case_id)

    first = await asyncio.create_subprocess_exec(NOTIFY_COMMAND, env=env)
    try:
        await stack.publish_from_outside([case_id])
        await sms_for(stack, PRIMARY_PHONE, alert_id, 30)
    finally:
        first.send_signal(signal.SIGKILL)  # mid-escalation: the secondary's step is pending
        await first.wait()
    assert stack.sms_to(SECONDARY_PHONE, alert_id) == []

    second = await asyncio.create_subprocess_exec(NOTIFY_COMMAND, env=env)
    try:
        await sms_for(stack, SECONDARY_PHONE, alert_id, 30)
    finally:
        second.send_signal(signal.SIGTERM)
        await second.wait()
    assert len(stack.sms_to(PRIMARY_PHONE, alert_id)) == 1
    assert len(stack.sms_to(SECONDARY_PHONE, alert_id)) == 1


async def test_the_networks_delivery_report_is_recorded_on_the_receipt(
    stack: Stack, notify: NotifyService
) -> None:
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    alert_id = alert_id_for_case(case_id)
    await stack.publish(notify.broker, case_id)
    await sms_for(stack, PRIMARY_PHONE, alert_id)
    key = f"{alert_id}/officer-primary/sms/step-{step_code('critical', 0)}"

    await eventually(
        lambda: stack.gateway.receipts.delivery_status(key) == "delivered",
        what="Kannel's delivery report",
    )
    reports = stack.gateway.metrics.registry.get_sample_value(
        "haruul_gateway_sms_delivery_reports_total", {"status": "delivered"}
    )
    assert (reports or 0) >= 1


async def test_a_channel_that_keeps_failing_falls_back_to_email(
    stack: Stack, tmp_path: Path
) -> None:
    """High alerts page by SMS only here; with the SMS network unreachable, the page arrives by
    e-mail after three failed attempts, and the switch is counted."""
    dead_kannel = f"http://127.0.0.1:{free_port()}/cgi-bin/sendsms"  # nothing listens there
    gateway = await start_gateway(
        GatewaySettings(
            http_port=0,
            port=0,
            smtp_port=stack.smtp.port,
            receipts_db=tmp_path / "gateway.db",
            sms_adapter="kannel",
            kannel_url=dead_kannel,
            kannel_username="nobody",
            kannel_password="nothing",
        )
    )
    settings = notify_settings(
        stack.bootstrap, tmp_path, gateway.port, high_channels="sms"
    ).model_copy(update={"deliver_attempts": 1})
    try:
        async with running_notify(stack.bootstrap, tmp_path, 0, settings=settings) as notify:
            case_id = f"case-{uuid.uuid4().hex[:8]}"
            await stack.publish_from_outside([case_id], level="high")
            alert_id = alert_id_for_case(case_id)

            registry = notify.metrics.registry

            def fallbacks() -> float | None:
                return registry.get_sample_value(
                    "haruul_notify_channel_fallbacks_total",
                    {"from_channel": "sms", "to_channel": "email"},
                )

            await eventually(lambda: bool(stack.smtp.for_alert(alert_id)), timeout_s=30)
            # notify counts the switch once the gateway's receipt is back, a moment after the
            # SMTP server has the message.
            await eventually(lambda: fallbacks() is not None, timeout_s=10)
            [mail] = stack.smtp.for_alert(alert_id)
            assert mail["To"] == "primary@consulate.example"
            switched = fallbacks()
            failed = registry.get_sample_value(
                "haruul_notify_deliveries_total", {"channel": "sms", "outcome": "failed"}
            )
    finally:
        await gateway.stop(0)
    assert switched == 1
    assert failed == 3


async def test_two_notify_instances_on_postgresql_page_once_and_survive_one_killed(
    stack: Stack, tmp_path: Path, postgres: RunningPostgres
) -> None:
    """Two notify processes in one consumer group share their state in PostgreSQL. Each
    alert's primary is paged once; one instance is killed mid-escalation; the survivor pages
    every secondary, once."""
    state = postgres.new_database()
    settings = notify_settings(
        stack.bootstrap, tmp_path, stack.gateway.port, escalate_after="8s"
    ).model_copy(update={"alert_db": state, "ledger_db": state})
    start_group_at_end(stack.bootstrap, settings.group_id, RISK_EVENTS.name)
    processes = [
        await asyncio.create_subprocess_exec(
            NOTIFY_COMMAND, env=notify_env(settings, HARUUL_NOTIFY_INSTANCE_ID=name)
        )
        for name in ("notify-a", "notify-b")
    ]
    case_ids = [f"case-{uuid.uuid4().hex[:8]}" for _ in range(6)]
    alert_ids = [alert_id_for_case(case_id) for case_id in case_ids]
    try:
        await stack.publish_from_outside(case_ids)
        for alert_id in alert_ids:
            await sms_for(stack, PRIMARY_PHONE, alert_id, 40)
        processes[0].send_signal(signal.SIGKILL)
        await processes[0].wait()
        for alert_id in alert_ids:
            await sms_for(stack, SECONDARY_PHONE, alert_id, 40)
        await asyncio.sleep(2)  # time for a duplicate, were one to come
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
                await process.wait()
    for alert_id in alert_ids:
        assert len(stack.sms_to(PRIMARY_PHONE, alert_id)) == 1
        assert len(stack.sms_to(SECONDARY_PHONE, alert_id)) == 1
