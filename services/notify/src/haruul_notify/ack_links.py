"""Signed, expiring acknowledgement links for alert e-mails, and the SMS callback token.

A link carries the alert id, the staff member it was sent to and an expiry, signed with
HMAC-SHA256 under notify's secret: it cannot be forged or stretched, and it says who acted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta


class InvalidLink(ValueError):
    """The link is malformed, forged or expired; the message says which (never the token)."""


@dataclass(frozen=True)
class AckGrant:
    alert_id: str
    staff_id: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class AckLinks:
    def __init__(self, secret: bytes, public_url: str, ttl: timedelta) -> None:
        self._secret = secret
        self._public_url = public_url.rstrip("/")
        self._ttl = ttl

    def _sign(self, payload: bytes) -> str:
        return _b64(hmac.new(self._secret, payload, hashlib.sha256).digest()[:16])

    def token(self, alert_id: str, staff_id: str, now: datetime) -> str:
        expires = int((now + self._ttl).timestamp())
        payload = f"{alert_id}|{staff_id}|{expires}".encode()
        return f"{_b64(payload)}.{self._sign(payload)}"

    def link(self, alert_id: str, staff_id: str, now: datetime) -> str:
        return f"{self._public_url}/v1/ack/{self.token(alert_id, staff_id, now)}"

    def verify(self, token: str, now: datetime) -> AckGrant:
        encoded, _, signature = token.partition(".")
        try:
            payload = _unb64(encoded)
        except ValueError:
            raise InvalidLink("malformed link") from None
        if not hmac.compare_digest(signature, self._sign(payload)):
            raise InvalidLink("the link's signature does not match")
        try:
            alert_id, staff_id, expires = payload.decode().split("|")
            expiry = int(expires)
        except ValueError:
            raise InvalidLink("malformed link") from None
        if now.timestamp() > expiry:
            raise InvalidLink("the link has expired; acknowledge in the alert desk instead")
        return AckGrant(alert_id, staff_id)

    def callback_token(self) -> str:
        """The token Kannel's get-url carries so that only it can post inbound SMS."""
        return self._sign(b"sms-callback")
