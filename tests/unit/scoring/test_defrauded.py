"""A report of money lost to an online fraud, read as the writer's loss only when nothing in it
is about a person at risk (`defrauded`)."""

from __future__ import annotations

from collections.abc import Callable

from haruul_scoring.domain import defrauded
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level, Stage


def _one_sentence(text: str) -> Callable[[int], tuple[int, int]]:
    """Sentence bounds for a text that is one sentence."""
    return lambda _position: (0, len(text))


def test_the_frauds_own_signs_with_no_place_and_no_relative_are_only_the_fraud() -> None:
    text = "now they stopped answering. someone said these people sit in scam compounds."
    signs = [("ISO", 9, 27), ("S-SCAM", 60, 73)]
    assert defrauded.only_the_fraud(text, signs, _one_sentence(text), named_places=0)


def test_a_relative_a_named_place_or_another_sign_is_more_than_the_fraud() -> None:
    text = "now our son stopped answering."
    assert not defrauded.only_the_fraud(
        text, [("ISO", 12, 29)], _one_sentence(text), named_places=0
    )
    assert not defrauded.only_the_fraud("x", [("ISO", 0, 1)], _one_sentence("x"), named_places=1)
    took = "they took it"
    assert not defrauded.only_the_fraud(took, [("DOC", 0, 12)], _one_sentence(took), named_places=0)


def test_a_ransom_is_the_frauds_only_when_it_is_the_currency_alone() -> None:
    paid_in = "we bought usdt"
    demanded = "they want us to pay 5000 usdt"
    assert defrauded.only_the_fraud(
        paid_in, [("S-RAN", 10, 14)], _one_sentence(paid_in), named_places=0
    )
    demand = [("S-RAN", 5, 19)]
    assert not defrauded.only_the_fraud(demanded, demand, _one_sentence(demanded), named_places=0)


def test_the_loss_is_low_at_no_stage_and_says_why_with_its_signs_listed() -> None:
    assessment = assess("网上的男朋友带我投USDT，投了二十万提不出来。派出所说是杀猪盘。")
    assert (assessment.level, assessment.stage) == (Level.LOW, Stage.NONE)
    assert "S-SCAM" in assessment.codes
    assert "online fraud" in assessment.explanation
