"""The person's own family taking a passport, and a fee the person paid herself."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.context import Sentences
from haruul_scoring.domain.own_affairs import paid_by_themselves, taken_by_family


def _whole(check: object, text: str, match: str) -> bool:
    start = text.index(match)
    assert callable(check)
    return bool(check(text, start, start + len(match), (0, len(text)), Sentences(text).says))


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("my ex-husband took her passport and keeps it", "took her passport"),
        ("бывший муж забрал паспорт сына", "забрал паспорт"),
        ("свекровь отобрала паспорт", "отобрала паспорт"),
        ("前夫拿走了孩子的护照", "拿走了孩子的护照"),
    ],
)
def test_a_family_member_taking_the_passport(text: str, match: str) -> None:
    assert _whole(taken_by_family, text, match)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # the family member is the victim, or someone else takes it
        ("my husband's boss took his passport", "took his passport"),
        ("у мужа забрали паспорт", "забрали паспорт"),
        ("the manager took my husband passport", "took my husband passport"),
        # Mongolian leaves the taker unsaid: "my brother: (they) took his passport"
        ("ах маань паспортыг нь хураасан", "паспортыг нь хураасан"),
        # the match starts with the passport, not the taking
        ("my husband, passport taken at the border", "passport taken"),
    ],
)
def test_not_a_family_member_taking_it(text: str, match: str) -> None:
    assert not _whole(taken_by_family, text, match)


def test_a_fee_the_person_paid_herself() -> None:
    text = "she paid the test fee and the medical check herself"
    assert _whole(paid_by_themselves, text, "paid the test fee and the medical")


@pytest.mark.parametrize(
    "text",
    [
        "a man paid her hospital bills himself",  # someone else paid, and said so
        "she paid the hospital bills with his money",
        "they paid her debts",
    ],
)
def test_help_from_someone_else_stays(text: str) -> None:
    start = text.index("paid")
    assert not paid_by_themselves(text, start, len(text), (0, len(text)), Sentences(text).says)
