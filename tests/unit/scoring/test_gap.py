"""The gap of '…' rules finds exactly what its plain definition finds.

`mongolian.GAP` is written for speed; its meaning is "the rest of the word, then up to 60
characters inside the sentence, then a word boundary", the plain regex below. The texts mix
hyphenated words, dots inside words (3.5, t.me) and sentence ends, where the two could differ.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.domain.mongolian import GAP, SPACE

PLAIN = r"[\w-]*(?:[^.!?\n]|\.(?=\S)){0,60}?\b"
RULES = [
    (r"\bpassport", r"(?:taken|seized)\b"),
    (r"\bpas", r"port"),
    (r"\bpaid", r"(?:fee|t\.me)"),
    (r"\ba", r"b"),
]
WORDS = [
    "passport",
    "passport-iig",
    "pas-port",
    "taken",
    "seized",
    "paid",
    "fee",
    "t.me",
    "3.5",
    "a",
    "b",
    "ab",
    "a-b",
    "x" * 30,
    "and",
]
SEPARATORS = [" ", " ", "-", ". ", ".", ", ", "! ", "\n", "..."]

_TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=16
).map(lambda parts: "".join(word + sep for word, sep in parts))


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from(RULES), st.sampled_from(["", r"[\w-]*" + SPACE]))
def test_gap_matches_its_plain_definition(text: str, rule: tuple[str, str], rest: str) -> None:
    head, tail = rule
    fast = re.compile(head + rest + GAP + tail)
    plain = re.compile(head + rest + PLAIN + tail)
    for start in range(len(text)):
        expected = plain.match(text, start)
        found = fast.match(text, start)
        assert (found and found.span()) == (expected and expected.span())
