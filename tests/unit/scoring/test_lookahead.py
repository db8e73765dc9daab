"""Gaps that look ahead change no match: each rule finds the same spans with and without."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.bench_corpus import build_corpus
from haruul_scoring.domain.detect import ALL_RULES
from haruul_scoring.domain.lexicon import ZH_GAP
from haruul_scoring.domain.lookahead import after_gaps
from haruul_scoring.domain.mongolian import GAP
from haruul_scoring.domain.normalize import fold

_GAPS = (GAP, ZH_GAP)
_CHANGED = [
    (re.compile(rule.regex), re.compile(after_gaps(rule.regex, _GAPS)))
    for rule in ALL_RULES
    if after_gaps(rule.regex, _GAPS) != rule.regex
]
_TEXTS = [fold(text).text for text in build_corpus(60)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The match at every position (not only `finditer`'s), as the engine tries them."""
    return [m.span() for m in map(pattern.match, [text] * len(text), range(len(text))) if m]


def test_most_gap_rules_get_a_lookahead() -> None:
    with_gap = [rule for rule in ALL_RULES if GAP in rule.regex or ZH_GAP in rule.regex]
    assert len(_CHANGED) > len(with_gap) / 2


def test_the_lookahead_lists_the_next_items_first_characters() -> None:
    assert after_gaps("a" + GAP + r"\b(?:fees?|[дd]+eposit)", _GAPS) == (
        "a" + GAP + r"(?=[dfд])\b(?:fees?|[дd]+eposit)"
    )
    assert after_gaps("a" + GAP + "(?:an |the )?it", _GAPS) == "a" + GAP + "(?:an |the )?it"
    assert after_gaps("a" + GAP + r"(?:(?:an |the )?it)", _GAPS) == (
        "a" + GAP + r"(?=[ait])(?:(?:an |the )?it)"
    )


def test_no_lookahead_where_the_next_item_cannot_be_listed() -> None:
    for rest in (r"\w+", r"\d+", ".x", "[^a]", "(?:a)?b", "(?:a|)b", ")", "|b", ""):
        assert after_gaps("a" + GAP + rest, _GAPS) == "a" + GAP + rest
    assert after_gaps("(?i:a)" + GAP + "b", _GAPS) == "(?i:a)" + GAP + "b"


def test_every_changed_rule_matches_the_corpus_as_before() -> None:
    for text in _TEXTS:
        for plain, ahead in _CHANGED:
            assert _spans(ahead, text) == _spans(plain, text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_TEXTS), min_size=1, max_size=3), st.randoms())
def test_every_changed_rule_matches_mixed_text_as_before(
    texts: list[str], rnd: random.Random
) -> None:
    words = " ".join(texts).split(" ")
    rnd.shuffle(words)
    text = " ".join(words)[:600]
    for plain, ahead in _CHANGED:
        assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)]
