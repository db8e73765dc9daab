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

# Sentence ends: a run of . ! ? … before a space or the end, or a run of Chinese stops or a
# newline. The scan starts with a character class so the regex engine skips ordinary letters
# in C; the lookbehind re-reads that character and the lookahead captures the whole run.
_BOUNDARY = re.compile(r"[.!?…。！？\n](?<=(?=([.!?…]+(?=\s|$)|[。！？\n]+))(?s:.))")
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


class Sentences:
    """Sentence spans of a folded text, found on first use, with flags worked out per sentence
    only for the sentences a match falls in (most sentences never need them)."""

    __slots__ = ("_ends", "_flags", "_starts", "_text")

    def __init__(self, folded: str) -> None:
        self._text = folded
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._flags: dict[int, tuple[bool, bool]] = {}

    def _split(self) -> list[int]:
        starts = [0]
        ends: list[int] = []
        for m in _BOUNDARY.finditer(self._text):
            start, end = m.span(1)
            if start >= starts[-1]:  # runs found inside a run already taken are skipped
                ends.append(end)
                starts.append(end)
        ends.append(len(self._text))
        self._starts, self._ends = starts, ends
        return starts

    def index(self, pos: int) -> int:
        starts = self._starts if self._starts is not None else self._split()
        return max(0, bisect_right(starts, pos) - 1)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = self.index(pos)
        assert self._starts is not None
        return self._starts[i], self._ends[i]

    def _flags_of(self, i: int) -> tuple[bool, bool]:
        flags = self._flags.get(i)
        if flags is None:
            assert self._starts is not None
            sentence = self._text[self._starts[i] : self._ends[i]]
            reported = bool(
                _NEWS.search(sentence)
                or (_QUESTION.search(sentence) and _HYPOTHETICAL.search(sentence))
            )
            flags = (reported, _LEGIT.search(sentence) is not None)
            self._flags[i] = flags
        return flags

    def allows(self, code: str, pos: int) -> bool:
        """False for a hit in a reported sentence, or a weak sign in a legit-scheme one."""
        reported, legit = self._flags_of(self.index(pos))
        if reported:
            return False
        return not (code in WEAK_RECRUITMENT and legit)


def split(folded: str) -> Sentences:
    """Sentences of casefolded text; spans and reported/legit flags are worked out lazily."""
    return Sentences(folded)
