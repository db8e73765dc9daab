"""Is a pattern match negated by the words around it?

English, Russian and Chinese put the negation before the verb ("did not take his passport",
"не забрали паспорт", "没有收走护照"); Mongolian puts it in a suffix of the verb ("паспортыг
аваагүй", "khuraagaagui") or a following "биш", and prohibitions ("битгий", "бүү") before it.
Only the clause around the match is looked at, so "they took his passport and he cannot leave"
keeps both facts.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.lexicon import Lang
from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.sentence_cue import Says

_CLAUSE_BREAK = re.compile(
    # a dash between clauses ("если не выполняю план — бьют") is folded to " - "; "тех" after
    # a clause with "кто" starts the main one ("кто не делает план тех бьют")
    r".*(?:[,;:()\"]|\s-\s|[，、；：]|\b(?:and|but|so|because|then|while|although|after|when"
    r"|и|но|а|потому что|когда|тех|тем)\b)",
    re.DOTALL,
)
# In Chinese a comma, or the 就/才 of a condition, ends the clause a negation belongs to:
# "做不到就被电击" (fail, and be shocked) is a punishment, not a negated one.
_ZH_CLAUSE_BREAK = re.compile(r".*(?:[,;:，、；：]|就|才|否则|不然)", re.DOTALL)
_PRE_WINDOW = 40
_ZH_WINDOW = 4

_PRE_CUES: dict[Lang, re.Pattern[str]] = {
    # "no" before a determiner or a pronoun answers a question ("no the manager keeps all
    # passports", typed without its comma): it negates nothing after it
    Lang.EN: re.compile(
        r"\b(?:not|never|no(?! (?:the|my|his|her|our|their|a|an|they|he|she|we|i|it)\b)|nobody"
        r"|no one|neither|nor)\b|n't\b"
    ),
    Lang.RU: re.compile(r"\b(?:не|нет|ни|никто|никогда|ничего)\b"),
    Lang.MN: re.compile(expand(r"\b(?:битгий|бүү|хэзээ ч)\b")),
    Lang.ZH: re.compile(r"[没沒不未别別无無]"),
}
_MN_WORD_END = re.compile(r"[\w-]*")
_MN_NEG_SUFFIX = re.compile(expand(r"(?:гүй|гуй)$"))
_MN_NEG_NEXT = re.compile(expand(r"\W+(?:биш|үгүй)\b"))
# "бол" (if) after a participle: "паспортыг хураасан бол муу шинж" (if the passport is taken,
# that is a bad sign) is a condition, not a fact. After a noun "бол" marks the topic.
_MN_PARTICIPLE = re.compile(expand(r"(?:сан|сэн|сон|сөн|даг|дэг|дог|дөг)$"))
_MN_IF_NEXT = re.compile(expand(r"\W+(?:бол|болвол)\b"))


def is_negated(folded: str, start: int, end: int, lang: Lang, sentence_start: int) -> bool:
    """True when the match folded[start:end] in language `lang` is negated."""
    window_start = max(sentence_start, start - (_ZH_WINDOW if lang is Lang.ZH else _PRE_WINDOW))
    before = folded[window_start:start]
    cues = _PRE_CUES[lang]
    if cues.search(before):  # only then can the clause that `before` ends in have one
        clause = (_ZH_CLAUSE_BREAK if lang is Lang.ZH else _CLAUSE_BREAK).match(before)
        if clause is not None:
            before = before[clause.end() :]
        if cues.search(before):
            return True
    if lang is Lang.MN:
        word_end = _MN_WORD_END.match(folded, end)
        stop = word_end.end() if word_end is not None else end
        last_word = folded[max(start, folded.rfind(" ", start, stop) + 1) : stop]
        if _MN_NEG_SUFFIX.search(last_word):
            return True
        if _MN_NEG_NEXT.match(folded, stop):
            return True
        if _MN_PARTICIPLE.search(last_word) and _MN_IF_NEXT.match(folded, stop):
            return True
    return False


# "Угроз и насилия не было", "сүрдүүлэг, хүчирхийлэл байгаагүй": Russian and Mongolian deny that
# something existed after naming it. Only nouns of threat and violence are read so: after a
# verb the same words say something else ("угрожают, выхода нет": threats, and no way out).
_DENIABLE_NOUN = re.compile(
    r"(?:угроз|насили|побо|избиени|шантаж)\w*"
    r"|" + expand(r"(?:сүрдүүлэг|хүчирхийлэл|зодуур|дарамт)~")
)
_DENIED_AFTER = re.compile(
    r"(?:\s+(?:и|или|ни)\s+[\w-]+){0,2}\s+(?:не было|не бывало|нет|не поступало)\b"
    r"|" + expand(r"(?:(?: |\s+(?:ба|болон)\s+)[\w-]+){0,2} (?:байхгүй|байгаагүй|байсангүй|алга)~")
)


def denied_after(folded: str, start: int, end: int, sentence: tuple[int, int], says: Says) -> bool:
    """True when the match folded[start:end] is a noun of threat or violence said not to have
    been ("угроз не было", "сүрдүүлэг байхгүй"), in its sentence."""
    if _DENIABLE_NOUN.fullmatch(folded, start, end) is None:
        return False
    denial = _DENIED_AFTER.match(folded, end, sentence[1])
    return denial is not None
