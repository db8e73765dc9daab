"""Debt owed to a lender, named beside the debt words within their clause."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.context import Sentences
from haruul_scoring.domain.lenders import owed_to_a_lender


def _check(text: str, debt_words: str) -> bool:
    start = text.index(debt_words)
    return owed_to_a_lender(
        text, start, start + len(debt_words), (0, len(text)), Sentences(text).says
    )


@pytest.mark.parametrize(
    ("text", "debt_words"),
    [
        ("they still owe the bank for the flat", "owe"),
        ("банкинд их өртэй", "өртэй"),
        ("bankind ih oortei", "oortei"),
        ("у неё долг по кредиту", "долг"),
        ("表哥欠了网贷五万", "欠"),
        # an amount between the lender and the debt words
        ("банкинд нийт 7 саяын өртэй", "өртэй"),
    ],
)
def test_a_lender_beside_the_debt(text: str, debt_words: str) -> None:
    assert _check(text, debt_words)


@pytest.mark.parametrize(
    ("text", "debt_words"),
    [
        # the creditor after the debt words is the company; the bank loan is further back
        ("she paid off her bank loan and now she owes the company", "owes"),
        # the lender is in another clause
        ("he owes the boss for the ticket; his mother has a bank loan", "owes"),
        ("он должен компании за билет", "должен"),
    ],
)
def test_no_lender_beside_the_debt(text: str, debt_words: str) -> None:
    assert not _check(text, debt_words)
