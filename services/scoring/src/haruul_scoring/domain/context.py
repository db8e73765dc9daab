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

from haruul_scoring.domain.mongolian import expand

# Sentence ends: a run of . ! ? … before a space or the end, or a run of Chinese stops or a
# newline. The scan starts with a character class so the regex engine skips ordinary letters
# in C; the lookbehind re-reads that character and the lookahead captures the whole run.
_BOUNDARY = re.compile(r"[.!?…。！？\n](?<=(?=([.!?…]+(?=\s|$)|[。！？\n]+))(?s:.))")
_QUESTION = re.compile(r"[?？]")

_NEWS = re.compile(
    r"\b(?:in|on|from) the news\b|\bnews (?:reports?|articles?|stor(?:y|ies)|said|says)\b"
    r"|\b(?:an?|the) article\b|\bdocumentary\b|\bnewspapers?\b|\bi (?:read|heard) (?:that|about)\b"
    r"|\baccording to (?:the )?(?:news|media|reports?)\b|\breportedly\b"
    r"|мэдээгээр|мэдээнд|мэдээнээс|сониноор|сонинд|сониноос|нийтлэл|телевизээр"
    r"|в новостях|по новостям|по телевизору|в газете|\bслышал\w* что"
    r"|\b(?:про|по)?читал\w*,? (?:что|о|об|про)\b|\bсми\b|\bпо (?:данным|сообщениям)\b"
    r"|\b(?:в интернете|в сети|в газетах|в новостях) пишут\b|\bпишут в (?:интернете|сети"
    r"|газетах|новостях)\b|\bкак сообща(?:ют|ли|ется)\b"
    r"|新闻|新聞|报道|報道|媒体|媒體|听说|聽說|听人说|聽人說|据说|據說|网上说|網上說|传闻|傳聞"
    r"|" + expand(r"\b(?:мэдээгээр|мэдээнд|мэдээнээс|сониноор) ")
)
_HYPOTHETICAL = re.compile(
    r"\b(?:is (?:it|that) true|what if|what happens if|if|is it (?:legal|normal|allowed|ok|okay"
    r"|possible)|can (?:they|an employer|employers|the employer|my employer|a company)"
    r"|are (?:they|these|those) (?:real|legit\w*|true|safe))\b"
    r"|үнэн үү|хэрэв|бол яах|болох уу|зөв үү|хууль ёсны уу"
    r"|правда ли|\bесли\b|можно ли|законно ли|неужели|действительно ли|верно ли|это правда"
    r"|是真的吗|是真的嗎|如果|可以吗|合法吗|是不是|是否|会不会|會不會"
)
# Raids, closures and rescues are news events: a hub or "scam centre" named in such a sentence
# is where the event happened, not where the person is.
_EVENT = re.compile(
    r"\braid(?:s|ed|ing)?\b|\bcrack(?:ed)? ?down|\bshut down\b|\brescued\b"
    r"|\b(?:was|were|been|be|got|are|is) closed\b|\bclosed (?:down|all|several|many|dozens)\b"
    r"|\bdemolish\w*|\bliberat\w*"
    r"|\bрейд\w*|\bоблав\w*|\bзакры(?:ли|л|ла|ты|т|та|то|вают)\b|\bосвобод\w*|\bспасл\w*"
    r"|\bснес(?:ли|ен\w*)\b|\bзачистк\w*|\bликвидир\w*"
    r"|突袭|突襲|突击|突擊|解救|清理|打掉|关闭|關閉|都关了|都關了|已经关了|已經關了|取缔|取締|端掉"
    r"|捣毁|搗毀|查封|清剿"
    r"|" + expand(r"\b(?:хаасан|хаагдсан|хааж|хаагд~|дайралт~|чөлөөлсөн|аварсан|нураа~)")
)
# Evidence read in an event sentence that the event can explain.
EVENT_CODES = frozenset({"place", "S-HUB", "S-SCAM"})

# A later message withdrawing an earlier worry ("false alarm", "she can come home whenever she
# wants"): the soft signs up to and including that sentence (lost contact, a place, deception,
# recruitment) are withdrawn; coercion signs never are. Indexed with the rules by `detect`.
RETRACTIONS: tuple[str, ...] = (
    r"\bfalse alarm\b",
    r"\b(?:ignore|disregard|cancel|withdraw)\w* my (?:earlier |previous |last |first )?"
    r"(?:report|message|request)",
    r"\b(?:it|this|that) was (?:all |just )?a misunderstanding",
    r"\bi was (?:wrong|mistaken)\b",
    r"\b(?:can|may) (?:come|go) (?:back )?home (?:whenever|any ?time)",
    r"\b(?:is|are) (?:safe|fine|okay|ok|well) after all\b",
    r"\bno longer missing\b",
    expand(r"\bхүссэн (?:үедээ|цагтаа) (?:гэртээ|гэр лүүгээ|гарч|явж|ирж)"),
    expand(r"\b(?:андуурсан|андуурчээ|буруу мэдээлсэн|санаа зовох (?:зүйлгүй|хэрэггүй))"),
    r"\bложн\w* тревог\w*",
    r"\bнедоразумени\w*",
    r"\b(?:я|мы) ошибл\w*",
    r"\b(?:прошу|просим) не учитывать",
    r"\b(?:он|она|они|вс[её]) в порядке\b",
    r"\bв любое время (?:может|могут) (?:вернуться|приехать|уехать)",
    r"\b(?:может|могут) (?:вернуться|приехать|уехать)(?: домой)? (?:когда|в любое время)",
    r"虚惊一场|虛驚一場|是误会|是誤會|一场误会|一場誤會|搞错了|搞錯了|弄错了|弄錯了"
    r"|随时可以回|隨時可以回|平安无事|平安無事|没事了|沒事了",
)
WITHDRAWN_CODES = frozenset(
    {"place", "S-HUB", "S-XB", "ISO", "DEC", "VUL", "S-AD", "S-SKILL", "S-TRV", "S-FEE"}
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

    __slots__ = ("_ends", "_flags", "_starts", "_text", "_withdrawn_to")

    def __init__(self, folded: str) -> None:
        self._text = folded
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._flags: dict[int, tuple[bool, bool, bool]] = {}
        self._withdrawn_to = -1

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

    def withdraw(self, positions: list[int]) -> None:
        """A retraction at each position withdraws the soft signs up to the end of its
        sentence (see `RETRACTIONS`); cues in reported sentences do not count."""
        for pos in positions:
            i = self.index(pos)
            if not self._flags_of(i)[0]:
                self._withdrawn_to = max(self._withdrawn_to, self._ends[i])

    def _event(self, i: int) -> bool:
        assert self._starts is not None
        return _EVENT.search(self._text, self._starts[i], self._ends[i]) is not None

    def _flags_of(self, i: int) -> tuple[bool, bool, bool]:
        flags = self._flags.get(i)
        if flags is None:
            assert self._starts is not None
            sentence = self._text[self._starts[i] : self._ends[i]]
            reported = bool(
                _NEWS.search(sentence)
                or (_QUESTION.search(sentence) and _HYPOTHETICAL.search(sentence))
            )
            # The event cue only matters to a few codes: searched only for those (see `allows`).
            flags = (reported, _LEGIT.search(sentence) is not None, False)
            self._flags[i] = flags
        return flags

    def allows(self, code: str, pos: int) -> bool:
        """False for a hit in a reported sentence, a place or scam-centre mention in a news
        event (raid, closure), a soft sign withdrawn by a later retraction, or a weak sign in
        a legit-scheme sentence."""
        i = self.index(pos)
        reported, legit, _ = self._flags_of(i)
        if reported or (code in EVENT_CODES and self._event(i)):
            return False
        if pos < self._withdrawn_to and code in WITHDRAWN_CODES:
            return False
        return not (code in WEAK_RECRUITMENT and legit)


def split(folded: str) -> Sentences:
    """Sentences of casefolded text; spans and reported/legit flags are worked out lazily."""
    return Sentences(folded)
