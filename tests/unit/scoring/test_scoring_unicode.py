"""The engine never raises on odd input, and evidence offsets always point into the original."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level

ODD = [
    "",
    " ",
    "\n\n\t",
    "🙏🙏🙏 help 😭",
    "e\u0301\u0301\u0301 combining marks \u0300",
    "\u0301 starts with a combining mark",
    "مرحبا، أخي في بويبت",  # Arabic, right-to-left
    "\u202eRTL override\u202c",
    "\ufeffBOM first",
    "ﬁ ligature ＦＵＬＬＷＩＤＴＨ Ⅻ ß",
    "\x00\x01 control chars",
    "a" * 20000,
    "?" * 500,
    "…" * 100,
]


@pytest.mark.parametrize("text", ODD)
def test_odd_unicode_never_raises(text: str) -> None:
    result = assess(text)
    assert isinstance(result.level, Level)
    spans = [ev for hit in result.indicators for ev in hit.evidence]
    spans += [ev for place in result.places for ev in place.evidence]
    for ev in spans:
        assert text[ev.start : ev.end] == ev.quote


def test_a_lone_surrogate_in_chinese_text_is_scored() -> None:
    # as `json.loads` reads "\\ud800": Chinese goes through the key pass spelt as it is
    text = "护照被拿走了 \ud800 人在KK园区"

    result = assess(text)

    assert {"DOC", "S-HUB"} <= {hit.code for hit in result.indicators}


@pytest.mark.parametrize(
    "text",
    [
        "They ＴＯＯＫ his ＰＡＳＳＰＯＲＴ in Ｂａｖｅｔ.",  # fullwidth: NFKC
        "They took his pass\u200bport in Bavet.",  # zero-width space inside the word
        "ТЭД ПАСПОРТЫГ НЬ ХУРААСАН, ÉTÉ ﬁne.",  # upper case, ligature
        "passport-iig hurааsan",  # Latin-typed Mongolian with Cyrillic а inside
    ],
)
def test_folding_finds_doc_and_quotes_original_offsets(text: str) -> None:
    result = assess(text)
    assert "DOC" in result.codes, result.explanation
    spans = [ev for hit in result.indicators for ev in hit.evidence]
    spans += [ev for place in result.places for ev in place.evidence]
    for ev in spans:
        assert text[ev.start : ev.end] == ev.quote


def test_same_text_same_result() -> None:
    text = "My son is in KK Park and they took his passport."
    assert assess(text) == assess(text)
