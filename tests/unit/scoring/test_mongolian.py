"""The Mongolian spelling fold of patterns (`mongolian.expand`)."""

from __future__ import annotations

import re

import pytest

from haruul_scoring.domain.mongolian import expand


@pytest.mark.parametrize(
    ("pattern", "matches", "misses"),
    [
        (r"\bпаспорт~ хураа~", ["паспортыг хураасан", "passport-iig hurаasan"], ["passport"]),
        # a character class is copied as it is: its "-" is a range, not an optional hyphen
        (
            r"\b(?:1[2-9]|2[0-3]) цаг ажилла~",
            ["16 цаг ажилладаг", "20 tsag ajilladag"],
            ["24 цаг ажилладаг", "1- цаг ажилладаг"],
        ),
        (r"\b1[0-7] настай", ["16 настай", "17 nastai"], ["18 настай", "19 nastai"]),
    ],
)
def test_a_pattern_matches_both_scripts_and_keeps_its_character_classes(
    pattern: str, matches: list[str], misses: list[str]
) -> None:
    regex = re.compile(expand(pattern))
    for text in matches:
        assert regex.search(text), text
    for text in misses:
        assert not regex.search(text), text
