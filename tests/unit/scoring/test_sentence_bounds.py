"""The sentence around a position is the one a full split of the report finds."""

from __future__ import annotations

import re
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.domain.sentence_bounds import SentenceBounds, next_sentence_end

_END = re.compile(r"[.!?…]+(?=\s|$)|[。！？\n]+")


def _split(text: str) -> tuple[list[int], list[int]]:
    ends = [m.end() for m in _END.finditer(text)]
    return [0, *ends], [*ends, len(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab .!?…。！？\n\t\u3000", min_size=1, max_size=30))
def test_bounds_agree_with_a_full_split(text: str) -> None:
    starts, ends = _split(text)
    sentences = SentenceBounds(text)
    for pos in range(len(text)):
        i = bisect_right(starts, pos) - 1
        assert sentences.around(pos) == (starts[i], ends[i])


def test_a_decimal_point_or_an_ellipsis_inside_a_sentence_does_not_end_it() -> None:
    text = "He earns 3.5 million...maybe. They took his passport."
    sentences = SentenceBounds(text)
    assert sentences.around(text.index("maybe")) == (0, text.index(" They"))
    assert sentences.around(text.index("passport")) == (text.index(" They"), len(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?…。！？\n\t\u3000", min_size=1, max_size=30))
def test_the_next_sentence_ends_where_a_full_split_ends_it(text: str) -> None:
    _, ends = _split(text)
    for i, end in enumerate(ends[:-1]):
        assert next_sentence_end(text, end) == ends[i + 1]
