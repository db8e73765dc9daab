"""Phone numbers and WhatsApp links in a report, normalised to E.164.

Uses the `phonenumbers` library: the one exception to "standard library only" in the domain,
allowed because it is pure data and code (no I/O, no clock) and the numbering plans of dozens of
countries are not something to re-type by hand. It is only called on candidates that a cheap
regex has already found, so text without long digit runs never reaches it.

Numbers without a country code are read as Mongolian (region MN). "+..." and "00..." are read as
international. A bare run of 10+ digits that is not a Mongolian number is read as international
only when it then belongs to a country on the scam-compound routes (see `_ROUTE_REGIONS`), so a
bank account number is not mistaken for a foreign phone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

import phonenumbers

from haruul_scoring.domain.entities_model import Entity, EntityKind, make

DEFAULT_REGION = "MN"
_DEFAULT_CODE = phonenumbers.country_code_for_region(DEFAULT_REGION)

# Countries a bare international number (no "+" or "00") may belong to.
_ROUTE_REGIONS = frozenset(
    {"MN", "KH", "TH", "MM", "CN", "LA", "VN", "PH", "MY", "HK", "TW", "KR", "RU", "AE", "KZ"}
)

# A run of 7 to 17 digits, separated by at most two spaces, hyphens or brackets, optionally
# starting with "+" or "(+". Not glued to letters, "/", "@" or "-" on the left (URLs, handles,
# e-mail addresses, ranges) nor to letters, digits or "@" on the right. Cyrillic case endings
# after the number ("99112233-аас", "99112233руу") are allowed.
_CANDIDATE = re.compile(
    r"(?=[0-9+(])"  # lets the regex engine skip ahead to plausible starts
    r"(?<![0-9A-Za-z_+/@\-])"
    r"(?:\(?\+\s?)?[0-9](?:[ \-\u00a0()]{1,2}[0-9]|[0-9]){6,16}"
    r"(?![0-9A-Za-z_@])"
)
_GROUP = re.compile(r"[^\s\u00a0]+")
_DATE = re.compile(
    r"(?:19|20)[0-9]{2}[-/][0-9]{1,2}[-/][0-9]{1,2}"
    r"|[0-9]{1,2}[-/][0-9]{1,2}[-/](?:19|20)[0-9]{2}"
    r"|(?:19|20)[0-9]{2}[\s\-]+(?:19|20)[0-9]{2}"
)
_WA_LINK = re.compile(
    r"(?<![\w.])(?:https?://)?(?:(?i:wa\.me)/|(?i:(?:api|web)\.whatsapp\.com/send/?\?phone=))"
    r"\+?(?P<n>[0-9]{7,15})(?![0-9])"
)
_WA_WORDS = ("whatsapp", "whats app", "вотсап", "ватсап", "вацап")
_WA_WINDOW = 40
_MAX_PARSES = 64


def _number(digits: str, international: bool) -> phonenumbers.PhoneNumber | None:
    """The number `digits` spells, built directly (phonenumbers.parse costs ~35 µs).

    Falls back to `phonenumbers.parse` when the national part starts with a trunk "0".
    """
    if international:
        for size in (1, 2, 3):
            code = int(digits[:size])
            if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                national = digits[size:]
                break
        else:
            return None
    else:
        code, national = _DEFAULT_CODE, digits
    if national and not national.startswith("0"):
        return phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
    try:
        if international:
            return phonenumbers.parse("+" + digits, None)
        return phonenumbers.parse(digits, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None


@functools.lru_cache(maxsize=4096)
def _e164(digits: str, international: bool) -> str | None:
    """The E.164 form of `digits`, or None when it is no valid number (memoised: pure)."""
    if not 7 <= len(digits) <= 15:
        return None
    attempts = [(digits, international)]
    if not international and len(digits) >= 10:
        attempts.append((digits, True))
    for raw, as_international in attempts:
        number = _number(raw, as_international)
        if number is None or not phonenumbers.is_valid_number(number):
            continue
        foreign = as_international and not international
        if foreign and phonenumbers.region_code_for_number(number) not in _ROUTE_REGIONS:
            continue
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _read(chunk: str) -> str | None:
    """Normalise one written number ("+976 9911 2233", "0066-81-234-5678", "99112233")."""
    if _DATE.fullmatch(chunk):
        return None
    digits = "".join(ch for ch in chunk if "0" <= ch <= "9")
    stripped = chunk.lstrip("(")
    if stripped.startswith("+"):
        return _e164(digits, international=True)
    if digits.startswith("00") and not digits.startswith("000"):
        return _e164(digits[2:], international=True)
    return _e164(digits, international=False)


def _groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _GROUP.finditer(text, start, end)]


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop an unmatched "(" at the start or ")" at the end of a written number."""
    chunk = text[start:end]
    while chunk.startswith("(") and chunk.count("(") > chunk.count(")"):
        chunk, start = chunk[1:], start + 1
    while chunk.endswith(")") and chunk.count(")") > chunk.count("("):
        chunk, end = chunk[:-1], end - 1
    return start, end


def _numbers_in(
    text: str, start: int, end: int, budget: list[int]
) -> Iterator[tuple[int, int, str]]:
    """Numbers inside one candidate; splits "99112233 88112233" into two when the whole fails."""
    groups = _groups(text, start, end)
    i = 0
    while i < len(groups):
        for j in range(len(groups), i, -1):
            s, e = groups[i][0], groups[j - 1][1]
            s, e = _balanced(text, s, e)
            chunk = text[s:e]
            ndigits = sum(1 for ch in chunk if "0" <= ch <= "9")
            if ndigits < 7 or ndigits > 17:
                continue
            if budget[0] <= 0:
                return
            budget[0] -= 1
            normalized = _read(chunk)
            if normalized is not None:
                yield s, e, normalized
                i = j
                break
        else:
            i += 1


def _overlaps(start: int, end: int, claimed: Sequence[tuple[int, int]]) -> bool:
    return any(start < c_end and c_start < end for c_start, c_end in claimed)


def find_whatsapp_links(text: str, lowered: str) -> list[Entity]:
    """wa.me/NUMBER links: each gives a WhatsApp entity (the link) and a phone (the digits)."""
    found: list[Entity] = []
    if "wa.me" not in lowered and "whatsapp" not in lowered:
        return found
    for m in _WA_LINK.finditer(text):
        normalized = _e164(m.group("n"), international=True)
        if normalized is None:
            continue
        found.append(make(EntityKind.WHATSAPP, text, m.start(), m.end(), normalized))
        found.append(make(EntityKind.PHONE, text, m.start("n"), m.end("n"), normalized))
    return found


def find_phones(text: str, claimed: Sequence[tuple[int, int]]) -> list[Entity]:
    """Phone numbers outside the `claimed` spans (URLs, e-mails, amounts of money).

    A number written right after "WhatsApp"/"вотсап" also gives a WhatsApp entity.
    """
    found: list[Entity] = []
    budget = [_MAX_PARSES]
    for m in _CANDIDATE.finditer(text):
        if _overlaps(m.start(), m.end(), claimed):
            continue
        for s, e, normalized in _numbers_in(text, m.start(), m.end(), budget):
            found.append(make(EntityKind.PHONE, text, s, e, normalized))
            before = text[max(0, s - _WA_WINDOW) : s].lower()
            if any(word in before for word in _WA_WORDS):
                found.append(make(EntityKind.WHATSAPP, text, s, e, normalized))
    return found
