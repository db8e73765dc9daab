"""Traditional Chinese folds to simplified, one character for one: the same report in either
script gets the same indicators, and evidence quotes the characters the reporter wrote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haruul_scoring.domain.chinese_script import to_simplified
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.normalize import fold

# The same report in both scripts, written for this test.
TWINS = [
    ("到了以後護照被老闆收走，手機也被沒收。", "到了以后护照被老板收走，手机也被没收。"),
    ("他英語流利，公司說月薪三千美元，機票全包。", "他英语流利，公司说月薪三千美元，机票全包。"),
    ("完不成業績就被打，還說要把他賣到別的園區。", "完不成业绩就被打，还说要把他卖到别的园区。"),
    ("他們叫我不要跟家裡人說，簽了合同再講。", "他们叫我不要跟家里人说，签了合同再讲。"),
]


def test_folds_traditional_characters_to_simplified() -> None:
    assert to_simplified("護照被收走") == "护照被收走"
    assert fold("護照被收走").text == "护照被收走"


@given(st.text())
def test_folding_leaves_no_traditional_character_to_simplify(text: str) -> None:
    # folding skips the search for traditional characters only where it found no Chinese
    folded = fold(text).text
    assert to_simplified(folded) == folded


@pytest.mark.parametrize(
    "text",
    ["Pasport “護照” avsan", "Паспорт — 護照 — забрали", "He wrote 護照 too", "護照\u200b被收走"],
)
def test_traditional_characters_are_simplified_beside_anything(text: str) -> None:
    assert "护照" in fold(text).text


def test_leaves_other_scripts_alone() -> None:
    text = "Паспорт taken, паспортыг хураасан, 护照被收走"
    assert to_simplified(text) == text


@pytest.mark.parametrize(("traditional", "simplified"), TWINS)
def test_a_report_reads_the_same_in_either_script(traditional: str, simplified: str) -> None:
    both = assess(traditional), assess(simplified)
    assert both[0].codes == both[1].codes
    assert both[0].codes  # each twin shows at least one indicator
    assert (both[0].level, both[0].score) == (both[1].level, both[1].score)


def test_evidence_quotes_the_traditional_characters_written() -> None:
    text = TWINS[0][0]
    for hit in assess(text).indicators:
        for evidence in hit.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote
    quotes = {e.quote for hit in assess(text).indicators for e in hit.evidence}
    assert any("護照" in quote or "老闆" in quote for quote in quotes), quotes


@given(st.text())
def test_keeps_length_and_every_character_outside_the_table(text: str) -> None:
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    for before, after in zip(text, simplified, strict=True):
        assert after == before or "\u3400" <= before <= "\U0002ffff"


def test_a_rule_written_in_traditional_reads_the_folded_text() -> None:
    # The rule lists 帳號; the fold writes it 帐号 (OpenCC), not the 账号 the rule also lists.
    assert "S-SCAM" in assess("他每天用假帳號聊天。").codes
