"""Pure evaluation arithmetic for a labelled set: confusion matrix, alert recall, false alarms,
per-indicator precision and recall. No file I/O: the caller loads the labels and runs `assess`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from haruul_scoring.domain.model import Level

ALERT = Level.HIGH  # an alert is HIGH or CRITICAL


@dataclass(frozen=True)
class Case:
    """One labelled report and what the engine said about it."""

    expected_level: Level
    actual_level: Level
    expected_codes: frozenset[str]
    actual_codes: frozenset[str]


@dataclass(frozen=True)
class CodeStats:
    code: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def confusion(cases: Iterable[Case]) -> dict[tuple[Level, Level], int]:
    """(expected, actual) → count, with every pair of levels present."""
    matrix = {(e, a): 0 for e in Level for a in Level}
    for case in cases:
        matrix[(case.expected_level, case.actual_level)] += 1
    return matrix


def alert_recall(cases: Iterable[Case]) -> float:
    """Share of expected HIGH/CRITICAL reports that the engine scored HIGH/CRITICAL."""
    alerts = [c for c in cases if c.expected_level.at_least(ALERT)]
    if not alerts:
        return 1.0
    return sum(c.actual_level.at_least(ALERT) for c in alerts) / len(alerts)


def false_alarm_rate(cases: Iterable[Case]) -> float:
    """Share of expected LOW reports that the engine scored HIGH/CRITICAL."""
    lows = [c for c in cases if c.expected_level is Level.LOW]
    if not lows:
        return 0.0
    return sum(c.actual_level.at_least(ALERT) for c in lows) / len(lows)


def per_indicator(cases: Iterable[Case]) -> tuple[CodeStats, ...]:
    """Precision/recall per indicator code, sorted by code."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for case in cases:
        for code in case.actual_codes & case.expected_codes:
            tp[code] = tp.get(code, 0) + 1
        for code in case.actual_codes - case.expected_codes:
            fp[code] = fp.get(code, 0) + 1
        for code in case.expected_codes - case.actual_codes:
            fn[code] = fn.get(code, 0) + 1
    codes = sorted(set(tp) | set(fp) | set(fn))
    return tuple(CodeStats(c, tp.get(c, 0), fp.get(c, 0), fn.get(c, 0)) for c in codes)
