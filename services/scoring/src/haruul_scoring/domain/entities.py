"""Recruiter contacts and amounts named in a report: `extract_entities(text)`.

Finds phone numbers (E.164), Telegram handles, WhatsApp numbers, WeChat IDs, web addresses,
e-mail addresses, amounts of money with a currency and company names, each with the span of the
report that names it (`text[start:end] == quote` on the original text). The rules for each kind
are in the docstring of its finder module (`entities_phone`, `entities_money`,
`entities_contacts`, `entities_company`).

Pure and deterministic: no I/O, no clock, no logging. Standard library only, with one allowed
exception: `phonenumbers` (pure numbering-plan data and code, no I/O), used for phone numbers.

Precedence where spans overlap: digits inside a web address, e-mail address, Telegram or wa.me
link or an amount of money are not read as a phone number, and a t.me/wa.me link or the domain of
an e-mail address is not listed again as a web address.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.entities_company import find_companies
from haruul_scoring.domain.entities_contacts import (
    find_emails,
    find_telegram,
    find_urls,
    find_wechat,
)
from haruul_scoring.domain.entities_model import Entity, EntityKind
from haruul_scoring.domain.entities_money import find_money
from haruul_scoring.domain.entities_phone import find_phones, find_whatsapp_links

__all__ = ["Entity", "EntityKind", "extract_entities"]

_Span = tuple[int, int]
_DIGIT = re.compile(r"[0-9]")


def _spans(entities: list[Entity]) -> list[_Span]:
    return [(e.evidence.start, e.evidence.end) for e in entities]


def _outside(entities: list[Entity], claimed: list[_Span]) -> list[Entity]:
    return [
        e
        for e in entities
        if not any(e.evidence.start < end and start < e.evidence.end for start, end in claimed)
    ]


def _dedupe(entities: list[Entity]) -> tuple[Entity, ...]:
    """One entity per (kind, normalized), keeping the first written; in text order."""
    ordered = sorted(
        entities, key=lambda e: (e.evidence.start, e.evidence.end, e.kind.value, e.normalized)
    )
    seen: dict[tuple[EntityKind, str], Entity] = {}
    for entity in ordered:
        seen.setdefault((entity.kind, entity.normalized), entity)
    return tuple(seen.values())


def extract_entities(text: str) -> tuple[Entity, ...]:
    """Every contact, amount and company named in `text`, in the order they are written.

    Each (kind, normalized) pair appears once, with the evidence of its first mention.
    """
    lowered = text.lower()  # once: five finders test it for their hints
    telegram = find_telegram(text, lowered)
    whatsapp = find_whatsapp_links(text, lowered)
    emails = find_emails(text)
    links = [e for e in telegram + whatsapp if e.kind is not EntityKind.PHONE]
    urls = _outside(find_urls(text), _spans(links) + _spans(emails))
    money = find_money(text, lowered)
    has_digits = _DIGIT.search(text) is not None
    phones: list[Entity] = []
    if has_digits:
        claimed = _spans(urls) + _spans(emails) + _spans(links) + _spans(money)
        phones = find_phones(text, claimed)
    found = telegram + whatsapp + emails + urls + money + phones
    found += find_wechat(text, lowered) + find_companies(text, lowered)
    return _dedupe(found)
