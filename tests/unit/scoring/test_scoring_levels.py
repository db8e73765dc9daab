"""Levels, stages, score bands and explanations for clear cases."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.engine import ENGINE_VERSION, assess
from haruul_scoring.domain.model import Level, Stage


@pytest.mark.parametrize(
    ("text", "level", "stage"),
    [
        (
            "My son is in Bavet. They took his passport, he cannot leave and they beat him.",
            Level.CRITICAL,
            Stage.DESTINATION,
        ),
        (
            "Хүү маань Мьянмарт байгаа, паспортыг нь хураагаад гадагш гаргахгүй байна.",
            Level.CRITICAL,
            Stage.DESTINATION,
        ),
        ("They want $15,000 USDT ransom for my brother.", Level.CRITICAL, Stage.DESTINATION),
        (
            "A recruiter offered my daughter a translator job in Thailand, will pay her ticket"
            " and told her not to tell anyone.",
            Level.HIGH,
            Stage.RECRUITMENT,
        ),
        (
            "uyal maani Kambojid IT ajild yavah gej baina, ongotsnii tiiziig kompani ni tulnu,"
            " albanii geree baigaa gesen.",
            Level.HIGH,
            Stage.RECRUITMENT,
        ),
        (
            "There is an online marketing job in Cambodia with a high salary.",
            Level.MEDIUM,
            Stage.RECRUITMENT,
        ),
        ("How do I register my child's birth at the consulate?", Level.LOW, Stage.NONE),
    ],
)
def test_levels_and_stages(text: str, level: Level, stage: Stage) -> None:
    result = assess(text)
    assert result.level is level, result.explanation
    assert result.stage is stage


def test_score_sits_in_the_band_of_its_level() -> None:
    bands = {
        Level.LOW: range(0, 20),
        Level.MEDIUM: range(20, 50),
        Level.HIGH: range(50, 75),
        Level.CRITICAL: range(75, 101),
    }
    for text in [
        "",
        "Online marketing job in Cambodia, high salary.",
        "They took his phone and he cannot go outside the fence in Shwe Kokko.",
        "He was beaten in KK Park and they want ransom.",
    ]:
        result = assess(text)
        assert result.score in bands[result.level]


def test_explanation_names_level_codes_and_places() -> None:
    result = assess("In Poipet they took his passport and he cannot leave.")
    assert result.explanation.startswith("Critical")
    assert "DOC" in result.explanation
    assert "MOV" in result.explanation
    assert "Poipet" in result.explanation
    assert result.engine_version == ENGINE_VERSION


def test_level_ordering() -> None:
    assert Level.CRITICAL.at_least(Level.HIGH)
    assert not Level.MEDIUM.at_least(Level.HIGH)
    assert [lv.rank for lv in Level] == [0, 1, 2, 3]
