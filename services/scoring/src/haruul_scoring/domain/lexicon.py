"""How indicator patterns are written: one `Rule` per regex, in a small per-language notation.

English and Russian patterns are plain regexes over casefolded text where `…` means "a short
gap in the same sentence, then a word start". Mongolian patterns are written in Cyrillic and
expanded by `mongolian.expand` so that Latin-typed Mongolian matches too. Chinese patterns use
`…` for a gap of a few characters (no word boundaries in Chinese).

`negatable` says whether a match can be cancelled by a nearby negation ("did not take his
passport"); rules whose wording already carries the negation ("cannot leave", "гаргахгүй")
are not negatable.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from haruul_scoring.domain.mongolian import GAP, expand


class Lang(StrEnum):
    EN = "en"
    MN = "mn"
    RU = "ru"
    ZH = "zh"


@dataclass(frozen=True)
class Rule:
    code: str
    lang: Lang
    regex: str
    negatable: bool


# A short gap inside the sentence that holds no past negation: "护照也没被收走" is a passport
# not taken. (The negation check looks only before a match; in Chinese the negation often
# sits inside it, between the noun and the verb.)
ZH_GAP_REACH = 12  # characters
ZH_GAP = rf"[^。！？!?\n没沒未]{{0,{ZH_GAP_REACH}}}?"


def _to_regex(lang: Lang, source: str) -> str:
    if lang is Lang.MN:
        return expand(source)
    if lang is Lang.ZH:
        return source.replace("…", ZH_GAP)
    return source.replace("…", GAP)


def rules(code: str, lang: Lang, *sources: str, negatable: bool = True) -> tuple[Rule, ...]:
    """Rules for one indicator in one language."""
    return tuple(
        Rule(code=code, lang=lang, regex=_to_regex(lang, s), negatable=negatable) for s in sources
    )
