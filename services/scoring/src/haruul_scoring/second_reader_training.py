"""Train the second reader (`domain.second_reader`) and write its weights module.

    python -m haruul_scoring.second_reader_training        (make second-reader)

Trains on every labelled set in tests/data (the held-out set and the fresh sets, each written
apart from the engine), an alert being a report labelled high or critical. The model: TF-IDF
over `second_reader.terms` (sublinear counts, terms in at least two reports), a logistic
regression with balanced classes, then only its 3,000 heaviest terms kept and the regression
fitted again on them, so the weights module stays small.

Before writing, it prints what the weights cannot show by themselves: the same training left
out of each set in turn and scored on that set (leave one set out), the second reader alone
and as the engine uses it (raising a report the patterns rate medium). Those are the figures to
quote; scores on the training sets themselves say nothing.

Needs scikit-learn (a development dependency); the engine only reads the generated module.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from haruul_scoring.domain import score, second_reader
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.normalize import fold

REPO = Path(__file__).resolve().parents[4]
LABELLED = REPO / "tests" / "data"
WEIGHTS_MODULE = REPO / "services/scoring/src/haruul_scoring/domain/second_reader_weights.py"
KEPT_TERMS = 3000
# Terms in more than 5 % of the reports ("the", "me", "и", "нь") are left out: they weighed on
# style rather than content, and made poor evidence ("My brother lent me 20 dollars" read as
# an alert on "me", "the"); leaving them out cost nothing left out by set.
COMMON = 0.05
REGULARISATION = 4.0  # scikit-learn's C
THRESHOLD = 0.5
# Below this a borderline high is lowered (`Reading.is_unlikely`): left out by set, no alert
# the patterns rate high read below 0.26 from enough terms (2026-12-05).
UNLIKELY = 0.15
MIN_KNOWN = 15  # terms of the model a report must hold to be read (see `Reading.is_alert`)
ALERT_LEVELS = frozenset({"high", "critical"})


@dataclass(frozen=True)
class Example:
    set_name: str
    folded: str
    alert: bool
    low: bool
    engine_level: str
    borderline_high: bool  # high by the patterns only by a rule (`score.borderline_high`)


def labelled_files() -> list[Path]:
    return sorted(LABELLED.glob("*-reports.jsonl"))


def sources_hash(files: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def load(files: Sequence[Path]) -> list[Example]:
    examples = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            patterns = assess(row["text"], use_second_reader=False)
            codes = frozenset(hit.code for hit in patterns.indicators)
            examples.append(
                Example(
                    set_name=path.name.removesuffix("-reports.jsonl"),
                    folded=fold(row["text"]).text,
                    alert=row["expected_level"] in ALERT_LEVELS,
                    low=row["expected_level"] == "low",
                    engine_level=patterns.level.value,
                    borderline_high=score.borderline_high(score.judge(codes), codes),
                )
            )
    return examples


def _analyzer(folded: str) -> list[str]:
    return [term.text for term in second_reader.terms(folded)]


@dataclass(frozen=True)
class Model:
    weights: dict[str, tuple[float, float]]  # term -> (idf, coefficient)
    intercept: float

    def probability(self, folded: str) -> float | None:
        """None when the report holds too few of the model's terms to be read."""
        reading = second_reader.read(folded, self.weights, self.intercept)
        return reading.probability if reading.known >= MIN_KNOWN else None


def fit(examples: Sequence[Example]) -> tuple[TfidfVectorizer, LogisticRegression]:
    """The fitted vectorizer (over the kept terms only) and regression."""
    texts = [e.folded for e in examples]
    labels = [e.alert for e in examples]
    wide = TfidfVectorizer(analyzer=_analyzer, min_df=2, max_df=COMMON, sublinear_tf=True)
    first = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")
    first.fit(wide.fit_transform(texts), labels)
    names = wide.get_feature_names_out()
    heaviest = sorted(range(len(names)), key=lambda i: -abs(first.coef_[0][i]))[:KEPT_TERMS]
    narrow = TfidfVectorizer(
        analyzer=_analyzer, vocabulary=sorted(names[i] for i in heaviest), sublinear_tf=True
    )
    final = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")
    final.fit(narrow.fit_transform(texts), labels)
    return narrow, final


def as_model(vectorizer: TfidfVectorizer, regression: LogisticRegression) -> Model:
    """The weights the engine reads: term -> (idf, coefficient), and the intercept."""
    weights = {
        str(term): (float(vectorizer.idf_[i]), float(regression.coef_[0][i]))
        for term, i in vectorizer.vocabulary_.items()
    }
    return Model(weights, float(regression.intercept_[0]))


def train(examples: Sequence[Example]) -> Model:
    return as_model(*fit(examples))


def _as_engine_reads(example: Example, probability: float | None) -> bool:
    """Whether the engine, with this reading, makes the example an alert."""
    if example.engine_level == "medium":
        return probability is not None and probability >= THRESHOLD
    lowered = example.borderline_high and probability is not None and probability < UNLIKELY
    return example.engine_level in ALERT_LEVELS and not lowered


def leave_one_set_out(examples: Sequence[Example]) -> None:
    sets = sorted({e.set_name for e in examples})
    print("left out     alone: recall  false alarms | with the patterns: recall  false alarms")
    totals = [0, 0, 0, 0, 0, 0]  # alerts, alone found, lows, alone raised, with found, with raised
    for name in sets:
        model = train([e for e in examples if e.set_name != name])
        held = [e for e in examples if e.set_name == name]
        read = [model.probability(e.folded) for e in held]
        alone = [p is not None and p >= THRESHOLD for p in read]
        both = [_as_engine_reads(e, p) for e, p in zip(held, read, strict=True)]
        alerts = [i for i, e in enumerate(held) if e.alert]
        lows = [i for i, e in enumerate(held) if e.low]
        row = [
            len(alerts),
            sum(alone[i] for i in alerts),
            len(lows),
            sum(alone[i] for i in lows),
            sum(both[i] for i in alerts),
            sum(both[i] for i in lows),
        ]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(
            f"{name:10}  {row[1] / row[0]:12.3f}  {row[3]:5} of {row[2]:<3}"
            f" | {row[4] / row[0]:23.3f}  {row[5]:5} of {row[2]}"
        )
    print(
        f"{'all':10}  {totals[1] / totals[0]:12.3f}  {totals[3]:5} of {totals[2]:<3}"
        f" | {totals[4] / totals[0]:23.3f}  {totals[5]:5} of {totals[2]}"
    )
    print(
        "(The patterns were written with these sets in view, so 'with the patterns' flatters the"
        " patterns' part; a fresh set scored once is the honest figure.)"
    )


def write_module(model: Model, files: Sequence[Path], count: int) -> None:
    lines = [
        '"""Generated by `python -m haruul_scoring.second_reader_training` (make second-reader):',
        "do not edit. The second reader's weights: term -> (idf, coefficient).",
        '"""',
        "",
        "# fmt: off",
        f"TRAINED_ON = {count}  # labelled reports",
        f'SOURCES = "{sources_hash(files)}"  # sha256 of tests/data/*-reports.jsonl, first 16',
        f"THRESHOLD = {THRESHOLD!r}",
        f"UNLIKELY = {UNLIKELY!r}",
        f"MIN_KNOWN = {MIN_KNOWN!r}",
        f"INTERCEPT = {model.intercept!r}",
        "WEIGHTS: dict[str, tuple[float, float]] = {",
    ]
    for term in sorted(model.weights):
        idf, coefficient = model.weights[term]
        lines.append(f"    {term!r}: ({round(idf, 6)!r}, {round(coefficient, 6)!r}),")
    lines += ["}", "# fmt: on", ""]
    WEIGHTS_MODULE.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    files = labelled_files()
    examples = load(files)
    print(f"{len(examples)} labelled reports in {len(files)} sets")
    leave_one_set_out(examples)
    model = train(examples)
    write_module(model, files, len(examples))
    print(f"wrote {WEIGHTS_MODULE.relative_to(REPO)} ({len(model.weights)} terms)", file=sys.stderr)


if __name__ == "__main__":
    main()
