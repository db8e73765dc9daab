"""What Kannel sends back to us over HTTP: inbound SMS (an ack reply) and delivery reports.

Pure parsing, standard library only, no web framework: hand it the request's query parameters
(`request.query_params` in Starlette, `request.query` in aiohttp) and get a value or
`InboundParseError` (answer that with HTTP 400).

Kannel calls the `get-url` of its `sms-service` group for each inbound SMS; configure it as

    get-url = "http://HOST:PORT/v1/sms/inbound?from=%p&to=%P&text=%a"

with `mo-recode = true` in the `smsbox` group, so that a reply typed in Cyrillic (sent by the
phone as UCS-2) reaches us as UTF-8 text rather than raw UCS-2 bytes. Keep `max-messages = 0`
in that `sms-service` group: otherwise Kannel sends our HTTP answer back to the phone as an SMS.

Delivery reports arrive at the `dlr-url` that `KannelSmsAdapter` puts on each message:
`<dlr_url>?id=<message id>&key=<idempotency key, base64url>&status=%d`. Kannel calls it once
per status it learns (1 delivered, 2 failed, 4 buffered, 8 accepted by the SMSC, 16 rejected
by the SMSC), in no guaranteed order: a late "8 accepted by the SMSC" may arrive after
"1 delivered", so a final status must not be overwritten by a non-final one.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

# Query parameter names of the dlr-url that KannelSmsAdapter builds.
DLR_ID_PARAM = "id"
DLR_KEY_PARAM = "key"
DLR_STATUS_PARAM = "status"


class InboundParseError(ValueError):
    """Kannel's callback lacks a field or has a malformed one (answer HTTP 400)."""


@dataclass(frozen=True)
class InboundSms:
    sender: str  # the phone that sent the SMS (Kannel's %p)
    recipient: str  # our number or short code it was sent to (Kannel's %P)
    text: str  # the message text (Kannel's %a), UTF-8 when smsbox has mo-recode = true


def parse_inbound(params: Mapping[str, str]) -> InboundSms:
    """Kannel's get-url callback (`?from=%p&to=%P&text=%a`). `to` and `text` may be empty."""
    sender = params.get("from", "").strip()
    if not sender:
        raise InboundParseError("inbound SMS without a sender ('from')")
    return InboundSms(
        sender=sender,
        recipient=params.get("to", "").strip(),
        text=params.get("text", ""),
    )


# Cyrillic letters that look like Latin ones, after upper-casing: a reply typed on a Mongolian
# (Cyrillic) keyboard, "АСК 4F7К", means the same as "ACK 4F7K".
_LOOK_ALIKES = str.maketrans(
    {
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "У": "Y",
        "Ү": "Y",
        "Х": "X",
        "І": "I",
        "Ј": "J",
        "Ѕ": "S",
    }
)

# A keyword (ACK or OK), an optional separator, one code of 4 to 8 letters or digits, and
# nothing else but trailing punctuation.
_ACK_REPLY = re.compile(r"(?:ACK|OK)\s*[:.,;#-]?\s*([A-Z0-9]{4,8})\s*[.!]*")


def parse_ack_reply(text: str) -> str | None:
    """The ack code in an SMS reply, upper-cased, or None if the reply is not an ack.

    Accepted: the keyword `ACK` or `OK` (any case, Latin or Cyrillic look-alike letters such as
    "АСК"/"ОК", full-width forms), then optionally `:`, `.`, `,`, `;`, `#` or `-`, then the
    code: 4 to 8 letters or digits (Cyrillic look-alikes mapped to Latin), then optionally
    `.` or `!`. Surrounding white space is ignored. Anything else, including a bare code
    without a keyword, free text ("ok thanks, on my way") or two codes, is not an ack: a reply
    must not acknowledge an alert by accident. The code is a candidate only; the caller looks
    it up (`AlertService.acknowledge_by_code`) and an unknown code is not found there.
    """
    normalized = unicodedata.normalize("NFKC", text).upper().translate(_LOOK_ALIKES).strip()
    match = _ACK_REPLY.fullmatch(normalized)
    return match.group(1) if match else None


class DlrStatus(IntEnum):
    """Kannel's delivery report types (the `%d` escape of a dlr-url)."""

    DELIVERED = 1
    FAILED = 2
    BUFFERED = 4
    SMSC_SUBMIT = 8
    SMSC_REJECT = 16

    @property
    def is_final(self) -> bool:
        """Delivered, failed or rejected: no other report changes the outcome."""
        return self in (DlrStatus.DELIVERED, DlrStatus.FAILED, DlrStatus.SMSC_REJECT)


@dataclass(frozen=True)
class DeliveryReport:
    message_id: str  # the id KannelSmsAdapter.send returned (the receipt's channel_message_id)
    status: DlrStatus
    idempotency_key: str | None  # the delivery's idempotency key, if the dlr-url carried it


def encode_dlr_key(idempotency_key: str) -> str:
    """The idempotency key as unpadded base64url: only `A-Za-z0-9-_`, so nothing in it can be
    read by Kannel as one of its `%` escapes (a percent-encoded `%C3` would become `%C`)."""
    return base64.urlsafe_b64encode(idempotency_key.encode()).rstrip(b"=").decode("ascii")


def decode_dlr_key(encoded: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        return raw.decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InboundParseError("delivery report with a malformed 'key'") from None


def parse_dlr(params: Mapping[str, str]) -> DeliveryReport:
    """Kannel's dlr-url callback (`?id=…&key=…&status=%d`)."""
    message_id = params.get(DLR_ID_PARAM, "").strip()
    if not message_id:
        raise InboundParseError("delivery report without a message id ('id')")
    raw_status = params.get(DLR_STATUS_PARAM, "").strip()
    try:
        status = DlrStatus(int(raw_status))
    except ValueError:
        raise InboundParseError("delivery report with an unknown 'status'") from None
    key = params.get(DLR_KEY_PARAM)
    return DeliveryReport(
        message_id=message_id,
        status=status,
        idempotency_key=decode_dlr_key(key) if key else None,
    )
