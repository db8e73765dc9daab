"""Channel adapters: hand one rendered message to a real channel and return its message id.

Each raises `ChannelUnavailable` for failures worth retrying (the channel is down) and
`ChannelRefused` for failures that a retry will not fix (the address is refused).
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import make_msgid
from pathlib import Path
from typing import Protocol

import aiosmtplib
from aiosmtplib.email import quote_address
from aiosmtplib.typing import SMTPStatus

from haruul_notify.gateway.email_text import email_bytes


class ChannelUnavailable(Exception):
    """The channel could not be reached; the same delivery may succeed later."""


class ChannelRefused(Exception):
    """The channel refused this message; retrying it will not help."""


@dataclass(frozen=True)
class OutgoingMessage:
    address: str
    subject: str
    body: str
    alert_id: str
    report_id: str
    idempotency_key: str


class ChannelAdapter(Protocol):
    async def send(self, message: OutgoingMessage) -> str: ...


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    starttls: bool
    username: str | None
    password: str | None
    timeout_s: float
    # CA bundle that signs the server's certificate, when it is not in the system's store.
    ca_file: str | None = None
    # Connections kept open and reused, one e-mail at a time each.
    connections: int = 8


# The reply of a server closing the connection (an idle timeout, a restart).
_SERVICE_CLOSING = 421


@functools.lru_cache(maxsize=1024)
def _path(address: str) -> bytes:
    """An address as MAIL FROM and RCPT TO carry it: `<local@domain>`."""
    quoted = quote_address(address)
    return quoted.encode("ascii" if quoted.isascii() else "utf-8")


@contextmanager
def _closed_on_error(smtp: aiosmtplib.SMTP) -> Iterator[None]:
    """A connection that erred is not used again (it may be mid-transaction)."""
    try:
        yield
    except BaseException:
        smtp.close()
        raise


class SmtpEmailAdapter:
    """E-mail over a few SMTP connections kept open and reused — STARTTLS and the login done
    once per connection, not once per e-mail. A connection that errs is closed and replaced."""

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config
        self._idle: list[aiosmtplib.SMTP] = []
        self._slots = asyncio.Semaphore(config.connections)

    async def send(self, message: OutgoingMessage) -> str:
        message_id = make_msgid(domain="haruul.local")
        async with self._slots:
            kept = self._idle.pop() if self._idle else None
            try:
                if kept is not None and kept.is_connected:
                    smtp = await self._send_on_kept(kept, message, message_id)
                else:
                    smtp = await self._connect()
                    await self._send_on(smtp, message, message_id)
            except (aiosmtplib.SMTPRecipientRefused, aiosmtplib.SMTPSenderRefused) as error:
                raise ChannelRefused(f"SMTP refused the message ({type(error).__name__})") from None
            except (aiosmtplib.SMTPException, OSError) as error:
                # Authentication and TLS failures land here too: a fixed setting makes the retry
                # succeed, so the alert waits for it rather than being given up.
                raise ChannelUnavailable(f"SMTP unavailable ({type(error).__name__})") from None
            self._idle.append(smtp)
        return message_id

    async def _connect(self) -> aiosmtplib.SMTP:
        config = self._config
        smtp = aiosmtplib.SMTP(
            hostname=config.host,
            port=config.port,
            start_tls=config.starttls,
            username=config.username,
            password=config.password,
            timeout=config.timeout_s,
            cert_bundle=config.ca_file,
        )
        await smtp.connect()  # closes itself when STARTTLS or the login fails
        with _closed_on_error(smtp):
            if smtp.is_ehlo_or_helo_needed:  # the extensions are known before the first MAIL
                await smtp.ehlo()
        return smtp

    async def _send_on_kept(
        self, smtp: aiosmtplib.SMTP, message: OutgoingMessage, message_id: str
    ) -> aiosmtplib.SMTP:
        """Send on a kept connection — or, when the server has closed it meanwhile, on a new
        one: that shows at MAIL FROM, before anything of the message went out, so the e-mail
        cannot arrive twice. The connection used is returned."""
        with _closed_on_error(smtp):
            try:
                await self._mail_from(smtp, message)
            except aiosmtplib.SMTPResponseException as error:
                if error.code != _SERVICE_CLOSING:
                    raise
                stale = True
            except ConnectionError:  # aiosmtplib's SMTPServerDisconnected among them
                stale = True
            else:
                stale = False
            if not stale:
                await self._rcpt_and_data(smtp, message, message_id)
                return smtp
        smtp.close()
        fresh = await self._connect()
        await self._send_on(fresh, message, message_id)
        return fresh

    async def _send_on(
        self, smtp: aiosmtplib.SMTP, message: OutgoingMessage, message_id: str
    ) -> None:
        with _closed_on_error(smtp):
            await self._mail_from(smtp, message)
            await self._rcpt_and_data(smtp, message, message_id)

    def _utf8(self, message: OutgoingMessage) -> bool:
        return not (self._config.sender + message.address).isascii()

    async def _mail_from(self, smtp: aiosmtplib.SMTP, message: OutgoingMessage) -> None:
        options = []
        if self._utf8(message):
            if not smtp.supports_extension("smtputf8"):
                raise aiosmtplib.SMTPNotSupported("a non-ASCII address needs SMTPUTF8")
            options.append(b"SMTPUTF8")
        if smtp.supports_extension("8bitmime"):
            options.append(b"BODY=8BITMIME")
        sender = self._config.sender
        # What SMTP.mail() sends, with the sender's path worked out once, not per e-mail.
        response = await smtp.execute_command(b"MAIL", b"FROM:" + _path(sender), *options)
        if response.code != SMTPStatus.completed:
            raise aiosmtplib.SMTPSenderRefused(response.code, response.message, sender)

    async def _rcpt_and_data(
        self, smtp: aiosmtplib.SMTP, message: OutgoingMessage, message_id: str
    ) -> None:
        response = await smtp.execute_command(b"RCPT", b"TO:" + _path(message.address))
        if response.code not in (SMTPStatus.completed, SMTPStatus.will_forward):
            raise aiosmtplib.SMTPRecipientRefused(response.code, response.message, message.address)
        await smtp.data(
            email_bytes(
                sender=self._config.sender,
                to=message.address,
                subject=message.subject,
                body=message.body,
                message_id=message_id,
                alert_id=message.alert_id,
                report_id=message.report_id,
                eight_bit=smtp.supports_extension("8bitmime"),
            )
        )

    async def close(self) -> None:
        """QUIT on every kept connection."""
        idle, self._idle = self._idle, []
        for smtp in idle:
            try:
                await smtp.quit()
            except (aiosmtplib.SMTPException, OSError):
                smtp.close()


class FileSmsAdapter:
    """Development sink: each SMS becomes one JSON file, written atomically."""

    def __init__(self, outbox_dir: Path) -> None:
        self._outbox_dir = outbox_dir

    async def send(self, message: OutgoingMessage) -> str:
        message_id = f"sms-{uuid.uuid4().hex[:12]}"
        record = {
            "message_id": message_id,
            "alert_id": message.alert_id,
            "report_id": message.report_id,
            "to": message.address,
            "text": message.body,
        }
        text = json.dumps(record, ensure_ascii=False, indent=2)
        final = self._outbox_dir / f"{message.alert_id}-{message_id}.json"
        try:
            try:
                _write_atomically(final, text)
            except FileNotFoundError:  # no outbox yet, or it was removed: made when missing
                self._outbox_dir.mkdir(parents=True, exist_ok=True)
                _write_atomically(final, text)
        except OSError as error:
            raise ChannelUnavailable(f"SMS outbox not writable ({error.strerror})") from None
        return message_id


def _write_atomically(final: Path, text: str) -> None:
    partial = final.with_suffix(".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, final)
