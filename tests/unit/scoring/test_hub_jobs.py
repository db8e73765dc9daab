"""A lawful job at a hub: only the hub's and the job's signs, and two marks of lawful work
(`hub_jobs`)."""

from __future__ import annotations

from haruul_scoring.domain import hub_jobs
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level

PAID_AND_PAPERED = "he is paid monthly and has a work visa."


def test_two_marks_of_lawful_work_with_only_the_hub_and_the_job() -> None:
    assert hub_jobs.works_there_lawfully(PAID_AND_PAPERED, {"S-HUB", "S-AD"})


def test_one_mark_is_not_enough() -> None:
    assert not hub_jobs.works_there_lawfully("he has a work visa.", {"S-HUB", "S-AD"})


def test_any_other_sign_is_more_than_a_job() -> None:
    for other in ("DOC", "ISO", "S-FEE", "S-OFF", "DEC"):
        assert not hub_jobs.works_there_lawfully(PAID_AND_PAPERED, {"S-HUB", other})


def test_the_job_is_medium_and_says_why() -> None:
    assessment = assess(
        "I work as a croupier at a licensed casino in Sihanoukville. Pay comes on time, I rent my"
        " own flat."
    )
    assert assessment.level is Level.MEDIUM
    assert "describes the job as lawful" in assessment.explanation
