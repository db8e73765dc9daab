"""`haruul eval FILE`: how the engine does on a labelled set (what `make eval` runs).

Each line: `{"id", "text", "expected_level", "expected_indicators"}`. Prints the confusion
matrix by level, alert recall (expected high/critical, scored high/critical), the false-alarm
rate (expected low, scored high/critical) and precision/recall per indicator. With `--check`
the exit code is 1 when recall < 0.95 or false alarms > 5%.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.evaluation import (
    Case,
    alert_recall,
    confusion,
    false_alarm_rate,
    per_indicator,
)
from haruul_scoring.domain.model import Level

RECALL_TARGET = 0.95
FALSE_ALARM_TARGET = 0.05


class LabelError(ValueError):
    """A line of the labelled file is not a labelled report; the message names the line."""


def labelled_cases(lines: Iterable[str]) -> list[Case]:
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            expected = Level(item["expected_level"])
            expected_codes = frozenset(item.get("expected_indicators", ()))
            text = item["text"]
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as error:
            raise LabelError(
                f"line {number}: not a labelled report ({type(error).__name__})"
            ) from None
        assessment = assess(text)
        cases.append(
            Case(
                expected,
                assessment.level,
                expected_codes,
                frozenset(hit.code for hit in assessment.indicators),
            )
        )
    return cases


def render(cases: list[Case], out: TextIO) -> tuple[float, float]:
    matrix = confusion(cases)
    levels = list(Level)
    out.write(f"{len(cases)} labelled reports\n\nconfusion (rows: expected, columns: scored)\n")
    out.write(" " * 10 + "".join(f"{level.value:>10}" for level in levels) + "\n")
    for expected in levels:
        counts = "".join(f"{matrix[(expected, actual)]:>10}" for actual in levels)
        out.write(f"{expected.value:>10}{counts}\n")
    recall, false_alarms = alert_recall(cases), false_alarm_rate(cases)
    out.write(f"\nalert recall      {recall:.3f}  (target >= {RECALL_TARGET})\n")
    out.write(f"false-alarm rate  {false_alarms:.3f}  (target <= {FALSE_ALARM_TARGET})\n")
    out.write(f"\n{'indicator':<10}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}\n")
    for stats in per_indicator(cases):
        out.write(
            f"{stats.code:<10}{stats.precision:>10.2f}{stats.recall:>8.2f}"
            f"{stats.true_positives:>5}{stats.false_positives:>5}{stats.false_negatives:>5}\n"
        )
    return recall, false_alarms


def evaluate(lines: Iterable[str], out: TextIO, *, check: bool) -> int:
    recall, false_alarms = render(labelled_cases(lines), out)
    if check and (recall < RECALL_TARGET or false_alarms > FALSE_ALARM_TARGET):
        out.write("\nbelow target\n")
        return 1
    return 0
