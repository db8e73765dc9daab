"""Throughput benchmark of the scoring engine against a normalise-only baseline.

    python -m haruul_scoring.bench [--seconds N] [--json PATH] [--reports N] [--profile N]

Builds a deterministic corpus of realistic 1–2 KB reports (1,000–2,000 characters) in English,
Mongolian (Cyrillic and Latin-typed), Russian, Chinese and mixed language: neutral narrative
with a few indicator sentences (like the dev set's) placed among it, and about a third with
no indicator at all. The engine runs compiled when `make engine` built it (the table says
which). In the same run it times `assess` and a baseline that only normalises
the texts (NFKC + casefold), with a warm-up and several repetitions, and prints the medians
and the ratio between them. `--profile N` instead runs `assess` once over the corpus under
cProfile and prints the N costliest functions (own time). Pure standard library.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from haruul_scoring.bench_corpus import build_corpus
from haruul_scoring.compiled_engine import describe_build
from haruul_scoring.domain.engine import assess


def _normalise_only(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _rates(run: Callable[[str], object], corpus: Sequence[str], reps: int) -> list[float]:
    """Reports per second of each full pass over the corpus, after one warm-up pass."""
    for text in corpus:
        run(text)
    rates: list[float] = []
    for _ in range(reps):
        began = time.perf_counter()
        for text in corpus:
            run(text)
        rates.append(len(corpus) / (time.perf_counter() - began))
    return rates


def _reps_for(run: Callable[[str], object], corpus: Sequence[str], seconds: float) -> int:
    """Enough repetitions to fill about `seconds`, at least three."""
    began = time.perf_counter()
    for text in corpus[: max(1, len(corpus) // 10)]:
        run(text)
    per_pass = (time.perf_counter() - began) * 10
    return max(3, int(seconds / max(per_pass, 1e-9)))


def measure(seconds: float, reports: int) -> dict[str, object]:
    """Median reports/s of the engine and of the baseline on the same corpus."""
    corpus = build_corpus(reports)
    chars = sum(len(text) for text in corpus)
    results: dict[str, object] = {
        "reports": len(corpus),
        "mean_chars": round(chars / len(corpus)),
        "engine": describe_build(),
    }
    medians: dict[str, float] = {}
    for name, run in (("baseline (NFKC + casefold)", _normalise_only), ("assess", assess)):
        reps = _reps_for(run, corpus, seconds / 2)
        rates = _rates(run, corpus, reps)
        medians[name] = statistics.median(rates)
        results[name] = {
            "reports_per_s": round(medians[name]),
            "us_per_report": round(1e6 / medians[name], 1),
            "repetitions": reps,
            "min_reports_per_s": round(min(rates)),
            "max_reports_per_s": round(max(rates)),
        }
    ratio = medians["baseline (NFKC + casefold)"] / medians["assess"]
    results["assess_slowdown_vs_baseline"] = round(ratio, 2)
    return results


def profile(reports: int, top: int) -> None:
    """The `top` functions `assess` spends most of its own time in, over one warm pass."""
    corpus = build_corpus(reports)
    for text in corpus:
        assess(text)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in corpus:
        assess(text)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def _print_table(results: dict[str, object]) -> None:
    print(f"corpus: {results['reports']} reports, mean {results['mean_chars']} characters")
    print(f"engine: {results['engine']}")
    print(f"{'':28} {'reports/s':>11} {'µs/report':>10} {'min':>9} {'max':>9} {'reps':>5}")
    for name in ("baseline (NFKC + casefold)", "assess"):
        row = results[name]
        assert isinstance(row, dict)
        print(
            f"{name:28} {row['reports_per_s']:>11,} {row['us_per_report']:>10} "
            f"{row['min_reports_per_s']:>9,} {row['max_reports_per_s']:>9,} {row['repetitions']:>5}"
        )
    print(f"assess is {results['assess_slowdown_vs_baseline']}× slower than the baseline")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m haruul_scoring.bench")
    parser.add_argument("--seconds", type=float, default=10.0, help="rough total time budget")
    parser.add_argument("--reports", type=int, default=500, help="corpus size")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON here")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="profile assess instead; print the N costliest"
    )
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.reports, args.profile)
        return
    results = measure(args.seconds, args.reports)
    _print_table(results)
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/bench yet
        path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
