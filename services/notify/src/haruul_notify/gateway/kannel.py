"""SMS through Kannel's HTTP `sendsms` interface (smsbox).

`GET {base_url}/cgi-bin/sendsms?username&password&from&to&text&charset=UTF-8` plus `coding=2`
(UCS-2) when the text is not GSM-7 (Cyrillic), and `dlr-mask=31&dlr-url=…` when a delivery
report URL is configured. Kannel answers `0: Accepted for delivery` or, when its SMSC link is
down, `3: Queued for later delivery` (HTTP 202): both mean Kannel has the message.

Kannel's answer carries no message id, so the id returned is our own (`kannel-<uuid hex>`);
it is put into the dlr-url so that delivery reports name it (see `sms_inbound.parse_dlr`).

Failures: unreachable, timed out or HTTP 5xx → `ChannelUnavailable` (retry later); HTTP 4xx
(bad credentials, "Sender missing", a denied number) → `ChannelRefused`. A timeout after the
request was sent may hide an accepted message, so a retry can send it twice: for an alert
that is the better failure. Exception messages never hold the phone number or the text.

Connections to smsbox are kept open and reused (`CONNECTIONS` at most) until `close()`. smsbox
closes one left idle for 60 s, and httpx only notices that before picking a connection when
the close has already arrived: a send racing the close fails on it, and httpx does not try
again. So a send that fails that way on a kept connection is sent again on another (the
failed one is dropped): smsbox closed before reading it, or, had smsbox taken it and then
failed to answer, this is only the caller's retry made sooner. On a new connection it is not.

Kannel's `sendsms-user` group must allow long texts: `max-messages` (segments per message,
default 1: longer texts are cut silently) at least `max_segments` here, and
`concatenation = true`.
"""

from __future__ import annotations

import re
import ssl
import uuid
from urllib.parse import urlencode, urlsplit, urlunsplit

import httpx

from haruul_notify.domain.sms_length import is_gsm7, segments
from haruul_notify.gateway.adapters import ChannelRefused, ChannelUnavailable, OutgoingMessage
from haruul_notify.gateway.sms_inbound import (
    DLR_ID_PARAM,
    DLR_KEY_PARAM,
    DLR_STATUS_PARAM,
    encode_dlr_key,
)

SENDSMS_PATH = "/cgi-bin/sendsms"
DLR_MASK_ALL = 31  # delivered | failed | buffered | smsc submit | smsc reject
_ACCEPTED = ("0:", "3:")  # "0: Accepted for delivery", "3: Queued for later delivery"
# One number: Kannel reads spaces in `to` as several receivers, so nothing else may pass.
_PHONE = re.compile(r"\+?[0-9]{3,20}")
_DIGIT_RUNS = re.compile(r"\+?[0-9]{5,}")
CONNECTIONS = 8  # open to smsbox at once; a send waits (up to the timeout) for a free one
# Idle connections are dropped well before smsbox drops them (60 s), to leave few races.
_KEEPALIVE_EXPIRY_S = 30.0
# What a kept connection that smsbox closed under the request fails with.
_CLOSED_UNDER_REQUEST = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


def dlr_url_for(base: str, message_id: str, idempotency_key: str) -> str:
    """`base` with `id`, `key` (base64url) and `status=%d` appended to its query.

    Every value added is made of unreserved characters only, so that Kannel, which expands
    `%`-escapes in the whole dlr-url, expands nothing but `%d` (the report's status)."""
    parts = urlsplit(base)
    added = urlencode({DLR_ID_PARAM: message_id, DLR_KEY_PARAM: encode_dlr_key(idempotency_key)})
    query = "&".join(q for q in (parts.query, added, f"{DLR_STATUS_PARAM}=%d") if q)
    return urlunsplit(parts._replace(query=query))


def _answer_for_humans(body: str) -> str:
    """Kannel's first answer line, short and with long digit runs (numbers) blanked."""
    first = body.strip().splitlines()[0] if body.strip() else "(empty answer)"
    return _DIGIT_RUNS.sub("<number>", first)[:120]


class _ConnectWatch:
    """httpcore's trace hook for one request: whether it opened a new connection."""

    def __init__(self) -> None:
        self.opened = False

    async def __call__(self, event: str, info: dict[str, object]) -> None:
        if event == "connection.connect_tcp.started":
            self.opened = True


class KannelSmsAdapter:
    def __init__(
        self,
        base_url: str,
        username: str,
        password: str,
        sender: str,
        timeout_s: float,
        dlr_url: str | None = None,
        *,
        max_segments: int = 10,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._url = base_url.rstrip("/") + SENDSMS_PATH
        self._username = username
        self._password = password
        self._sender = sender
        self._dlr_url = dlr_url
        self._max_segments = max_segments
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s),
            # The system's CA store, not certifi's (httpx's default).
            verify=ssl.create_default_context(),
            limits=httpx.Limits(
                max_connections=CONNECTIONS,
                max_keepalive_connections=CONNECTIONS,
                keepalive_expiry=_KEEPALIVE_EXPIRY_S,
            ),
            transport=transport,  # for tests; None means real HTTP
            trust_env=False,
        )

    def _params(self, message: OutgoingMessage, message_id: str) -> dict[str, str]:
        params = {
            "username": self._username,
            "password": self._password,
            "from": self._sender,
            "to": message.address,
            "text": message.body,
            "charset": "UTF-8",
        }
        if not is_gsm7(message.body):
            params["coding"] = "2"  # UCS-2
        if self._dlr_url:
            params["dlr-mask"] = str(DLR_MASK_ALL)
            params["dlr-url"] = dlr_url_for(self._dlr_url, message_id, message.idempotency_key)
        return params

    async def send(self, message: OutgoingMessage) -> str:
        if not _PHONE.fullmatch(message.address):
            raise ChannelRefused("SMS address is not one phone number (digits, optional +)")
        if not message.body:
            raise ChannelRefused("SMS text is empty")
        size = segments(message.body)
        if size.segments > self._max_segments:
            raise ChannelRefused(
                f"SMS text needs {size.segments} {size.encoding} segments,"
                f" more than the {self._max_segments} allowed"
            )
        message_id = f"kannel-{uuid.uuid4().hex}"
        try:
            response = await self._get(self._params(message, message_id))
        except httpx.TimeoutException:
            raise ChannelUnavailable("Kannel sendsms timed out") from None
        except httpx.HTTPError as error:
            # Never str(error): httpx puts the URL, with number, text and password, in it.
            raise ChannelUnavailable(
                f"Kannel sendsms unreachable ({type(error).__name__})"
            ) from None
        answer = _answer_for_humans(response.text)
        status = response.status_code
        if 200 <= status < 300 and response.text.lstrip().startswith(_ACCEPTED):
            return message_id
        if 400 <= status < 500:
            raise ChannelRefused(f"Kannel refused the SMS (HTTP {status}: {answer})")
        raise ChannelUnavailable(f"Kannel could not take the SMS (HTTP {status}: {answer})")

    async def _get(self, params: dict[str, str]) -> httpx.Response:
        """GET sendsms; again on another connection while it fails on a kept one that smsbox
        closed (each such connection is dropped, so this ends)."""
        for _ in range(CONNECTIONS):
            connects = _ConnectWatch()
            try:
                return await self._client.get(
                    self._url, params=params, extensions={"trace": connects}
                )
            except _CLOSED_UNDER_REQUEST:
                if connects.opened:
                    raise
        return await self._client.get(self._url, params=params)

    async def close(self) -> None:
        """Close the kept connections."""
        await self._client.aclose()
