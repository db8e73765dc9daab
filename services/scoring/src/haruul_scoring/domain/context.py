"""Sentence context: which sentences are not first-hand facts, or describe a legal scheme.

A hit inside a *reported* sentence (news, rumour, a hypothetical question such as "Is it
true that KK Park is closed?" / "What if they take my passport?", or a claim the next
sentence only asks to be confirmed: "… Is it true?") is not evidence about the person. A
sentence about a known legal route (the EPS scheme to Korea, a scholarship or an exchange
programme, remote work from Mongolia) cancels the weak recruitment signs in it (job ad,
skills, paid travel, fee, official-looking offer) but never coercion signs. In a sentence
where the writer lost money to an online investment, the scam, the lie and the silence are
the fraudster's. Later retractions and statements of freedom withdraw soft signs before them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from haruul_scoring.domain import cues
from haruul_scoring.domain.chinese_script import to_simplified
from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.sentence_bounds import SentenceBounds

_QUESTION = re.compile(r"[?？]")

# Each cue as one regex, written in the script the text is folded to (simplified Chinese), as
# `detect` writes the rules: what a sentence is searched for when nothing narrows it down.
# `detect` narrows it down to the cue's alternatives that may occur in a report: one cue
# searched whole costs ~30 µs a sentence, its few alternatives that may occur a few.
EVERY_CUE: dict[str, list[re.Pattern[str]]] = {
    name: [re.compile(to_simplified("|".join(parts)))] for name, parts in cues.CUES.items()
}
# Evidence read in an event sentence that the event can explain.
EVENT_CODES = frozenset({"place", "S-HUB", "S-SCAM"})

# A later message withdrawing an earlier worry ("false alarm", "sorry for the worry"): the soft
# signs up to and including that sentence (lost contact, a place, deception, recruitment) are
# withdrawn; coercion signs never are. Indexed with the rules by `detect`.
RETRACTIONS: tuple[str, ...] = (
    r"\bfalse alarm\b",
    r"\b(?:ignore|disregard|cancel|withdraw)\w* my (?:earlier |previous |last |first )?"
    r"(?:report|message|request)",
    r"\b(?:it|this|that) was (?:all |just )?a misunderstanding",
    r"\bi was (?:wrong|mistaken)\b",
    r"\bsorry (?:for|about) the (?:false )?(?:alarm|panic|trouble|worry|bother)\b",
    r"\b(?:you )?(?:can|may) close (?:it|the (?:case|call|report|request))\b",
    r"\bask(?:s|ed|ing)? (?:you |us )?to close (?:it|the (?:case|call|report|request|ticket))\b",
    expand(r"\b(?:дуудлага|хүсэлт|мэдээлэл|мэдээлл)~ (?:хааж болно|хаана уу|цуцал~)"),
    r"\b(?:обращение|заявку|заявление|запрос|дело) можно закрыть\b"
    r"|\bзакройте,? (?:пожалуйста,? )?(?:обращение|заявку|запрос|дело)\b"
    r"|\bможно закрыть (?:обращение|заявку|запрос|дело)\b",
    expand(r"\bбүх (?:юм|зүйл) (?:хэвийн|хэвэндээ)"),
    expand(r"\bөмнөх (?:мессеж|msg|мэдээлэл|хүсэлт|дуудлага)~ …(?:буцааж ав|цуцал)~"),
    expand(r"\bасуудал (?:дууссан|шийдэгдсэн|шийдвэрлэгдсэн|шийдэгдлээ)"),
    # "odoo zugeer bolson": it is all right now
    expand(r"\bодоо (?:бүх юм )?(?:зүгээр|хэвийн) болсон"),
    r"\b(?:он|она|они) наш(?:[её]лся|лась|лись)\b",
    r"\bизвините за беспокойство\b",
    r"\b(?:is|are) (?:safe|fine|okay|ok|well) after all\b",
    r"\bno longer missing\b",
    expand(r"\b(?:андуурсан|андуурчээ|буруу мэдээлсэн|санаа зовох (?:зүйлгүй|хэрэггүй))"),
    # "sorry for the worry": "санаа зовоосонд уучлаарай"
    expand(r"\bсанаа зовоо~ (?:\S+ )?уучла~"),
    # an operator's conclusion: no sign of risk found, the worry gone
    expand(r"\b(?:эрсдэл~ (?:шинж тэмдэг|шинж)~ илрээгүй|санаа зоволт~ арил~)"),
    r"\bno (?:signs?|indicators?) of (?:risk|trafficking) (?:were |was )?(?:found|identified)\b"
    r"|\bпризнак\w* (?:риска|торговли людьми) не (?:выявлен|обнаружен)\w*",
    r"未发现风险|未發現風險|担忧已解除|擔憂已解除",
    # a case closed with the person found safe: "case note (closed)", "дело закрыто", "结案"
    r"\((?:case )?closed\)|\b(?:case|file|matter) (?:is |was |now )?closed\b|\bno further action\b"
    r"|\bclosed\W{1,3}no (?:concern|risk|further)\b|\bno (?:concerns?|risk)\W{1,3}closed\b"
    r"|\bfound (?:safe|alive and well|and safe)\b",
    # a person found ("…, найдена."), not a job found ("найдена работа")
    r"\bдело (?:закрыто|прекращено)\b|(?<!не )\bнайден[аы]?(?=\s*[.!]|\s+(?:жив\w*|в безопасности"
    r"|цел\w*|здоров\w*))",
    expand(r"\b(?:хэрэг~ хаагдсан|хэргийг хаасан|эсэн мэнд олдсон)"),
    r"结案|結案|已与家人(?:通话|联系|聯繫)|已與家人(?:通話|聯繫)",
    r"\bложн\w* тревог\w*",
    r"\bнедоразумени\w*",
    r"\b(?:я|мы) ошибл\w*",
    r"\b(?:прошу|просим) не учитывать",
    r"\b(?:он|она|они|вс[её]) в порядке\b",
    r"虚惊一场|虛驚一場|是误会|是誤會|一场误会|一場誤會|搞错了|搞錯了|弄错了|弄錯了"
    r"|平安无事|平安無事|没事了|沒事了",
)
# A speech verb just before a retraction cue, or (Mongolian) a quotative after it.
_SAYS_BEFORE = re.compile(
    r"\b(?:говорит|говорят|пишет|написал\w*|сказал\w*|уверя\w*|says|said|tells|told|writes"
    r"|wrote|insists?|claims?)\b[^.!?\n]{0,25}$|(?:说|称)[^。！？!?\n]{0,6}$"
)
_SAYS_AFTER = re.compile(
    expand(
        r"[^.!?\n]{0,30}?\b(?:гэж (?:байна|бна|хэлсэн|хэлж|хэлээд|бичсэн|бичиж|ярьсан|ярьж)|гэнэ)"
        r"\b"
    )
)
WITHDRAWN_CODES = frozenset(
    {"place", "S-HUB", "S-XB", "ISO", "DEC", "VUL", "S-AD", "S-SKILL", "S-TRV", "S-FEE"}
)
# A statement of freedom ("she can come home whenever she wants") answers the worry that a
# person is held or out of reach, not that they were deceived or recruited: it withdraws only
# the signs of where they are and of lost contact, up to and including its sentence.
FREEDOM: tuple[str, ...] = (
    r"\b(?:can|may|could) (?:come|go|fly|travel|return) (?:back )?home (?:whenever|any ?time)",
    expand(r"\bхүссэн (?:үедээ|цагтаа) (?:гэртээ|гэр лүүгээ|гарч|явж|ирж)"),
    r"\bв любое время (?:может|могут) (?:вернуться|приехать|уехать)",
    r"\b(?:может|могут) (?:вернуться|приехать|уехать)(?: домой)? (?:когда|в любое время)",
    r"随时可以回|隨時可以回",
)
FREED_CODES = frozenset({"place", "S-HUB", "S-XB", "ISO"})
# A question that only asks whether the sentence before it is true ("KK Park holds Mongolian
# boys, says a post. Is it true?"): that sentence is hearsay, reported like news.
TRUTH_QUESTIONS: tuple[str, ...] = (
    r"\b(?:is|was) (?:it|that|this|all this) (?:really )?true\b",
    r"\b(?:it'?s|it is|that'?s|that is)(?: not)?(?: true| so| real)?,? right\b",
    r"\b(?:это|неужели это|это всё|это все) (?:правда|так)\b|\bправда ли это\b",
    expand(r"\bүнэн (?:юм |байх )?(?:болов уу|бол уу|уу|юу|байна уу)"),
    r"(?:这|這|那)?(?:是)?真的(?:吗|嗎)",
)
# Word characters a truth question's sentence may hold besides the question ("mom, is it
# true?"): any more and it asks something of its own.
_QUESTION_SLACK = 6
_WORD_CHARS = re.compile(r"\w")
# A question mark, or a question particle ("үнэн юм уу", typed without the mark)
_ASKS = re.compile(r"[?？吗嗎]|" + expand(r"\b(?:уу|үү|юу|юү)\b"))

WEAK_RECRUITMENT = frozenset({"S-AD", "S-SKILL", "S-TRV", "S-FEE", "S-OFF"})
# Signs that, in a sentence where the writer lost money to an online investment (`cues.
# DEFRAUDED`), describe the fraudster: the scam, the lie, the silence after, and its fees and
# "help" (an unlock fee, a loan to pay it), which are the fraud's, not a recruiter's.
DEFRAUDED_CODES = frozenset({"S-SCAM", "DEC", "ISO", "S-FEE", "S-AID"})


class _Flags(NamedTuple):
    reported: bool
    legit: bool  # a known legal scheme
    defrauded: bool  # the writer lost money to an online investment


class Sentences:
    """The sentences of a folded text that matches fall in (`sentence_bounds`), with flags
    worked out per sentence only for those (most sentences never need them)."""

    __slots__ = (
        "_bounds",
        "_cues",
        "_doubted",
        "_flags",
        "_freed_to",
        "_sentences",
        "_text",
        "_withdrawn_to",
    )

    def __init__(
        self, folded: str, may_occur: Mapping[str, Sequence[re.Pattern[str]]] = EVERY_CUE
    ) -> None:
        self._text = folded
        self._cues = may_occur
        self._sentences: SentenceBounds | None = None  # made on first use
        self._bounds: dict[int, tuple[int, int]] = {}  # position -> its sentence
        self._flags: dict[int, _Flags] = {}  # sentence start -> flags
        self._withdrawn_to = -1
        self._freed_to = -1
        self._doubted: set[int] = set()  # starts of sentences a truth question doubts

    def bounds(self, pos: int) -> tuple[int, int]:
        """[start, end) of the sentence `pos` falls in."""
        found = self._bounds.get(pos)
        if found is None:
            if self._sentences is None:
                self._sentences = SentenceBounds(self._text)
            found = self._bounds[pos] = self._sentences.around(pos)
        return found

    def doubt(self, questions: list[tuple[int, int]]) -> None:
        """The sentence before each truth question (`TRUTH_QUESTIONS`) that is a question of
        its own, with little else in it, is reported, unless it or the sentence before it tells
        of an offer the writer met (`cues.OFFER`). Call before anything else."""
        text = self._text
        for start, end in questions:
            own_start, own_end = self.bounds(start)
            if own_start == 0 or _ASKS.search(text, own_start, own_end) is None:
                continue
            rest = len(_WORD_CHARS.findall(text, own_start, own_end))
            if rest - len(_WORD_CHARS.findall(text, start, end)) > _QUESTION_SLACK:
                continue
            before_start, before_end = self.bounds(own_start - 1)
            # Whether an offer the writer met is genuine is the warning, not hearsay; the offer
            # may be told over two sentences ("...zar garsan. tasalbariig ajil olgogch tulnu").
            told_from = self.bounds(before_start - 1)[0] if before_start else before_start
            if not self.says("offer", told_from, before_end):
                self._doubted.add(before_start)

    def withdraw(self, retractions: list[int], freedoms: list[int]) -> None:
        """A retraction at each position withdraws the soft signs up to the end of its
        sentence (see `RETRACTIONS`), a statement of freedom the signs of place and lost
        contact (`FREEDOM`); cues in reported sentences do not count."""
        for pos in retractions:
            if not self._reassured_by_them(pos):
                self._withdrawn_to = max(self._withdrawn_to, self._end_if_first_hand(pos))
        for pos in freedoms:
            self._freed_to = max(self._freed_to, self._end_if_first_hand(pos))

    def _reassured_by_them(self, pos: int) -> bool:
        """Whether the retraction cue at `pos` is what the person abroad says ("Говорит, всё в
        порядке", "she says she is fine", "бүх юм хэвийн гэж байна"): a reassurance the
        recruiters may dictate, not the writer's word that the worry is over."""
        start, end = self.bounds(pos)
        return (
            _SAYS_BEFORE.search(self._text, start, pos) is not None
            or _SAYS_AFTER.match(self._text, pos, end) is not None
        )

    def _end_if_first_hand(self, pos: int) -> int:
        """The end of the sentence `pos` falls in, or -1 when that sentence is reported."""
        start, end = self.bounds(pos)
        return -1 if self._flags_of(start, end).reported else end

    def says(self, cue: str, start: int, end: int) -> bool:
        """Whether folded[start:end] holds the cue (`cues.CUES`): only the alternatives of it
        that may occur in the report are searched for."""
        text = self._text
        return any(pattern.search(text, start, end) for pattern in self._cues.get(cue, ()))

    def _flags_of(self, start: int, end: int) -> _Flags:
        """The flags of the sentence [start, end)."""
        flags = self._flags.get(start)
        if flags is None:
            reported = (
                start in self._doubted
                or self.says("news", start, end)
                or (
                    "hypothetical" in self._cues
                    and _QUESTION.search(self._text, start, end) is not None
                    and self.says("hypothetical", start, end)
                )
            )
            flags = self._flags[start] = _Flags(
                reported,
                self.says("legit", start, end),
                self.says("defrauded", start, end),
            )
        return flags

    def allows(self, code: str, pos: int) -> bool:
        """False for a hit in a reported sentence, a place or scam-centre mention in a news
        event (raid, closure), a soft sign withdrawn by a later retraction, the fraudster's
        signs where the writer was defrauded online, or a weak sign in a legit-scheme
        sentence."""
        start, end = self.bounds(pos)
        flags = self._flags_of(start, end)
        if flags.reported or (code in EVENT_CODES and self.says("event", start, end)):
            return False
        if pos < self._withdrawn_to and code in WITHDRAWN_CODES:
            return False
        if pos < self._freed_to and code in FREED_CODES:
            return False
        if flags.defrauded and code in DEFRAUDED_CODES:
            return False
        return not (code in WEAK_RECRUITMENT and flags.legit)


def split(folded: str, may_occur: Mapping[str, Sequence[re.Pattern[str]]] = EVERY_CUE) -> Sentences:
    """Sentences of casefolded text; bounds and reported/legit flags are worked out lazily.
    `may_occur`: the cues (`cues.CUES`) that may occur in the text, each with the regexes
    that find it there (`detect.scan` leaves out what cannot occur; nothing is searched for a
    cue left out)."""
    return Sentences(folded, may_occur)
