"""For any text at all: no crash, the same answer twice, and every quote is where it says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.entities import extract_entities
from haruul_scoring.domain.model import Evidence

# Fragments that steer generated text towards what the extractors and the engine look for.
_FRAGMENTS = [
    "+976 9911 2233",
    "99112233",
    "0066-81-234-5678",
    "(+855) 12 345 678",
    "$8,000",
    "2.5 сая төгрөг",
    "500 USDT",
    "30 000 бат",
    "8000美元",
    "телеграм @Recruit_Jobs",
    "t.me/recruit_jobs",
    "wa.me/85512345678",
    "WeChat ID: lucky_job88",
    "微信：abc123",
    "https://Jobs.Example.com/apply/",
    "hr@bavet-jobs.com",
    "Golden Star LLC",
    "«Алтан Зам» ХХК",
    "паспортыг хураасан",
    "KK Park",
    "Poipet",
    "Мьявадди",
    "золиос",
    "ß",
    "İ",
    "ﬁ",
    "\u0301",
    "\u200d",
    "\ufeff",
    # a lone surrogate, as json.loads reads "\\ud800" (Chinese text goes through the key pass
    # spelt as it is, so the two together)
    "\ud800",
    "护照被拿走了",
    "\n",
    "(",
    ")",
    "@",
    ".",
    "-",
    " ",
]
_TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=12).map("".join),
)
_SETTINGS = settings(max_examples=200, deadline=None)


def _assert_quoted(text: str, evidence: Evidence) -> None:
    assert 0 <= evidence.start <= evidence.end <= len(text)
    assert text[evidence.start : evidence.end] == evidence.quote


@_SETTINGS
@given(_TEXT)
def test_extract_entities_never_raises_is_deterministic_and_quotes_exactly(text: str) -> None:
    first = extract_entities(text)
    assert extract_entities(text) == first
    for entity in first:
        _assert_quoted(text, entity.evidence)
        assert entity.value == entity.evidence.quote
        assert entity.normalized
    keys = [(e.kind, e.normalized) for e in first]
    assert len(keys) == len(set(keys))


@_SETTINGS
@given(_TEXT)
def test_assess_never_raises_is_deterministic_and_quotes_exactly(text: str) -> None:
    first = assess(text)
    assert assess(text) == first
    for hit in first.indicators:
        for evidence in hit.evidence:
            _assert_quoted(text, evidence)
    for place in first.places:
        for evidence in place.evidence:
            _assert_quoted(text, evidence)
