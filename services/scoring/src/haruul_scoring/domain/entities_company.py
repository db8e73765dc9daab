"""Company names, only where the text marks them as a company.

Picked up: a name in quotes or of Capitalised words right before a legal form ("Golden Star
LLC", "Golden Star Co., Ltd", «Алтан Зам» ХХК, "Kingdom Tech ХХК", 金边鑫达科技有限公司), and a
Capitalised name after "company called/named" or a quoted name after "компани". Common words
that start a sentence ("The", "Our", "Манай" …) are dropped from the front of a name.
Normalised to lower case without quotes or the legal form ("golden star"), so "Golden Star LLC"
and "Golden Star Co., Ltd" are one company. Lower-case names ("алтан зам ХХК") are not guessed.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.entities_model import Entity, EntityKind, make

_UP = "A-ZА-ЯЁӨҮ"
_NOT_LEGAL = r"(?!(?:L\.?L\.?C|Co|Ltd|Limited|Company|Inc|Corp|ХХК|ХК|ООО)(?![\w]))"
_WORD = rf"{_NOT_LEGAL}[{_UP}][\w&'.\-]*"
_LEGAL = (
    r"(?:L\.?L\.?C\.?|Co\.?,?\s?Ltd\.?|Company\s+Limited|Ltd\.?|Limited|Inc\.?|Corp\.?"
    r"|Corporation|ХХК|ХК|ООО)(?!\w)"
)
_OPEN_QUOTES = '«"“„'
_CLOSE_QUOTES = '»"”“'
_QUOTED = (
    rf"[{_OPEN_QUOTES}](?P<{{name}}>[^{_OPEN_QUOTES}{_CLOSE_QUOTES}\n]{{{{2,60}}}})"
    rf"[{_CLOSE_QUOTES}]"
)

_COMPANY = re.compile(
    r"(?<!\w)(?:"
    + _QUOTED.format(name="q")
    + rf"\s*,?\s*{_LEGAL}"
    + rf"|(?P<w>{_WORD}(?:\s{_WORD}){{0,3}})\s*,?\s*{_LEGAL}"
    + r"|(?P<zh>[\u4e00-\u9fff]{2,20})有限公司"
    + rf"|(?i:company|firm|agency)\s+(?i:called|named)\s+(?P<c>{_WORD}(?:\s{_WORD}){{0,3}})"
    + r"|(?i:компани\w*)\s+"
    + _QUOTED.format(name="r")
    + r")"
)
_STARTERS = frozenset(
    {
        "the",
        "a",
        "an",
        "our",
        "my",
        "his",
        "her",
        "their",
        "this",
        "that",
        "from",
        "at",
        "in",
        "by",
        "with",
        "and",
        "then",
        "called",
        "named",
        "company",
        "манай",
        "тэр",
        "энэ",
        "тэд",
        "миний",
    }
)
# Cheap test before the full pattern, which tries every capitalised word: every match holds a
# legal form as written (case-sensitive, as `_LEGAL` is), 有限公司, or "called", "named" or
# "компани" in any case. ("company" alone, in most reports, would let the pattern run on them.)
_LEGAL_FORMS = ("LLC", "L.LC", "LL.C", "L.L.C", "Ltd", "Limited", "Inc", "Corp", "ХХК", "ХК", "ООО")
_MARKERS = ("called", "named", "компани")
_LEGAL_TAIL = re.compile(rf"\s*,?\s*{_LEGAL}$")


def _name(raw: str) -> str:
    words = raw.split()
    while words and words[0].lower() in _STARTERS:
        words.pop(0)
    name = " ".join(words)
    name = _LEGAL_TAIL.sub("", name)
    return name.strip(" .,-'").casefold()


def find_companies(text: str, lowered: str) -> list[Entity]:
    """Company names with their legal form or a "company called" marker (`lowered`: the text
    lower-cased)."""
    found: list[Entity] = []
    legal_form = any(form in text for form in _LEGAL_FORMS) or "有限公司" in text
    if not legal_form and not any(marker in lowered for marker in _MARKERS):
        return found
    for m in _COMPANY.finditer(text):
        group = next(g for g in ("q", "w", "zh", "c", "r") if m.group(g) is not None)
        name = _name(m.group(group))
        if len(name) < 2:
            continue
        start = m.start()
        if group == "w":
            # Start the quote at the first word kept after dropping sentence starters.
            raw = m.group("w")
            kept = raw.split()
            while kept and kept[0].lower() in _STARTERS:
                kept.pop(0)
            if not kept:
                continue
            start = text.index(kept[0], m.start("w"))
        found.append(make(EntityKind.COMPANY, text, start, m.end(), name))
    return found
