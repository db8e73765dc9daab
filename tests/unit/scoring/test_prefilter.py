"""The rule index only skips work: it finds exactly what running every rule everywhere finds.

The reference below is the engine's matching without any index: a rule in a spaced script is
matched at every word start (or symbol) on its own; a rule whose start cannot be listed, or one
in Chinese (only on text in an unspaced script), runs with `finditer`. Texts are built from
spellings people really type (Latin-typed Mongolian with long vowels, hyphenated suffixes,
amounts, Chinese) so the rules do match.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.compiled_engine import NATIVE_MODULE
from haruul_scoring.domain import detect
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.lexicon import ZH_GAP
from haruul_scoring.domain.mongolian import GAP, expand
from haruul_scoring.domain.normalize import fold
from haruul_scoring.domain.prefilter import Index, build
from haruul_scoring.domain.skeleton import Skeleton
from haruul_scoring.domain.start_keys import start_keys
from haruul_scoring.domain.units import UNSPACED_SCRIPT
from tests.support.scoring_texts import labelled_long_and_spliced

RULES = [
    expand(r"\bпаспорт~ …(?:хураа~|авсан)"),
    expand(r"\b(?:өр төл~|өртэй)"),
    expand(r"\bөр~ …төл(?:ж|өх)~"),
    expand(r"\b(?:өндөр|сайн) цалин~"),
    r"\b(?:took|take)\b" + GAP + r"\b(?:passports?|documents)\b",
    r"(?:\$|usd ?)\d[\d,.]*k? (?:a|per) ?month",
    r"\d[\d,.]*k? ?(?:\$|usd) (?:a|per) ?month",
    r"\$?\d[\d,]* (?:usd|dollars)",
    r"[$€]?\d\d",  # starts at a symbol or a word: the same heads
    r"\bkk[- ]?park\b",
    r"\w+ist\b",
    "赎金|贖金|(?:要|让)(?:家人)?(?:付|交)钱",
    "kk园区|kk園區",
    # gaps after two words, and two gaps: tried only where the tail is in reach (`tails`)
    expand(r"\bгадаад паспорт~ …хураа~"),
    r"\b(?:company|agency)\b" + GAP + r"\b(?:took|asked)\b" + GAP + r"(?:\$|usd|money)",
    "(?:手机|电话)" + ZH_GAP + "(?:被收|没收)",  # in Chinese, in reach of its head too
]
WATCHED = [r"\bin the news\b|\bмэдээ~".replace("~", r"[\w-]*"), "新闻|听说"]

WORDS = [
    "passport-iig",
    "pasport",
    "паспортыг",
    "khuuraasan",
    "hurasan",
    "хураасан",
    "avsan",
    "or",
    "our",
    "өр",
    "ortei",
    "өртэй",
    "tolj",
    "tulukh",
    "төлөх",
    "undur",
    "өндөр",
    "tsalin",
    "цалинтай",
    "sain",
    "took",
    "take",
    "his",
    "documents",
    "passports",
    "$500",
    "usd 3000",
    "3,000$",
    "$3,000",
    "€30",
    "x$30",
    "dollars",
    "a",
    "per",
    "month",
    "kk-park",
    "kk park",
    "kkpark",
    "tourist",
    "artist",
    "赎金",
    "贖金",
    "要家人付钱",
    "kk园区",
    "新闻",
    "in",
    "the",
    "news",
    "мэдээнд",
    "сааааайн",
    "гадаад",
    "gadaad",
    "company",
    "agency",
    "asked",
    "money",
    "a-rather-long-hyphenated-word-to-stretch-the-gap",
    "somewhatlongerfillerword",
    "ꙮ",  # beyond what `tails` counts: every head is tried
    "«»",
    "手机",
    "电话",
    "被收",
    "没收",
    "我们今天去了很远的地方",
]
SEPARATORS = [" ", " ", " ", ". ", ", ", "-", "\n", "? ", "，", "", "。", "… ", " — "]


def _reference(rules: list[str], text: str) -> set[tuple[int, int, int]]:
    found: set[tuple[int, int, int]] = set()
    unspaced_text = UNSPACED_SCRIPT.search(text) is not None
    for number, rule in enumerate(rules):
        pattern = re.compile(rule)
        if UNSPACED_SCRIPT.search(rule) or start_keys(rule) is None:
            if unspaced_text or not UNSPACED_SCRIPT.search(rule):
                found.update((number, m.start(), m.end()) for m in pattern.finditer(text))
            continue
        for start in range(len(text)):
            if text[start].isspace() or (_word(text[start]) and _word(text[start - 1 : start])):
                continue  # neither a word start nor a symbol
            m = pattern.match(text, start)
            if m is not None and m.end() > start:
                found.add((number, start, m.end()))
    return found


def _word(char: str) -> bool:
    return re.match(r"\w", char) is not None


_INDEX = build(RULES, WATCHED)
_PYTHON_INDEX = build(RULES, WATCHED)
_PYTHON_INDEX.compiled = None  # the key pass in Python, whether or not a build is loaded
_TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=20
).map(lambda parts: "".join(word + sep for word, sep in parts))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_index_finds_what_every_rule_run_everywhere_finds(text: str) -> None:
    assert set(_INDEX.find(text).matches) == _reference(RULES, text)
    assert set(_PYTHON_INDEX.find(text).matches) == _reference(RULES, text)


_COMPILED = pytest.mark.skipif(
    NATIVE_MODULE not in sys.modules,
    reason="the key pass is not compiled for these sources; `make engine` builds it",
)


def _met_both_ways(index: Index, text: str) -> tuple[object, object]:
    folded = fold(text).text
    skeleton = Skeleton(folded)
    unspaced = skeleton.beyond_cp1251 and UNSPACED_SCRIPT.search(folded) is not None
    raw = folded.encode("utf-8", "replace") if unspaced else None
    assert index.compiled is not None
    compiled = index.compiled.find(folded.encode("utf-8", "replace"))
    return compiled, index.met_units(skeleton, raw, folded)


@_COMPILED
@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_compiled_key_pass_meets_the_units_the_python_one_does(text: str) -> None:
    compiled, python = _met_both_ways(_INDEX, text)

    assert compiled == python


@_COMPILED
@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=())))
def test_the_compiled_skeleton_spells_any_text_as_python_does(text: str) -> None:
    # any code point, lone surrogates too: a character's spelling, runs collapsing, scripts
    # without spaces
    compiled, python = _met_both_ways(detect._INDEX, text + " паспорт авсан 护照 ")

    assert compiled == python


@_COMPILED
def test_the_compiled_key_pass_agrees_with_python_on_the_engines_own_rules() -> None:
    texts = labelled_long_and_spliced(seed=5)

    differing = []
    for text in texts:
        compiled, python = _met_both_ways(detect._INDEX, text)
        if compiled != python:
            differing.append(text)

    assert len(texts) > 4000
    assert differing == []


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_watched_regex_that_occurs_is_always_reported_with_an_alternative_that_finds_it(
    text: str,
) -> None:
    watched = _INDEX.find(text).watched
    for number, regex in enumerate(WATCHED, start=len(RULES)):
        if re.search(regex, text):
            assert any(alternative.search(text) for alternative in watched[number])


def test_only_the_alternatives_of_a_watched_regex_that_can_occur_are_handed_back() -> None:
    # "news" alone: the Mongolian alternative cannot occur, so a sentence is never searched
    # for it; a text with neither alternative's words is never searched at all.
    news = len(RULES)
    [alternative] = _INDEX.find("it was in the news today").watched[news]
    assert alternative.search("in the news")
    assert not alternative.search("мэдээнд")
    assert news not in _INDEX.find("he took my passport").watched


def test_evidence_after_long_vowels_quotes_the_right_words() -> None:
    # Long vowels collapse in the skeleton the index reads; evidence must still point at the
    # original words.
    text = "Saaaaaiin baina uu. Paaaaasport-iig ni khuuuuraasan, gadagsh gargahgui baina."
    result = assess(text)
    quotes = [ev.quote for hit in result.indicators for ev in hit.evidence]
    assert any(q.lower().startswith("paaaaasport-iig") for q in quotes)
    for hit in result.indicators:
        for ev in hit.evidence:
            assert text[ev.start : ev.end] == ev.quote


def test_chinese_rules_are_found_in_chinese_text() -> None:
    assert (11, 5, 7) in _INDEX.find("要求家里付赎金才放人。").matches
    assert assess("公司要求家里付赎金才放人。").indicators
