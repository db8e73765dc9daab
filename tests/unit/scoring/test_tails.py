"""A unit with a gap is tried only where its tail can start in reach, and never misses a match
for it: the bound counts words as `re` does and every stretch the part before the gap can cross.
"""

from __future__ import annotations

import re

import pytest

from haruul_scoring.domain import detect
from haruul_scoring.domain.lexicon import ZH_GAP, ZH_GAP_REACH
from haruul_scoring.domain.mongolian import GAP, expand
from haruul_scoring.domain.prefilter import build
from haruul_scoring.domain.tails import (
    GAP_REACH,
    KNOWN_BELOW,
    in_reach,
    run_ends,
    split_at_gap,
    stretches,
    word_characters,
)
from haruul_scoring.domain.units import units


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"\b(?:agency|company)\b", 0),
        (r"\bask\w*[\w-]*", 0),
        (expand(r"\bгадаад паспорт~"), 1),  # one space between two words
        (r"\bgadaad\W+pasport", 1),  # "\W+" is one stretch however long
        (r"\blooking for\b", 1),
        (r"(?:\bnot\W+){0,2}\bpaid", 2),  # a bounded repeat: as many as it may repeat
        (r"\bthey (?:said|told) us\b", 2),
        (r"(?<!\bwe )\btook\b(?!\W+own\b)", 0),  # lookarounds hold no characters
        (r"[\w'-]+", None),  # "'" between letters, any number of times
        (r"\S+\W+paid", None),  # "\S+" may hold any number of stretches
        (r".{0,5}", None),
    ],
)
def test_stretches_bound_what_the_part_before_a_gap_crosses(
    regex: str, expected: int | None
) -> None:
    assert stretches(regex) == expected


def test_a_rule_splits_at_its_first_gap_only_when_the_gap_is_at_its_top_level() -> None:
    two_gaps = r"\bcompany\b" + GAP + r"\btook\b" + GAP + r"money"

    assert split_at_gap(two_gaps) == (r"\bcompany\b", r"\btook\b" + GAP + r"money")
    assert split_at_gap(r"\b(?:company" + GAP + r"took|agency)") is None  # inside a group
    assert split_at_gap(r"\bcompany" + GAP + r"took|agency") is None  # an alternation
    assert split_at_gap(r"\bcompany\b") is None


def test_word_characters_are_those_re_counts_in_a_word() -> None:
    table = word_characters()

    assert len(table) == KNOWN_BELOW
    in_word = re.compile(r"[\w-]")
    assert [c for c in range(KNOWN_BELOW) if table[c] != (in_word.match(chr(c)) is not None)] == []


def test_runs_end_where_re_says_words_end() -> None:
    assert run_ends("ab, cd-ef 。x") == [2, 9, 12]
    assert run_ends("паспорт авсан") == [7, 13]
    assert run_ends("") == []
    assert run_ends("a\ud800b") == [1, 3]  # a lone surrogate is no word character
    assert run_ends("ok ꙮ") is None  # beyond what is counted: no bound at all


def test_a_start_is_kept_only_with_a_tail_start_in_reach() -> None:
    # runs end at 10, 20, 30 ...; a part crossing one stretch from 0 ends its word by 20
    ends = list(range(10, 200, 10))

    assert in_reach([0], [20 + GAP_REACH], ends, crossed=1) == [0]
    assert in_reach([0], [21 + GAP_REACH], ends, crossed=1) == []
    assert in_reach([0], [10 + GAP_REACH], ends, crossed=0) == [0]
    assert in_reach([0, 100], [5], ends, crossed=0) == [0]  # a tail before a start is no tail
    assert in_reach([185], [250], ends, crossed=2) == [185]  # past the last run: no bound


def test_rules_with_a_gap_get_a_tail_and_most_of_the_engines_do() -> None:
    (unit,) = units(0, expand(r"\bпаспорт~ …хураа~"))

    assert unit.tail is not None
    assert unit.tail.bound == 1  # the space before the gap: one stretch crossed
    assert all(key.startswith(" ") for key, _ in unit.tail.heads)
    with_gap = [u for u in detect._INDEX._units if GAP in u.pattern.pattern]
    assert len(with_gap) > 300
    assert sum(u.tail is not None for u in with_gap) >= 0.95 * len(with_gap)


def test_a_match_far_beyond_the_reach_of_its_head_is_still_found_from_a_nearer_head() -> None:
    rule = r"\btook\b" + GAP + r"\bpassports?\b"
    index = build([rule])
    text = "they took my bag " + "and " * 30 + "later they took the passports."

    assert [(m[1], m[2]) for m in index.find(text).matches] == [
        (text.rindex("took"), len(text) - 1)
    ]


def test_a_chinese_rule_is_tried_where_its_tail_is_within_the_gap() -> None:
    index = build(["(?:手机|电话)" + ZH_GAP + "(?:被收|没收)"])
    near = "他的手机昨天晚上被收了。"
    far = "他的手机" + "在" * (ZH_GAP_REACH + 1) + "被收了。"

    assert [(m[1], m[2]) for m in index.find(near).matches] == [(2, 10)]
    assert index.find(far).matches == []
    (unit,) = units(0, "(?:手机|电话)" + ZH_GAP + "(?:被收|没收)")
    assert unit.tail is not None
    assert unit.tail.bound == 2 + ZH_GAP_REACH
