"""`haruul stats FILE`: over scored reports (`haruul score` output), the share of at-risk
reports showing each indicator — the table the advisory of 2026-01-28 reports.

"At risk" means scored at `--min-level` or above (default medium). The advisory's four
findings are matched to the indicators that evidence them and shown beside its figures.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from haruul_scoring.domain.model import Level


@dataclass(frozen=True)
class AdvisoryFinding:
    label: str
    advisory_share: float
    codes: frozenset[str]  # a report shows the finding when it has any of these


ADVISORY_FINDINGS = (
    AdvisoryFinding("promised high salary, debts not disclosed", 0.68, frozenset({"S-AD", "DEBT"})),
    AdvisoryFinding(
        "false information on work and living conditions", 0.56, frozenset({"DEC", "COND"})
    ),
    AdvisoryFinding("told to keep the offer confidential", 0.98, frozenset({"S-CONF"})),
    AdvisoryFinding(
        "freedom of movement restricted (incl. passport taken)", 0.59, frozenset({"MOV", "DOC"})
    ),
)


@dataclass(frozen=True)
class IndicatorShares:
    at_risk: int
    by_code: dict[str, int]
    by_finding: dict[str, int]


class ScoredLineError(ValueError):
    """A line is not a scored report; the message names the line."""


def indicator_shares(lines: Iterable[str], min_level: Level) -> IndicatorShares:
    at_risk = 0
    by_code: Counter[str] = Counter()
    by_finding: Counter[str] = Counter()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            scored = json.loads(line)
            level = Level(scored["level"])
            codes = {indicator["code"] for indicator in scored["indicators"]}
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as error:
            raise ScoredLineError(
                f"line {number}: not a scored report ({type(error).__name__})"
            ) from None
        if not level.at_least(min_level):
            continue
        at_risk += 1
        by_code.update(codes)
        by_finding.update(f.label for f in ADVISORY_FINDINGS if f.codes & codes)
    return IndicatorShares(at_risk, dict(by_code), dict(by_finding))


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def write_text(shares: IndicatorShares, out: TextIO) -> None:
    total = shares.at_risk
    out.write(f"{total} at-risk reports\n\nadvisory finding{'':<40}here  advisory\n")
    for finding in ADVISORY_FINDINGS:
        here = _share(shares.by_finding.get(finding.label, 0), total)
        out.write(f"{finding.label:<56}{here:>5.0%}  {finding.advisory_share:>7.0%}\n")
    out.write("\nindicator  reports  share\n")
    for code, count in sorted(shares.by_code.items(), key=lambda item: (-item[1], item[0])):
        out.write(f"{code:<10}{count:>8}  {_share(count, total):>5.0%}\n")


def write_csv(shares: IndicatorShares, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "name", "reports", "share", "advisory_share"])
    for finding in ADVISORY_FINDINGS:
        count = shares.by_finding.get(finding.label, 0)
        writer.writerow(
            [
                "finding",
                finding.label,
                count,
                f"{_share(count, shares.at_risk):.4f}",
                f"{finding.advisory_share:.2f}",
            ]
        )
    for code, count in sorted(shares.by_code.items()):
        writer.writerow(["indicator", code, count, f"{_share(count, shares.at_risk):.4f}", ""])
