"""Channel adapters: hand one rendered message to a real channel and return its message id.

Each raises `ChannelUnavailable` for failures worth retrying (the channel is down) and
`ChannelRefused` for failures that a retry will not fix (the address is refused).
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Protocol

import aiosmtplib

# Headers that let a person trace a delivered message back to the alert and report.
ALERT_HEADER = "X-Haruul-Alert-Id"
REPORT_HEADER = "X-Haruul-Report-Id"


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


class SmtpEmailAdapter:
    def __init__(self, config: SmtpConfig) -> None:
        self._config = config

    async def send(self, message: OutgoingMessage) -> str:
        email = EmailMessage()
        email["From"] = self._config.sender
        email["To"] = message.address
        email["Subject"] = message.subject
        email["Message-ID"] = make_msgid(domain="haruul.local")
        email[ALERT_HEADER] = message.alert_id
        email[REPORT_HEADER] = message.report_id
        email.set_content(message.body)
        try:
            await aiosmtplib.send(
                email,
                hostname=self._config.host,
                port=self._config.port,
                start_tls=self._config.starttls,
                username=self._config.username,
                password=self._config.password,
                timeout=self._config.timeout_s,
                cert_bundle=self._config.ca_file,
            )
        except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPSenderRefused) as error:
            raise ChannelRefused(f"SMTP refused the message ({type(error).__name__})") from None
        except (aiosmtplib.SMTPException, OSError) as error:
            # Authentication and TLS failures land here too: a fixed setting makes the retry
            # succeed, so the alert waits for it rather than being given up.
            raise ChannelUnavailable(f"SMTP unavailable ({type(error).__name__})") from None
        return str(email["Message-ID"])


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
        try:
            self._outbox_dir.mkdir(parents=True, exist_ok=True)
            final = self._outbox_dir / f"{message.alert_id}-{message_id}.json"
            partial = final.with_suffix(".partial")
            partial.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(partial, final)
        except OSError as error:
            raise ChannelUnavailable(f"SMS outbox not writable ({error.strerror})") from None
        return message_id
