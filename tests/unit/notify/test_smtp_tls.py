"""E-mail through an SMTP relay that demands STARTTLS and a login, as a ministry relay does."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from haruul_notify.gateway.adapters import (
    ChannelUnavailable,
    OutgoingMessage,
    SmtpConfig,
    SmtpEmailAdapter,
)
from tests.support.certificates import self_signed_certificate
from tests.support.net import free_port

MESSAGE = OutgoingMessage(
    address="duty@consulate.example",
    subject="[Haruul] alert",
    body="Alert alt-1",
    alert_id="alt-1",
    report_id="r-1",
    idempotency_key="alt-1/duty/email/step-300",
)


class Relay:
    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.received.append(envelope.original_content or b"")
        return "250 OK"


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"haruul",
        b"relay-secret",
    )
    return AuthResult(success=ok)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[tuple[Relay, int, Path]]:
    cert, key = self_signed_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler, port = Relay(), free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        authenticator=_authenticate,
        auth_required=True,
        auth_require_tls=True,
    )
    controller.start()
    yield handler, port, cert
    controller.stop()


def _adapter(port: int, cert: Path, password: str) -> SmtpEmailAdapter:
    return SmtpEmailAdapter(
        SmtpConfig(
            host="127.0.0.1",
            port=port,
            sender="alerts@haruul.example",
            starttls=True,
            username="haruul",
            password=password,
            timeout_s=5,
            ca_file=str(cert),
        )
    )


async def test_mail_goes_through_starttls_and_login(relay: tuple[Relay, int, Path]) -> None:
    handler, port, cert = relay
    message_id = await _adapter(port, cert, "relay-secret").send(MESSAGE)
    [received] = handler.received
    assert b"X-Haruul-Alert-Id: alt-1" in received
    assert message_id.startswith("<")


async def test_a_wrong_password_is_retried_later_not_given_up(
    relay: tuple[Relay, int, Path],
) -> None:
    handler, port, cert = relay
    with pytest.raises(ChannelUnavailable, match="SMTP unavailable"):
        await _adapter(port, cert, "wrong").send(MESSAGE)
    assert handler.received == []
