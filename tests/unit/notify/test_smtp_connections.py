"""The e-mail adapter keeps its SMTP connections open and reuses them; when the server has
closed one meanwhile, the next e-mail goes out on a new connection, once."""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from haruul_notify.gateway.adapters import (
    ChannelUnavailable,
    OutgoingMessage,
    SmtpConfig,
    SmtpEmailAdapter,
)
from tests.support.net import free_port


def _message(
    n: int, subject: str = "[Haruul CRITICAL] alert", body: str = "Alert"
) -> OutgoingMessage:
    return OutgoingMessage(
        address="duty@consulate.example",
        subject=subject,
        body=body,
        alert_id=f"alt-{n}",
        report_id=f"rep-{n}",
        idempotency_key=f"alt-{n}/duty/email/step-300",
    )


class CountingServer:
    """Keeps each message and the server-side connection (session) that carried it."""

    def __init__(self) -> None:
        self.port = free_port()
        self.received: list[tuple[int, bytes]] = []
        self.connections: dict[int, Any] = {}  # id(session) -> the server's SMTP protocol
        self._controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.connections[id(session)] = server
        self.received.append((id(session), envelope.original_content or b""))
        return "250 OK"

    def drop_connections(self) -> None:
        """What an idle timeout does: the server closes every open connection."""
        assert self._controller is not None
        for server in self.connections.values():
            self._controller.loop.call_soon_threadsafe(server.transport.close)

    def start(self) -> None:
        """Listen (again) on the same port."""
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def server() -> Iterator[CountingServer]:
    running = CountingServer()
    running.start()
    yield running
    running.stop()


@pytest.fixture
async def adapter(server: CountingServer) -> AsyncIterator[SmtpEmailAdapter]:
    opened = SmtpEmailAdapter(
        SmtpConfig(
            host="127.0.0.1",
            port=server.port,
            sender="alerts@haruul.example",
            starttls=False,
            username=None,
            password=None,
            timeout_s=5,
            connections=2,
        )
    )
    yield opened
    await opened.close()


async def test_one_connection_carries_many_emails(
    server: CountingServer, adapter: SmtpEmailAdapter
) -> None:
    for n in range(5):
        await adapter.send(_message(n))

    assert len(server.received) == 5
    assert len({session for session, _ in server.received}) == 1


async def test_concurrent_emails_use_at_most_the_configured_connections(
    server: CountingServer, adapter: SmtpEmailAdapter
) -> None:
    ids = await asyncio.gather(*(adapter.send(_message(n)) for n in range(12)))

    assert len(set(ids)) == 12
    assert len(server.received) == 12
    assert len({session for session, _ in server.received}) <= 2


@pytest.mark.parametrize("noticed", [True, False], ids=["noticed", "found-at-mail-from"])
async def test_a_connection_the_server_closed_is_replaced_and_the_email_sent_once(
    server: CountingServer, adapter: SmtpEmailAdapter, noticed: bool
) -> None:
    await adapter.send(_message(1))
    server.drop_connections()
    if noticed:
        await asyncio.sleep(0.2)  # the adapter's event loop sees the connection close
    else:
        time.sleep(0.2)  # noqa: ASYNC251 - the adapter must learn of the close only at MAIL FROM

    await adapter.send(_message(2))
    await adapter.send(_message(3))

    bodies = [content for _, content in server.received]
    assert [b"X-Haruul-Alert-Id: alt-2" in body for body in bodies].count(True) == 1
    assert len(bodies) == 3
    assert len({session for session, _ in server.received}) == 2  # one new connection


async def test_a_server_that_went_away_is_unavailable_then_used_again_when_back(
    server: CountingServer, adapter: SmtpEmailAdapter
) -> None:
    await adapter.send(_message(1))
    server.stop()
    with pytest.raises(ChannelUnavailable):
        await adapter.send(_message(2))

    server.start()
    await adapter.send(_message(3))
    assert [b"alt-3" in content for _, content in server.received][-1]


async def test_the_email_reads_the_same_to_a_mail_parser(
    server: CountingServer, adapter: SmtpEmailAdapter
) -> None:
    subject = "[Haruul ЯАРАЛТАЙ] сэрэмжлүүлэг alt-7 (тайлан rep-7) 🚨 " + "урт гарчиг " * 6
    body = "Сэрэмжлүүлэг: alt-7\n.line that starts with a dot\n\nТайлбар: " + "ж" * 600
    message_id = await adapter.send(_message(7, subject=subject, body=body))

    [(_, content)] = server.received
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    assert parsed["Subject"] == subject
    assert parsed["From"] == "alerts@haruul.example"
    assert parsed["To"] == "duty@consulate.example"
    assert parsed["Message-ID"] == message_id
    assert parsed["X-Haruul-Alert-Id"] == "alt-7"
    assert parsed["X-Haruul-Report-Id"] == "rep-7"
    assert parsed.get_content().rstrip("\n") == body
    head, _ = content.split(b"\r\n\r\n", 1)
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))  # headers folded
    assert all(len(line) <= 998 for line in content.split(b"\r\n"))


async def test_a_long_plain_subject_is_folded_and_reads_back_whole(
    server: CountingServer, adapter: SmtpEmailAdapter
) -> None:
    subject = "[Haruul CRITICAL] alert alt-8 (report rep-8)" + " three new reports" * 8
    await adapter.send(_message(8, subject=subject))

    [(_, content)] = server.received
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    assert parsed["Subject"] == subject
    head, _ = content.split(b"\r\n\r\n", 1)
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))
