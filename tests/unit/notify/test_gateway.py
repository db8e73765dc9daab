"""The DeliveryGateway over real gRPC, with a real SMTP server and the file SMS outbox."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import grpc
import pytest
from aiosmtpd.controller import Controller
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import delivery_pb2, delivery_pb2_grpc
from haruul_common.state_db import StateDb
from haruul_notify.gateway.adapters import OutgoingMessage
from haruul_notify.gateway.main import SERVICE_NAME, GatewayServer, start_gateway
from haruul_notify.gateway.metrics import GatewayMetrics
from haruul_notify.gateway.receipts import ReceiptStore
from haruul_notify.gateway.service import DeliveryGatewayService, KeyedLocks
from haruul_notify.gateway.settings import GatewaySettings
from tests.support.net import free_port
from tests.support.smtp import RecordingSmtpServer

TIMEOUT_S = 10.0
ALERT_ID = "alt-0123456789abcdef"
REPORT_ID = "rep-0001"


def _email(key: str = "alt-0123456789abcdef/desk/email/0") -> delivery_pb2.DeliverRequest:
    return delivery_pb2.DeliverRequest(
        idempotency_key=key,
        channel=delivery_pb2.CHANNEL_EMAIL,
        address="desk@consulate.example",
        subject=f"[Haruul CRITICAL] alert {ALERT_ID} (report {REPORT_ID})",
        body="Alert body with the engine's explanation.",
        alert_id=ALERT_ID,
        report_id=REPORT_ID,
        recipient_id="desk",
    )


def _sms(key: str = "alt-0123456789abcdef/duty/sms/0") -> delivery_pb2.DeliverRequest:
    return delivery_pb2.DeliverRequest(
        idempotency_key=key,
        channel=delivery_pb2.CHANNEL_SMS,
        address="+97699112233",
        body=f"HARUUL CRITICAL alert {ALERT_ID} report {REPORT_ID}.",
        alert_id=ALERT_ID,
        report_id=REPORT_ID,
        recipient_id="duty",
    )


@pytest.fixture
def smtp() -> Iterator[RecordingSmtpServer]:
    server = RecordingSmtpServer()
    server.start()
    yield server
    server.stop()


def _settings(tmp_path: Path, smtp_port: int) -> GatewaySettings:
    return GatewaySettings(
        http_port=0,
        host="127.0.0.1",
        port=0,
        receipts_db=tmp_path / "gateway.db",
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        smtp_timeout_s=5.0,
        sms_outbox_dir=tmp_path / "outbox" / "sms",
    )


Started = Callable[[GatewaySettings], Awaitable[GatewayServer]]


@pytest.fixture
async def gateways() -> AsyncIterator[Started]:
    """Start gateways on port 0; every one still running is stopped at the end."""
    running: list[GatewayServer] = []

    async def start(settings: GatewaySettings) -> GatewayServer:
        gateway = await start_gateway(settings)
        running.append(gateway)
        return gateway

    yield start
    for gateway in running:
        await gateway.stop(0)


async def _stub(
    gateway: GatewayServer,
) -> tuple[grpc.aio.Channel, delivery_pb2_grpc.DeliveryGatewayAsyncStub]:
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}")
    return channel, delivery_pb2_grpc.DeliveryGatewayStub(channel)


@pytest.fixture
async def gateway(tmp_path: Path, smtp: RecordingSmtpServer, gateways: Started) -> GatewayServer:
    return await gateways(_settings(tmp_path, smtp.port))


@pytest.fixture
async def stub(gateway: GatewayServer) -> AsyncIterator[delivery_pb2_grpc.DeliveryGatewayAsyncStub]:
    channel, stub = await _stub(gateway)
    yield stub
    await channel.close(None)


def _outbox(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "outbox" / "sms").glob("*"))


async def test_email_reaches_smtp_with_trace_headers(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, smtp: RecordingSmtpServer
) -> None:
    receipt = await stub.Deliver(_email(), timeout=TIMEOUT_S)

    assert receipt.status == delivery_pb2.DELIVERY_STATUS_ACCEPTED
    assert receipt.duplicate is False
    assert receipt.receipt_id.startswith("rcp-")
    assert receipt.channel == delivery_pb2.CHANNEL_EMAIL
    [message] = smtp.for_alert(ALERT_ID)
    assert message["X-Haruul-Alert-Id"] == ALERT_ID
    assert message["X-Haruul-Report-Id"] == REPORT_ID
    assert message["To"] == "desk@consulate.example"
    assert message["Subject"] == f"[Haruul CRITICAL] alert {ALERT_ID} (report {REPORT_ID})"
    assert message["Message-ID"] == receipt.channel_message_id
    assert "engine's explanation" in message.get_content()


async def test_sms_becomes_one_json_file_naming_alert_and_report(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, tmp_path: Path, smtp: RecordingSmtpServer
) -> None:
    receipt = await stub.Deliver(_sms(), timeout=TIMEOUT_S)

    [written] = _outbox(tmp_path)
    assert written.suffix == ".json"
    assert written.name.startswith(ALERT_ID)
    record: dict[str, Any] = json.loads(written.read_text(encoding="utf-8"))
    assert record["alert_id"] == ALERT_ID
    assert record["report_id"] == REPORT_ID
    assert record["to"] == "+97699112233"
    assert record["text"] == f"HARUUL CRITICAL alert {ALERT_ID} report {REPORT_ID}."
    assert record["message_id"] == receipt.channel_message_id
    assert receipt.channel == delivery_pb2.CHANNEL_SMS
    assert smtp.messages == []


async def test_same_key_twice_sends_once_and_returns_the_first_receipt(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, smtp: RecordingSmtpServer
) -> None:
    first = await stub.Deliver(_email(), timeout=TIMEOUT_S)
    second = await stub.Deliver(_email(), timeout=TIMEOUT_S)

    assert first.duplicate is False
    assert second.duplicate is True
    assert second.receipt_id == first.receipt_id
    assert second.channel_message_id == first.channel_message_id
    assert second.accepted_at == first.accepted_at
    assert len(smtp.messages) == 1


async def test_different_keys_each_send(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, smtp: RecordingSmtpServer
) -> None:
    first = await stub.Deliver(_email("k/desk/email/0"), timeout=TIMEOUT_S)
    second = await stub.Deliver(_email("k/desk/email/1"), timeout=TIMEOUT_S)

    assert not first.duplicate
    assert not second.duplicate
    assert first.receipt_id != second.receipt_id
    assert len(smtp.messages) == 2


async def test_concurrent_calls_with_one_key_send_exactly_once(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, smtp: RecordingSmtpServer
) -> None:
    receipts = await asyncio.gather(*(stub.Deliver(_email(), timeout=TIMEOUT_S) for _ in range(5)))

    assert len(smtp.messages) == 1
    assert sorted(r.duplicate for r in receipts) == [False, True, True, True, True]
    assert len({r.receipt_id for r in receipts}) == 1


async def test_concurrent_sms_with_one_key_writes_one_file(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, tmp_path: Path
) -> None:
    receipts = await asyncio.gather(*(stub.Deliver(_sms(), timeout=TIMEOUT_S) for _ in range(5)))

    assert len(_outbox(tmp_path)) == 1
    assert [r.duplicate for r in receipts].count(False) == 1


def _without(field: str, value: Any) -> delivery_pb2.DeliverRequest:
    request = _email()
    setattr(request, field, value)
    return request


@pytest.mark.parametrize(
    ("request_", "detail"),
    [
        (_without("idempotency_key", ""), "idempotency_key is required"),
        (_without("channel", delivery_pb2.CHANNEL_UNSPECIFIED), "channel must be"),
        (_without("channel", 99), "channel must be"),
        (_without("address", ""), "address is required"),
        (_without("body", ""), "body is required"),
        (_without("subject", "Alert\r\nBcc: someone@example.org"), "subject must be a single line"),
        (_without("report_id", "r-1\nX-Injected: 1"), "report_id must be a single line"),
    ],
)
async def test_invalid_request_is_invalid_argument_and_sends_nothing(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub,
    gateway: GatewayServer,
    smtp: RecordingSmtpServer,
    request_: delivery_pb2.DeliverRequest,
    detail: str,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.Deliver(request_, timeout=TIMEOUT_S)

    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert detail in (caught.value.details() or "")
    assert smtp.messages == []
    assert gateway.receipts.get(request_.idempotency_key) is None


async def test_smtp_down_is_unavailable_and_a_later_call_delivers(
    tmp_path: Path, gateways: Started
) -> None:
    smtp = RecordingSmtpServer()  # picks its port, not listening yet
    gateway = await gateways(_settings(tmp_path, smtp.port))
    channel, stub = await _stub(gateway)
    try:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.Deliver(_email(), timeout=TIMEOUT_S)
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        assert "SMTP unavailable" in (caught.value.details() or "")
        assert gateway.receipts.get(_email().idempotency_key) is None

        smtp.start()
        try:
            receipt = await stub.Deliver(_email(), timeout=TIMEOUT_S)
        finally:
            smtp.stop()
        assert receipt.duplicate is False
        assert len(smtp.for_alert(ALERT_ID)) == 1
        assert gateway.receipts.get(_email().idempotency_key) is not None
    finally:
        await channel.close(None)


class _RefusingHandler:
    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        return "550 5.1.1 no such mailbox"


async def test_smtp_refusing_the_recipient_is_failed_precondition(
    tmp_path: Path, gateways: Started
) -> None:
    port = free_port()
    refusing = Controller(_RefusingHandler(), hostname="127.0.0.1", port=port)
    refusing.start()
    try:
        gateway = await gateways(_settings(tmp_path, port))
        channel, stub = await _stub(gateway)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.Deliver(_email(), timeout=TIMEOUT_S)
        await channel.close(None)
    finally:
        refusing.stop()

    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert gateway.receipts.get(_email().idempotency_key) is None


async def test_health_reports_serving(gateway: GatewayServer) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
        health = health_pb2_grpc.HealthStub(channel)
        overall = await health.Check(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT_S)
        delivery = await health.Check(
            health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=TIMEOUT_S
        )

    assert overall.status == health_pb2.HealthCheckResponse.SERVING
    assert delivery.status == health_pb2.HealthCheckResponse.SERVING
    assert SERVICE_NAME == "haruul.notify.v1.DeliveryGateway"


async def test_receipts_survive_a_gateway_restart(
    tmp_path: Path, smtp: RecordingSmtpServer, gateways: Started
) -> None:
    settings = _settings(tmp_path, smtp.port)
    first_gateway = await gateways(settings)
    channel, stub = await _stub(first_gateway)
    first = await stub.Deliver(_email(), timeout=TIMEOUT_S)
    await channel.close(None)
    await first_gateway.stop(0)

    second_gateway = await gateways(settings)
    channel, stub = await _stub(second_gateway)
    try:
        again = await stub.Deliver(_email(), timeout=TIMEOUT_S)
    finally:
        await channel.close(None)

    assert again.duplicate is True
    assert again.receipt_id == first.receipt_id
    assert len(smtp.messages) == 1


async def test_keyed_locks_are_forgotten_when_nobody_holds_them() -> None:
    locks = KeyedLocks()
    order: list[str] = []

    async def hold(key: str, name: str) -> None:
        async with locks.hold(key):
            order.append(f"{name} in")
            await asyncio.sleep(0)
            order.append(f"{name} out")

    await asyncio.gather(hold("k", "a"), hold("k", "b"), hold("other", "c"))

    assert order.index("a out") < order.index("b in")  # one key: one holder at a time
    assert len(locks) == 0


async def test_a_send_cut_off_by_the_gateways_death_is_not_sent_again(
    gateway: GatewayServer,
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub,
    smtp: RecordingSmtpServer,
) -> None:
    # What a gateway killed between handing the e-mail to SMTP and storing the receipt leaves.
    key = "alt-0123456789abcdef/desk/email/step-300"
    assert await gateway.receipts.begin_send(key, "email", datetime.now(UTC)) == (None, True)

    first = await stub.Deliver(_email(key), timeout=TIMEOUT_S)
    again = await stub.Deliver(_email(key), timeout=TIMEOUT_S)

    assert smtp.messages == []  # it may have gone out before the death: never twice
    assert first.duplicate
    assert again.receipt_id == first.receipt_id
    assert first.channel_message_id == "unknown"
    unknown = gateway.metrics.registry.get_sample_value(
        "haruul_gateway_deliveries_total", {"channel": "email", "outcome": "unknown"}
    )
    assert unknown == 1  # counted once, and logged as delivery_outcome_unknown


class _NoteChecking:
    """A channel that looks, as another process would, for the send's note as it is handed a
    message."""

    def __init__(self, outside: StateDb) -> None:
        self._outside = outside
        self.noted_when_sent: list[bool] = []

    async def send(self, message: OutgoingMessage) -> str:
        row = self._outside.execute(
            "SELECT 1 FROM sending WHERE idempotency_key = ?", (message.idempotency_key,)
        ).fetchone()
        self.noted_when_sent.append(row is not None)
        await asyncio.sleep(0)
        return f"sms-{len(self.noted_when_sent)}"


async def test_concurrent_sends_each_have_their_note_and_receipt_on_disk_in_time(
    tmp_path: Path,
) -> None:
    receipts = ReceiptStore(tmp_path / "gateway.db")
    outside = StateDb(tmp_path / "gateway.db", "")  # what a restarted gateway would read
    channel = _NoteChecking(outside)
    service = DeliveryGatewayService(
        {"sms": channel, "email": channel}, receipts, GatewayMetrics(CollectorRegistry())
    )
    keys = [f"alt-0123456789abcdef/duty/sms/{n}" for n in range(24)]
    context: Any = None  # used only to refuse a call; none is refused here

    replies = await asyncio.gather(*(service.Deliver(_sms(key), context) for key in keys))
    stored_when_answered = [
        outside.execute(
            "SELECT receipt_id FROM receipts WHERE idempotency_key = ?", (reply.idempotency_key,)
        ).fetchone()[0]
        == reply.receipt_id
        for reply in replies
    ]
    receipts.close()
    outside.close()

    assert channel.noted_when_sent == [True] * 24  # each note committed before its send
    assert stored_when_answered == [True] * 24
    assert sorted(reply.idempotency_key for reply in replies) == sorted(keys)


# --- DeliverMany: each request answered exactly as Deliver answers it alone ---------------

INVALID_ARGUMENT = grpc.StatusCode.INVALID_ARGUMENT.value[0]
UNAVAILABLE = grpc.StatusCode.UNAVAILABLE.value[0]


def _many(*requests: delivery_pb2.DeliverRequest) -> delivery_pb2.DeliverManyRequest:
    return delivery_pb2.DeliverManyRequest(deliveries=list(requests))


async def test_each_request_gets_its_own_outcome_in_order(
    tmp_path: Path,
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub,
    smtp: RecordingSmtpServer,
) -> None:
    no_address = _email("k/desk/email/bad")
    no_address.address = ""

    response = await stub.DeliverMany(_many(_email(), no_address, _sms()), timeout=TIMEOUT_S)

    email, invalid, sms = response.outcomes
    assert email.receipt.idempotency_key == _email().idempotency_key
    assert email.receipt.duplicate is False
    assert invalid.WhichOneof("outcome") == "error"
    assert (invalid.error.code, invalid.error.message) == (INVALID_ARGUMENT, "address is required")
    assert sms.receipt.channel == delivery_pb2.CHANNEL_SMS
    assert len(smtp.for_alert(ALERT_ID)) == 1
    assert len(_outbox(tmp_path)) == 1


async def test_a_key_sends_once_whether_asked_in_one_call_or_across_calls(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, smtp: RecordingSmtpServer
) -> None:
    together = await stub.DeliverMany(_many(_email(), _email()), timeout=TIMEOUT_S)
    alone = await stub.Deliver(_email(), timeout=TIMEOUT_S)

    first, second = together.outcomes
    assert sorted([first.receipt.duplicate, second.receipt.duplicate]) == [False, True]
    assert first.receipt.receipt_id == second.receipt.receipt_id == alone.receipt_id
    assert alone.duplicate is True
    assert len(smtp.for_alert(ALERT_ID)) == 1


async def test_a_channel_down_fails_only_its_own_deliveries(
    tmp_path: Path, gateways: Started
) -> None:
    smtp = RecordingSmtpServer()  # picks its port, not listening: e-mail is unavailable
    gateway = await gateways(_settings(tmp_path, smtp.port))
    channel, stub = await _stub(gateway)
    try:
        response = await stub.DeliverMany(_many(_email(), _sms()), timeout=TIMEOUT_S)
    finally:
        await channel.close(None)

    email, sms = response.outcomes
    assert email.error.code == UNAVAILABLE
    assert "SMTP unavailable" in email.error.message
    assert gateway.receipts.get(_email().idempotency_key) is None  # free to be tried again
    assert sms.receipt.duplicate is False
    assert len(_outbox(tmp_path)) == 1


async def test_no_deliveries_get_no_outcomes(
    stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub,
) -> None:
    response = await stub.DeliverMany(_many(), timeout=TIMEOUT_S)

    assert list(response.outcomes) == []
