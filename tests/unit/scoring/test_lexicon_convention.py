"""The lexicon's convention (lexicon.py): a rule whose wording carries its own negation is not
negatable. In Mongolian the negation is the suffix -гүй, and the negation check cancels a match
whose last word ends in it, so a negatable rule must never end in such a word: "ажилгүй"
(jobless) as a negatable rule never fired at all."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.detect import ALL_RULES
from haruul_scoring.domain.lexicon import Lang, Rule
from haruul_scoring.domain.mongolian import SPACE, expand

_NEGATION_SUFFIX = expand("гүй")
_NEGATABLE_MONGOLIAN = [r for r in ALL_RULES if r.lang is Lang.MN and r.negatable]


def test_there_are_negatable_mongolian_rules_to_check() -> None:
    assert len(_NEGATABLE_MONGOLIAN) > 50


@pytest.mark.parametrize("rule", _NEGATABLE_MONGOLIAN, ids=lambda rule: rule.code)
def test_a_negatable_mongolian_rule_does_not_end_in_a_word_with_the_negation_suffix(
    rule: Rule,
) -> None:
    at = rule.regex.find(_NEGATION_SUFFIX)
    while at >= 0:
        # another word must follow ("төлөхгүй бол …", "үнэгүй тийз"): the match ends beyond it
        assert SPACE in rule.regex[at:], rule.regex
        at = rule.regex.find(_NEGATION_SUFFIX, at + 1)
