"""The evaluation arithmetic the lead's `make eval` will print."""

from __future__ import annotations

from haruul_scoring.domain.evaluation import (
    Case,
    alert_recall,
    confusion,
    false_alarm_rate,
    per_indicator,
)
from haruul_scoring.domain.model import Level

CASES = [
    Case(Level.CRITICAL, Level.CRITICAL, frozenset({"DOC", "MOV"}), frozenset({"DOC"})),
    Case(Level.HIGH, Level.MEDIUM, frozenset({"S-AD"}), frozenset({"S-AD", "S-TRV"})),
    Case(Level.LOW, Level.HIGH, frozenset(), frozenset({"S-HUB"})),
    Case(Level.LOW, Level.LOW, frozenset(), frozenset()),
]


def test_alert_recall_and_false_alarms() -> None:
    assert alert_recall(CASES) == 0.5
    assert false_alarm_rate(CASES) == 0.5


def test_confusion_counts_every_pair() -> None:
    matrix = confusion(CASES)
    assert len(matrix) == 16
    assert matrix[(Level.HIGH, Level.MEDIUM)] == 1
    assert sum(matrix.values()) == len(CASES)


def test_per_indicator_precision_recall() -> None:
    stats = {s.code: s for s in per_indicator(CASES)}
    assert stats["DOC"].precision == 1.0
    assert stats["DOC"].recall == 1.0
    assert stats["MOV"].recall == 0.0
    assert stats["S-HUB"].precision == 0.0
