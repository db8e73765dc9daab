"""Which hashed contacts a report links by, and who independently reported it.

A report links by the recruiter contacts named in its text (phone, Telegram, WhatsApp, WeChat,
URL, e-mail, company) and by its subject's phone and e-mail: two families reporting the same
missing person are one case. Subject names are not used: common names would merge strangers.
A report's source is its reporter's phone or e-mail (so one family calling twice is one
source); a report without reporter contacts counts as a source of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from haruul_common.events import Contact, ReportV1
from haruul_scoring.domain.cases import contact_keys, hash_contact_key
from haruul_scoring.domain.entities import Entity, EntityKind, extract_entities


def _phone(raw: str) -> str | None:
    phones = [e for e in extract_entities(raw) if e.kind is EntityKind.PHONE]
    return phones[0].normalized if phones else None


def _person_keys(prefix: str, person: Contact | None) -> set[str]:
    if person is None:
        return set()
    keys = set()
    phone = _phone(person.phone) if person.phone else None
    if phone:
        keys.add(f"{prefix}-phone:{phone}")
    if person.email:
        keys.add(f"{prefix}-email:{person.email.strip().casefold()}")
    return keys


def report_contact_hashes(report: ReportV1, entities: Iterable[Entity], salt: bytes) -> set[str]:
    keys = set(contact_keys(entities)) | _person_keys("subject", report.subject)
    return {hash_contact_key(key, salt) for key in keys}


def report_source(report: ReportV1, salt: bytes) -> str:
    keys = sorted(_person_keys("reporter", report.reporter))
    return hash_contact_key(keys[0], salt) if keys else f"report:{report.report_id}"
