"""Case correlation: reports that name the same recruiter contact are one case.

Pure decisions over what the store already knows; the store does the reading and writing.

- `contact_keys(entities)`: the contacts a report contributes ("phone:+85512345678",
  "telegram:recruit_jobs", …). Money never links reports: many unrelated offers quote the same
  salary. A bare platform address such as "facebook.com" does not either; a page on it does.
- `hash_contact_key(key, salt)`: the keyed hash the store keeps instead of the contact itself.
- `link_report(...)`: which case a report joins, and which cases it merges.
- `case_level(...)`: a case's alert level from its reports and how many sources back it.
- `case_id_for(seed)`: a stable case id.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from haruul_scoring.domain.entities_model import Entity, EntityKind
from haruul_scoring.domain.model import Level

CONTACT_KINDS = frozenset(
    {
        EntityKind.PHONE,
        EntityKind.TELEGRAM,
        EntityKind.WHATSAPP,
        EntityKind.WECHAT,
        EntityKind.URL,
        EntityKind.EMAIL,
        EntityKind.COMPANY,
    }
)

# Addresses shared by everyone: only a page below them (a profile, a post) identifies someone.
_PLATFORM_HOSTS = frozenset(
    {
        "facebook.com",
        "m.facebook.com",
        "fb.com",
        "instagram.com",
        "tiktok.com",
        "youtube.com",
        "google.com",
        "t.me",
        "wa.me",
        "telegram.org",
        "whatsapp.com",
        "wechat.com",
        "weixin.qq.com",
        "linkedin.com",
        "x.com",
        "twitter.com",
        "vk.com",
        "gmail.com",
    }
)

_CASE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:haruul:case")
_LEVELS: tuple[Level, ...] = (Level.LOW, Level.MEDIUM, Level.HIGH, Level.CRITICAL)


@dataclass(frozen=True)
class CaseLink:
    """What the store must do with one report.

    `case_id`: the case the report belongs to (new or existing). `merged_case_ids`: other cases
    that this report shows to be the same recruiter; the store moves their reports and contacts
    into `case_id` and retires them (sorted). `new_links`: contact hashes of this report that
    must now point to `case_id` (not yet indexed, or indexed under a merged case; sorted).
    """

    case_id: str
    merged_case_ids: tuple[str, ...]
    new_links: tuple[str, ...]


def contact_keys(entities: Iterable[Entity]) -> frozenset[str]:
    """The "kind:normalized" keys a report contributes for linking (money excluded)."""
    keys: set[str] = set()
    for entity in entities:
        if entity.kind not in CONTACT_KINDS or not entity.normalized:
            continue
        if entity.kind is EntityKind.URL and entity.normalized in _PLATFORM_HOSTS:
            continue
        keys.add(f"{entity.kind.value}:{entity.normalized}")
    return frozenset(keys)


def hash_contact_key(key: str, salt: bytes) -> str:
    """HMAC-SHA256 of the key under a secret salt, in hex, so the index never holds contacts.

    The same key and salt always give the same hash; without the salt a hash cannot be matched
    to a phone number by trying all numbers. Raises ValueError on an empty salt.
    """
    if not salt:
        raise ValueError("hash_contact_key needs a non-empty salt")
    return hmac.new(salt, key.encode("utf-8"), hashlib.sha256).hexdigest()


def case_id_for(seed: str) -> str:
    """A stable case id, "case-" and 16 hex digits, from the first report's id."""
    return "case-" + uuid.uuid5(_CASE_NAMESPACE, seed).hex[:16]


def link_report(
    report_id: str,
    contact_hashes: Iterable[str],
    existing: Mapping[str, str],
    new_case_id: str | None = None,
    opened: Mapping[str, int] | None = None,
) -> CaseLink:
    """Decide the case of a report from its contact hashes and the index `existing`.

    `existing` maps a contact hash to the case it is indexed under. No known contact: the report
    opens a new case (`new_case_id`, by default `case_id_for(report_id)`). Contacts of one case:
    it joins that case. Contacts of several cases: they are one recruiter, so they merge into the
    oldest case — the lowest `opened` value (any increasing number the store keeps, such as a
    sequence or a timestamp); cases missing from `opened`, or all when it is not given, rank by
    smallest id. The same inputs always give the same answer.
    """
    hashes = frozenset(contact_hashes)
    matched = {existing[h] for h in hashes if h in existing}
    if not matched:
        case_id = new_case_id if new_case_id is not None else case_id_for(report_id)
        return CaseLink(case_id=case_id, merged_case_ids=(), new_links=tuple(sorted(hashes)))
    order = opened or {}
    ranked = sorted(matched, key=lambda c: (c not in order, order.get(c, 0), c))
    case_id = ranked[0]
    return CaseLink(
        case_id=case_id,
        merged_case_ids=tuple(sorted(ranked[1:])),
        new_links=tuple(sorted(h for h in hashes if existing.get(h) != case_id)),
    )


def case_level(report_levels: Sequence[str], independent_sources: int) -> Level:
    """A case's alert level, from its reports' levels and how many independent sources back it.

    In plain words:
    1. The case starts at the most serious level among its reports (low if it has none).
    2. Two independent sources (different people or channels reporting the same recruiter)
       raise it one step: low → medium → high → critical.
    3. Three or more independent sources raise it two steps.
    4. Corroboration alone never makes a case critical: it reaches critical only if at least
       one report is already high or critical. Reports that each show only low or medium risk
       (for example, a suspicious job advert seen by many) stop at high.
    The caller counts the sources; one source, or zero, raises nothing. Levels are "low",
    "medium", "high", "critical"; anything else raises ValueError, as does a negative count.
    """
    if independent_sources < 0:
        raise ValueError(f"independent_sources must be >= 0, got {independent_sources}")
    try:
        levels = [Level(value) for value in report_levels]
    except ValueError as exc:
        raise ValueError(f"unknown level in {list(report_levels)!r}") from exc
    base = max((level.rank for level in levels), default=Level.LOW.rank)
    steps = 2 if independent_sources >= 3 else 1 if independent_sources == 2 else 0
    ceiling = Level.CRITICAL.rank if base >= Level.HIGH.rank else Level.HIGH.rank
    rank = min(base + steps, ceiling) if steps else base
    return _LEVELS[rank]
