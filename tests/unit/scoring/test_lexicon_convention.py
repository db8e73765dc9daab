"""The lexicon's convention (lexicon.py): a rule whose wording carries its own negation is not
negatable. In Mongolian the negation is the suffix -гүй, and the negation check cancels a match
whose last word ends in it, so a negatable rule must never end in such a word: "ажилгүй"
(jobless) as a negatable rule never fired at all."""

from __future__ import annotations

import re

import pytest

from haruul_scoring.domain.alternatives import alternatives
from haruul_scoring.domain.chinese_script import to_simplified
from haruul_scoring.domain.detect import ALL_RULES
from haruul_scoring.domain.lexicon import Lang, Rule
from haruul_scoring.domain.mongolian import SPACE, expand

_NEGATION_SUFFIX = expand("гүй")
_NEGATABLE_MONGOLIAN = [r for r in ALL_RULES if r.lang is Lang.MN and r.negatable]


def test_there_are_negatable_mongolian_rules_to_check() -> None:
    assert len(_NEGATABLE_MONGOLIAN) > 50


def _without_negative_lookaheads(regex: str) -> str:
    """The regex with its `(?!…)` groups cut out: words a match must not be followed by are
    never part of it ("хадгал~ (?! эрхгүй)")."""
    out: list[str] = []
    at = 0
    while (start := regex.find("(?!", at)) >= 0:
        out.append(regex[at:start])
        depth, end = 0, start
        while True:
            if regex[end] == "\\":
                end += 2
                continue
            depth += {"(": 1, ")": -1}.get(regex[end], 0)
            end += 1
            if depth == 0:
                break
        at = end
    out.append(regex[at:])
    return "".join(out)


def test_negative_lookaheads_are_cut_out() -> None:
    assert _without_negative_lookaheads(r"a(?!b(?:c|\)))d(?!e)") == "ad"


@pytest.mark.parametrize("rule", _NEGATABLE_MONGOLIAN, ids=lambda rule: rule.code)
def test_a_negatable_mongolian_rule_does_not_end_in_a_word_with_the_negation_suffix(
    rule: Rule,
) -> None:
    regex = _without_negative_lookaheads(rule.regex)
    at = regex.find(_NEGATION_SUFFIX)
    while at >= 0:
        # another word must follow ("төлөхгүй бол …", "үнэгүй тийз"): the match ends beyond it
        assert SPACE in regex[at:], rule.regex
        at = regex.find(_NEGATION_SUFFIX, at + 1)


# A Chinese rule's assertions must hold for its traditional spellings too: the text is folded
# to simplified characters, so "(?<!担心)被骗|被騙" matched "担心他被骗" through "被騙", which
# folds to the very words the assertion guards (fresh93). The traditional form belongs inside
# the guarded group: "(?<!担心)(?:被骗|被騙)".
_LEADING_ASSERTIONS = re.compile(r"^(?:\(\?<?[!=][^()]*\))+")


def _bypassed_assertions(regex: str) -> list[str]:
    """The alternatives of `regex` that carry leading assertions a sibling alternative drops,
    both folding to the same words."""
    parts = alternatives(regex)
    guarded = {}
    for part in parts:
        lead = _LEADING_ASSERTIONS.match(part)
        if lead:
            guarded[to_simplified(part[lead.end() :])] = part
    return [
        guarded[to_simplified(part)]
        for part in parts
        if not _LEADING_ASSERTIONS.match(part) and to_simplified(part) in guarded
    ]


def test_a_traditional_spelling_beside_a_guarded_one_is_caught() -> None:
    assert _bypassed_assertions("(?<!担心)被骗|被騙") == ["(?<!担心)被骗"]
    assert _bypassed_assertions("(?<!担心)(?:被骗|被騙)") == []


@pytest.mark.parametrize(
    "rule", [r for r in ALL_RULES if r.lang is Lang.ZH], ids=lambda rule: rule.regex[:30]
)
def test_no_chinese_rule_loses_an_assertion_to_its_traditional_spelling(rule: Rule) -> None:
    assert _bypassed_assertions(rule.regex) == []
