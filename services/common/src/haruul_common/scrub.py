"""Personal data out of log lines: the last line of defence behind "log ids, never values".

Two nets. Fields whose *name* says they carry personal data or secrets (a reporter's name, a
narrative, an address, a token) are replaced whole, whatever they hold. Every other string is
searched for the shapes of phone numbers and e-mail addresses, which are replaced by a marker.
Ids keep their shape: report and alert ids, UUIDs, ISO timestamps and offsets are left alone.
Names inside free text cannot be recognised by shape — which is why free text is never logged
and the field-name net exists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any

REDACTED = "[redacted]"
PHONE_MARK = "[phone]"
EMAIL_MARK = "[email]"

# Field names that only ever hold personal data or secrets.
PERSONAL_FIELDS = frozenset(
    {
        "address",
        "authorization",
        "body",
        "email",
        "evidence",
        "name",
        "narrative",
        "normalized",
        "password",
        "phone",
        "quote",
        "reporter",
        "secret",
        "subject",
        "text",
        "token",
    }
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "+976 9911 2233", "+97699112233", "(976) 9911-2233": a plus or a bracket starts a number.
_INTERNATIONAL = re.compile(r"(?:\+|\(\d)[\d\s().-]{6,}\d")
# "99112233", "9911 2233", "99-11-22-33": 8–15 digits standing alone (not inside an id).
_LOCAL = re.compile(r"(?<![\w.:/-])\d(?:[ -]?\d){7,14}(?![\w.:/-])")
# Every pattern above needs a digit or an "@".
_MAY_MATCH = re.compile(r"[\d@]")
# A string of only these characters (UUIDs, ISO timestamps, case ids, topic names) holds no
# "@", "+" or "(", and a local number in it would have to be the whole string (its bounds
# exclude them all): only a string of digits and dashes can still be a phone number.
_TOKEN = re.compile(r"[\w.:/-]+")
_DIGITS_AND_DASHES = re.compile(r"[\d-]+")


def scrub_text(text: str) -> str:
    """`text` with e-mail addresses and phone numbers replaced by markers."""
    # The shortcuts return only strings that no pattern could change: every log line's ids
    # and timestamp pass them, which keeps the regular expressions for free text.
    if _MAY_MATCH.search(text) is None:
        return text
    if _TOKEN.fullmatch(text) is not None and _DIGITS_AND_DASHES.fullmatch(text) is None:
        return text
    text = _EMAIL.sub(EMAIL_MARK, text)
    text = _INTERNATIONAL.sub(PHONE_MARK, text)
    return _LOCAL.sub(PHONE_MARK, text)


def scrub_value(key: str, value: Any) -> Any:
    if value is None:
        return value
    if key.lower() in PERSONAL_FIELDS:
        return REDACTED
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, int | float):  # counts and offsets; spares the slower Mapping check
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return [scrub_value(key, item) for item in value]
    if isinstance(value, Mapping):
        return {k: scrub_value(str(k), v) for k, v in value.items()}
    return value


def scrub_event(_logger: object, _method: str, event: MutableMapping[str, Any]) -> Any:
    """structlog processor: every field of the line, scrubbed."""
    for key, value in list(event.items()):
        event[key] = scrub_value(key, value)
    return event
