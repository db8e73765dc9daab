"""Value types for the recruiter contacts and amounts found in a report.

Kept apart from `entities.py` so each finder module can build `Entity` values without importing
the module that assembles them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from haruul_scoring.domain.model import Evidence


class EntityKind(StrEnum):
    """What an extracted entity is."""

    PHONE = "phone"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    WECHAT = "wechat"
    URL = "url"
    EMAIL = "email"
    MONEY = "money"
    COMPANY = "company"


class Entity(NamedTuple):
    """One thing named in a report, with a comparable `normalized` form and where it was written.

    `value` is the text as written (equal to `evidence.quote`); `normalized` is the form used to
    compare reports: E.164 for phones, lower-case handle without "@" for Telegram, "USD 8000" for
    money, and so on.
    """

    kind: EntityKind
    value: str
    normalized: str
    evidence: Evidence


def make(kind: EntityKind, text: str, start: int, end: int, normalized: str) -> Entity:
    """An entity quoting `text[start:end]`."""
    quote = text[start:end]
    return Entity(
        kind=kind,
        value=quote,
        normalized=normalized,
        evidence=Evidence(start=start, end=end, quote=quote),
    )
