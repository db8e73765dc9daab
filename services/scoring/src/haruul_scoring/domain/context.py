"""Sentence context: which sentences are not first-hand facts, or describe a legal scheme.

A hit inside a *reported* sentence (news, rumour, or a hypothetical question such as "Is it
true that KK Park is closed?" / "What if they take my passport?") is not evidence about the
person. A sentence about a known legal route (the EPS scheme to Korea, a scholarship or an
exchange programme, remote work from Mongolia) cancels the weak recruitment signs in it
(job ad, skills, paid travel, fee, official-looking offer) but never coercion signs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_BOUNDARY = re.compile(r"[.!?…]+(?=\s|$)|[。！？\n]+")
_QUESTION = re.compile(r"[?？]")

_NEWS = re.compile(
    r"\b(?:in|on|from) the news\b|\bnews (?:reports?|articles?|stor(?:y|ies)|said|says)\b"
    r"|\b(?:an?|the) article\b|\bdocumentary\b|\bnewspapers?\b|\bi (?:read|heard) (?:that|about)\b"
    r"|мэдээгээр|мэдээнд|мэдээнээс|сониноор|сонинд|сониноос|нийтлэл|телевизээр"
    r"|в новостях|по новостям|по телевизору|в газете|\bслышал\w* что"
    r"|新闻|新聞|报道|報道|媒体|媒體|听说|聽說"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:is (?:it|that) true|what if|what happens if|if|is it (?:legal|normal|allowed|ok|okay"
    r"|possible)|can (?:they|an employer|employers|the employer|my employer|a company)"
    r"|are (?:they|these|those) (?:real|legit\w*|true|safe))\b"
    r"|үнэн үү|хэрэв|бол яах|болох уу|зөв үү|хууль ёсны уу"
    r"|правда ли|\bесли\b|можно ли|законно ли"
    r"|是真的吗|是真的嗎|如果|可以吗|合法吗"
)
_LEGIT = re.compile(
    r"\beps\b|\bemployment permit system\b|\bexchange (?:programm?e|student|semester)\b"
    r"|\bsemester exchange\b|\bscholarships?\b|\bwork and travel\b|\bwork(?:s|ing)? remotely\b"
    r"|тэтгэлэг|солилцооны хөтөлбөр|по обмену|стипенди|交换生|交換生|奖学金|獎學金"
)

WEAK_RECRUITMENT = frozenset({"S-AD", "S-SKILL", "S-TRV", "S-FEE", "S-OFF"})


@dataclass(frozen=True)
class Sentences:
    """Sentence spans of a folded text with a flag per sentence."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    reported: frozenset[int]
    legit: frozenset[int]

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = self.index(pos)
        return self.starts[i], self.ends[i]

    def allows(self, code: str, pos: int) -> bool:
        """False for a hit in a reported sentence, or a weak sign in a legit-scheme one."""
        i = self.index(pos)
        if i in self.reported:
            return False
        return not (code in WEAK_RECRUITMENT and i in self.legit)


def split(folded: str) -> Sentences:
    """Split casefolded text into sentences and flag reported and legit-scheme ones."""
    starts = [0]
    ends: list[int] = []
    for m in _BOUNDARY.finditer(folded):
        ends.append(m.end())
        starts.append(m.end())
    ends.append(len(folded))
    reported: set[int] = set()
    legit: set[int] = set()
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        sentence = folded[s:e]
        if _NEWS.search(sentence) or (
            _QUESTION.search(sentence) and _HYPOTHETICAL.search(sentence)
        ):
            reported.add(i)
        if _LEGIT.search(sentence):
            legit.add(i)
    return Sentences(tuple(starts), tuple(ends), frozenset(reported), frozenset(legit))
