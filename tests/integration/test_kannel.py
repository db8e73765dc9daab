"""SMS through a real Kannel (bearerbox + smsbox) and its fake SMSC: outbound via sendsms,
inbound replies and delivery reports back to an HTTP server of ours (Starlette on uvicorn).

One Kannel and one callback server serve the whole module.
"""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from haruul_notify.gateway.adapters import ChannelRefused, ChannelUnavailable, OutgoingMessage
from haruul_notify.gateway.kannel import CONNECTIONS, KannelSmsAdapter, dlr_url_for
from haruul_notify.gateway.main import start_gateway
from haruul_notify.gateway.settings import GatewaySettings
from haruul_notify.gateway.sms_inbound import (
    DeliveryReport,
    DlrStatus,
    InboundParseError,
    InboundSms,
    parse_ack_reply,
    parse_dlr,
    parse_inbound,
)
from tests.support.kannel import FakeSmscMessage, RunningKannel
from tests.support.net import free_port

pytestmark = pytest.mark.integration

PHONE = "+97699112233"
SHORT_CODE = "1903"


@dataclass
class CallbackServer:
    """What Kannel called back with: inbound SMS and delivery reports, parsed."""

    port: int
    inbound: list[InboundSms] = field(default_factory=list)
    reports: list[DeliveryReport] = field(default_factory=list)

    @property
    def get_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1/sms/inbound?from=%p&to=%P&text=%a"

    @property
    def dlr_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1/sms/dlr"

    async def wait_inbound(self, text_contains: str, timeout_s: float = 10.0) -> InboundSms:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for sms in self.inbound:
                if text_contains in sms.text:
                    return sms
            await asyncio.sleep(0.02)
        raise AssertionError(f"no inbound SMS with {text_contains!r}: {self.inbound!r}")

    async def wait_report(
        self, message_id: str, status: DlrStatus, timeout_s: float = 10.0
    ) -> DeliveryReport:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for report in self.reports:
                if report.message_id == message_id and report.status is status:
                    return report
            await asyncio.sleep(0.02)
        raise AssertionError(f"no {status.name} report for {message_id}: {self.reports!r}")


@pytest.fixture(scope="module")
async def callbacks() -> AsyncIterator[CallbackServer]:
    server_state = CallbackServer(port=free_port())

    async def inbound(request: Request) -> PlainTextResponse:
        try:
            server_state.inbound.append(parse_inbound(request.query_params))
        except InboundParseError as error:
            return PlainTextResponse(str(error), status_code=400)
        return PlainTextResponse("")

    async def dlr(request: Request) -> PlainTextResponse:
        try:
            server_state.reports.append(parse_dlr(request.query_params))
        except InboundParseError as error:
            return PlainTextResponse(str(error), status_code=400)
        return PlainTextResponse("")

    app = Starlette(routes=[Route("/v1/sms/inbound", inbound), Route("/v1/sms/dlr", dlr)])
    config = uvicorn.Config(
        app, host="127.0.0.1", port=server_state.port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "the callback server did not start"
        await asyncio.sleep(0.01)
    yield server_state
    server.should_exit = True
    await task


@pytest.fixture(scope="module")
def kannel(callbacks: CallbackServer) -> Iterator[RunningKannel]:
    with RunningKannel(get_url=callbacks.get_url) as running:
        yield running


# Adapters keep their connections open: each test's are closed when it ends.
_OPEN_ADAPTERS: list[KannelSmsAdapter] = []


@pytest.fixture(autouse=True)
async def _close_adapters() -> AsyncIterator[None]:
    yield
    while _OPEN_ADAPTERS:
        await _OPEN_ADAPTERS.pop().close()


def _adapter(
    kannel: RunningKannel,
    dlr_url: str | None = None,
    *,
    password: str | None = None,
    sender: str = SHORT_CODE,
) -> KannelSmsAdapter:
    adapter = KannelSmsAdapter(
        kannel.sendsms_url, kannel.username, password or kannel.password, sender, 5.0, dlr_url
    )
    _OPEN_ADAPTERS.append(adapter)
    return adapter


def _message(body: str, address: str = PHONE, key: str | None = None) -> OutgoingMessage:
    return OutgoingMessage(
        address=address,
        subject="ignored for SMS",
        body=body,
        alert_id="alt-test",
        report_id="rpt-test",
        idempotency_key=key or uuid.uuid4().hex,
    )


def _text_is(body: str) -> Callable[[FakeSmscMessage], bool]:
    return lambda message: message.text == body


def _tag() -> str:
    return uuid.uuid4().hex[:8]


async def test_latin_sms_reaches_the_fake_smsc(kannel: RunningKannel) -> None:
    body = f"Haruul alert {_tag()}: reply ACK 4F7K"
    message_id = await _adapter(kannel).send(_message(body))
    assert message_id.startswith("kannel-")
    got = await kannel.wait_for_message(lambda m: m.text == body)
    assert (got.sender, got.receiver, got.coding, got.parts) == (SHORT_CODE, PHONE, "text", 1)


async def test_gsm7_extension_characters_arrive_as_text(kannel: RunningKannel) -> None:
    body = f"Price 5€ [{_tag()}] {{x}} ~ ^ | café"
    await _adapter(kannel).send(_message(body))
    got = await kannel.wait_for_message(lambda m: m.text == body)
    assert got.coding == "text"


async def test_cyrillic_arrives_intact_as_ucs2(kannel: RunningKannel) -> None:
    body = f"Анхаар: ноцтой дохио {_tag()}"
    await _adapter(kannel).send(_message(body))
    got = await kannel.wait_for_message(lambda m: m.text == body)
    assert (got.coding, got.parts) == ("ucs-2", 1)


async def test_long_latin_message_arrives_complete_in_two_segments(kannel: RunningKannel) -> None:
    body = f"{_tag()} " + "Consular alert: a citizen reports a serious incident. " * 4
    assert 160 < len(body) <= 306
    await _adapter(kannel).send(_message(body))
    got = await kannel.wait_for_message(lambda m: m.text == body)
    assert got.parts == 2


async def test_long_cyrillic_message_arrives_complete_in_two_segments(
    kannel: RunningKannel,
) -> None:
    body = f"{_tag()} " + "Анхаар: ноцтой дохио. " * 5
    assert 70 < len(body) <= 134
    await _adapter(kannel).send(_message(body))
    got = await kannel.wait_for_message(lambda m: m.text == body)
    assert (got.coding, got.parts) == ("ucs-2", 2)


async def test_wrong_password_is_refused_without_leaking_number_or_text(
    kannel: RunningKannel,
) -> None:
    adapter = _adapter(kannel, password="wrong")
    body = f"secret text {_tag()}"
    with pytest.raises(ChannelRefused) as refused:
        await adapter.send(_message(body))
    assert "403" in str(refused.value)
    assert PHONE not in str(refused.value)
    assert "99112233" not in str(refused.value)
    assert body not in str(refused.value)


async def test_missing_sender_is_refused(kannel: RunningKannel) -> None:
    adapter = _adapter(kannel, sender="")
    with pytest.raises(ChannelRefused, match="Sender missing"):
        await adapter.send(_message("no sender"))


@pytest.mark.parametrize("address", ["+976 99112233", "99112233 88001122", "", "abc"])
async def test_anything_but_one_number_is_refused_before_kannel(
    kannel: RunningKannel, address: str
) -> None:
    # Kannel reads a space in `to` as a second receiver: that must never reach it.
    before = len(kannel.received())
    with pytest.raises(ChannelRefused, match="one phone number") as refused:
        await _adapter(kannel).send(_message("multi", address=address))
    assert not address or address not in str(refused.value)
    await asyncio.sleep(0.1)
    assert len(kannel.received()) == before


async def test_kannel_down_is_unavailable() -> None:
    closed = free_port()
    adapter = KannelSmsAdapter(f"http://127.0.0.1:{closed}", "u", "p", SHORT_CODE, 2.0)
    with pytest.raises(ChannelUnavailable, match="unreachable") as unavailable:
        await adapter.send(_message("anyone there?"))
    assert PHONE not in str(unavailable.value)


async def test_kannel_hanging_is_unavailable_after_the_timeout() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection, never answers
        port = silent.getsockname()[1]
        adapter = KannelSmsAdapter(f"http://127.0.0.1:{port}", "u", "p", SHORT_CODE, 0.3)
        _OPEN_ADAPTERS.append(adapter)
        started = time.monotonic()
        with pytest.raises(ChannelUnavailable, match="timed out"):
            await adapter.send(_message("hello?"))
        assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (503, "Service unavailable", ChannelUnavailable),
        (500, "4: Unknown error", ChannelUnavailable),
        (202, "something else", ChannelUnavailable),
        (400, "Number(s) has/have been denied by white- and/or black-lists.", ChannelRefused),
    ],
)
async def test_kannel_answers_map_to_channel_errors(
    status: int, body: str, error: type[Exception]
) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, text=body))
    adapter = KannelSmsAdapter("http://kannel", "u", "p", SHORT_CODE, 1.0, transport=transport)
    with pytest.raises(error, match=f"HTTP {status}"):
        await adapter.send(_message("x"))


async def test_queued_for_later_delivery_counts_as_accepted() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(202, text="3: Queued for later delivery")
    )
    adapter = KannelSmsAdapter("http://kannel", "u", "p", SHORT_CODE, 1.0, transport=transport)
    assert (await adapter.send(_message("x"))).startswith("kannel-")


async def test_sendsms_request_parameters() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(202, text="0: Accepted for delivery")

    adapter = KannelSmsAdapter(
        "http://kannel/",
        "u",
        "p",
        SHORT_CODE,
        1.0,
        "http://gw/dlr?x=1",
        transport=httpx.MockTransport(answer),
    )
    message_id = await adapter.send(_message("Анхаар", key="k/1 Ü"))
    latin_id = await adapter.send(_message("Alert"))
    cyrillic, latin = (dict(request.url.params) for request in seen)
    assert seen[0].url.path == "/cgi-bin/sendsms"
    assert cyrillic["coding"] == "2"
    assert cyrillic["charset"] == "UTF-8"
    assert cyrillic["text"] == "Анхаар"
    assert cyrillic["to"] == PHONE
    assert cyrillic["from"] == SHORT_CODE
    assert cyrillic["dlr-mask"] == "31"
    assert cyrillic["dlr-url"] == dlr_url_for("http://gw/dlr?x=1", message_id, "k/1 Ü")
    assert cyrillic["dlr-url"].endswith("&status=%d")
    assert "coding" not in latin
    assert latin_id != message_id


async def test_too_many_segments_is_refused() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(202, text="0: Accepted"))
    adapter = KannelSmsAdapter(
        "http://kannel", "u", "p", SHORT_CODE, 1.0, max_segments=2, transport=transport
    )
    with pytest.raises(ChannelRefused, match="3 UCS-2 segments"):
        await adapter.send(_message("Ж" * 150))


class KeepAliveSendsms:
    """A sendsms stand-in that keeps each connection open for more requests, as smsbox does,
    and counts the connections; `hang_ups` requests are met by closing the connection
    unanswered instead, as smsbox does when its idle timeout strikes under a request."""

    ACCEPTED = b"HTTP/1.1 202 Accepted\r\nContent-Length: 24\r\n\r\n0: Accepted for delivery"

    def __init__(self) -> None:
        self.accepted = 0
        self.hang_ups = 0
        self.connection_closed = asyncio.Event()
        self.writers: set[asyncio.StreamWriter] = set()
        self.server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        self.writers.add(writer)
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")  # a GET: the head is all
                if self.hang_ups:
                    self.hang_ups -= 1
                    break
                writer.write(self.ACCEPTED)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the client closed the connection
        finally:
            self.writers.discard(writer)
            writer.close()
            self.connection_closed.set()

    async def close_idle(self) -> None:
        for writer in list(self.writers):
            writer.close()
        await asyncio.sleep(0.05)  # for the FINs to arrive


@pytest.fixture
async def sendsms() -> AsyncIterator[KeepAliveSendsms]:
    fake = KeepAliveSendsms()
    fake.server = await asyncio.start_server(fake._serve, "127.0.0.1", 0)
    yield fake
    fake.server.close()
    await fake.close_idle()


@pytest.fixture
def kept_alive(sendsms: KeepAliveSendsms) -> KannelSmsAdapter:
    adapter = KannelSmsAdapter(sendsms.url, "u", "p", SHORT_CODE, 2.0)
    _OPEN_ADAPTERS.append(adapter)
    return adapter


async def test_several_sms_share_one_connection(
    sendsms: KeepAliveSendsms, kept_alive: KannelSmsAdapter
) -> None:
    for n in range(5):
        await kept_alive.send(_message(f"alert {n}"))
    assert sendsms.accepted == 1


async def test_sms_sent_at_once_open_at_most_the_pool_size(
    sendsms: KeepAliveSendsms, kept_alive: KannelSmsAdapter
) -> None:
    await asyncio.gather(*(kept_alive.send(_message(f"alert {n}")) for n in range(3 * CONNECTIONS)))
    assert 1 <= sendsms.accepted <= CONNECTIONS


async def test_a_connection_closed_while_idle_is_replaced(
    sendsms: KeepAliveSendsms, kept_alive: KannelSmsAdapter
) -> None:
    await kept_alive.send(_message("first"))
    await sendsms.close_idle()
    assert (await kept_alive.send(_message("second"))).startswith("kannel-")
    assert sendsms.accepted == 2


async def test_a_kept_connection_closed_under_the_request_is_retried_on_a_new_one(
    sendsms: KeepAliveSendsms, kept_alive: KannelSmsAdapter
) -> None:
    await kept_alive.send(_message("first"))
    sendsms.hang_ups = 1
    assert (await kept_alive.send(_message("second"))).startswith("kannel-")
    assert (sendsms.accepted, sendsms.hang_ups) == (2, 0)


async def test_a_new_connection_closed_unanswered_is_unavailable_without_retry(
    sendsms: KeepAliveSendsms, kept_alive: KannelSmsAdapter
) -> None:
    sendsms.hang_ups = 1
    with pytest.raises(ChannelUnavailable, match="unreachable") as unavailable:
        await kept_alive.send(_message("secret text"))
    assert sendsms.accepted == 1
    assert PHONE not in str(unavailable.value)
    assert "secret text" not in str(unavailable.value)


async def test_one_adapter_sends_several_sms_through_kannel(kannel: RunningKannel) -> None:
    adapter = _adapter(kannel)
    bodies = [f"kept connection {n} {_tag()}" for n in range(3)]
    for body in bodies:
        await adapter.send(_message(body))
    for body in bodies:
        await kannel.wait_for_message(_text_is(body))


async def test_gateway_stop_closes_the_kannel_connections(
    sendsms: KeepAliveSendsms, tmp_path: Path
) -> None:
    settings = GatewaySettings(
        host="127.0.0.1",
        port=0,
        http_port=0,
        receipts_db=tmp_path / "gateway.db",
        sms_adapter="kannel",
        kannel_url=sendsms.url,
        kannel_password=SecretStr("p"),
        kannel_timeout_s=2.0,
    )
    gateway = await start_gateway(settings)
    try:
        await gateway.sms.send(_message("before shutdown"))
        assert len(sendsms.writers) == 1
    finally:
        await gateway.stop(0)
    # Closed by the gateway, not by the fake at teardown.
    await asyncio.wait_for(sendsms.connection_closed.wait(), 2)
    assert not sendsms.writers


async def test_inbound_ack_reply_reaches_our_http_server(
    kannel: RunningKannel, callbacks: CallbackServer
) -> None:
    await kannel.send_inbound(PHONE, SHORT_CODE, "ACK 4F7K")
    sms = await callbacks.wait_inbound("4F7K")
    assert (sms.sender, sms.recipient, sms.text) == (PHONE, SHORT_CODE, "ACK 4F7K")
    assert parse_ack_reply(sms.text) == "4F7K"


async def test_inbound_cyrillic_ack_reply_arrives_as_utf8(
    kannel: RunningKannel, callbacks: CallbackServer
) -> None:
    # Sent by fakesmsc as UCS-2, as a phone would; smsbox's mo-recode turns it into UTF-8.
    await kannel.send_inbound("+97688001122", SHORT_CODE, "АСК 7М3Р")
    sms = await callbacks.wait_inbound("АСК")
    assert sms.text == "АСК 7М3Р"
    assert parse_ack_reply(sms.text) == "7M3P"


async def test_delivery_reports_reach_our_http_server(
    kannel: RunningKannel, callbacks: CallbackServer
) -> None:
    key = "alert-1:report/2 Ü %C3%d"  # nothing here may be read as a Kannel %-escape
    body = f"with DLR {_tag()}"
    message_id = await _adapter(kannel, callbacks.dlr_url).send(_message(body, key=key))
    await kannel.wait_for_message(lambda m: m.text == body)
    delivered = await callbacks.wait_report(message_id, DlrStatus.DELIVERED)
    assert delivered.idempotency_key == key
    submitted = await callbacks.wait_report(message_id, DlrStatus.SMSC_SUBMIT)
    assert submitted.idempotency_key == key


async def test_a_two_part_message_gets_one_report_per_status(
    kannel: RunningKannel, callbacks: CallbackServer
) -> None:
    body = f"{_tag()} " + "Long message with a delivery report. " * 6
    message_id = await _adapter(kannel, callbacks.dlr_url).send(_message(body))
    await kannel.wait_for_message(lambda m: m.text == body)
    await callbacks.wait_report(message_id, DlrStatus.DELIVERED)
    await asyncio.sleep(0.3)
    statuses = sorted(r.status for r in callbacks.reports if r.message_id == message_id)
    assert statuses == [DlrStatus.DELIVERED, DlrStatus.SMSC_SUBMIT]


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ("ACK 4F7K", "4F7K"),
        ("ack 4f7k", "4F7K"),
        ("Ack: 4F7K", "4F7K"),
        ("  ACK-4F7K. ", "4F7K"),
        ("ACK4F7K", "4F7K"),
        ("АСК 4F7K", "4F7K"),  # Cyrillic А, С, К
        ("аск 4f7к", "4F7K"),  # lower-case Cyrillic, Cyrillic к in the code
        ("OK 4F7K", "4F7K"),
        ("ОК 4F7K!", "4F7K"),  # Cyrillic О, К
        ("ＡＣＫ　４Ｆ７Ｋ", "4F7K"),  # full-width
        ("ACK #4F7K", "4F7K"),
        ("4F7K", None),  # a bare code is not an ack
        ("OK", None),
        ("ok thanks, on my way", None),
        ("ACK 4F7K 9XYZ", None),
        ("ACK 4F", None),
        ("", None),
        ("please call me", None),
    ],
)
def test_parse_ack_reply(reply: str, code: str | None) -> None:
    assert parse_ack_reply(reply) == code


def test_parse_inbound_needs_a_sender() -> None:
    assert parse_inbound({"from": "+976", "text": "hi"}) == InboundSms("+976", "", "hi")
    with pytest.raises(InboundParseError):
        parse_inbound({"to": "1903", "text": "hi"})


@pytest.mark.parametrize(
    "params",
    [{"status": "1"}, {"id": "m", "status": "3"}, {"id": "m", "status": "x"}, {"id": "m"}],
)
def test_parse_dlr_rejects_malformed_reports(params: dict[str, str]) -> None:
    with pytest.raises(InboundParseError):
        parse_dlr(params)


def test_dlr_status_finality() -> None:
    final = {s for s in DlrStatus if s.is_final}
    assert final == {DlrStatus.DELIVERED, DlrStatus.FAILED, DlrStatus.SMSC_REJECT}
