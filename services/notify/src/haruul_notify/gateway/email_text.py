"""An alert e-mail as the bytes SMTP carries: a handful of headers and a plain-text body.

Written directly rather than through `email.message.EmailMessage`, whose header objects and
generator cost more than the rest of a send; the result reads the same to any mail parser.
"""

from __future__ import annotations

import base64
from email.header import Header
from email.utils import formataddr, parseaddr

# Headers that let a person trace a delivered message back to the alert and report.
ALERT_HEADER = "X-Haruul-Alert-Id"
REPORT_HEADER = "X-Haruul-Report-Id"

_FOLD_AT = 78  # RFC 5322's recommended line length; longer headers are folded
_MAX_LINE = 998  # RFC 5322's hard limit: longer body lines go base64
_CRLF = "\r\n"
# UTF-8 bytes per encoded word: 52 base64 characters, a 64-character word, a line under 78.
_WORD_BYTES = 39


def _encoded_words(text: str) -> str:
    """RFC 2047 "B" encoded words, one per folded line, none splitting a character: a parser
    joins them back into `text`."""
    raw = text.encode()
    words, start = [], 0
    while start < len(raw):
        end = min(start + _WORD_BYTES, len(raw))
        while end < len(raw) and raw[end] & 0xC0 == 0x80:  # inside a character: back off
            end -= 1
        words.append(f"=?utf-8?b?{base64.b64encode(raw[start:end]).decode('ascii')}?=")
        start = end
    return (_CRLF + " ").join(words)


def _text_header(name: str, value: str) -> str:
    if value.isascii() and len(name) + len(value) + 2 <= _FOLD_AT:
        return f"{name}: {value}"
    if value.isascii():  # long: folded at its spaces
        return f"{name}: {Header(value, 'us-ascii', header_name=name).encode(linesep=_CRLF)}"
    return f"{name}: {_encoded_words(value)}"


def _address_header(name: str, value: str) -> str:
    if value.isascii():
        return f"{name}: {value}"
    return f"{name}: {formataddr(parseaddr(value), charset='utf-8')}"


def _body(text: str, eight_bit: bool) -> tuple[str, bytes]:
    """(Content-Transfer-Encoding, body bytes): 7bit for plain ASCII, 8bit when the server
    takes it (BODY=8BITMIME, as `EmailMessage` chose), base64 otherwise."""
    raw = text.encode()
    lines = raw.splitlines()
    if all(len(line) <= _MAX_LINE for line in lines) and (eight_bit or raw.isascii()):
        return ("7bit" if raw.isascii() else "8bit"), b"\r\n".join(lines) + b"\r\n"
    return "base64", base64.encodebytes(raw).replace(b"\n", b"\r\n")


def email_bytes(
    *,
    sender: str,
    to: str,
    subject: str,
    body: str,
    message_id: str,
    alert_id: str,
    report_id: str,
    eight_bit: bool,
) -> bytes:
    """The message, CRLF line ends; the caller has checked that no value holds a line break."""
    encoding, content = _body(body, eight_bit)
    head = _CRLF.join(
        (
            _address_header("From", sender),
            _address_header("To", to),
            _text_header("Subject", subject),
            f"Message-ID: {message_id}",
            f"{ALERT_HEADER}: {alert_id}",
            f"{REPORT_HEADER}: {report_id}",
            "MIME-Version: 1.0",
            'Content-Type: text/plain; charset="utf-8"',
            f"Content-Transfer-Encoding: {encoding}",
        )
    )
    return head.encode() + b"\r\n\r\n" + content
