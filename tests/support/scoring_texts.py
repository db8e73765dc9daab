"""Texts to compare a compiled part of the scoring engine with its Python reference on."""

from __future__ import annotations

import json
import random
from pathlib import Path

from haruul_scoring.bench_corpus import build_corpus

DATA = Path(__file__).resolve().parents[1] / "data"


def labelled_texts() -> list[str]:
    """Every labelled report's text (tests/data)."""
    return [
        json.loads(line)["text"]
        for path in sorted(DATA.glob("*-reports.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def labelled_long_and_spliced(seed: int) -> list[str]:
    """Every labelled report, 200 of the benchmark's long reports, and 500 pieces of two of
    them spliced at random places (a word or a key cut in half, a script changing mid-text)."""
    texts = labelled_texts() + build_corpus(200)
    pick = random.Random(seed)
    return texts + [
        a[: pick.randrange(len(a) + 1)] + b[pick.randrange(len(b) + 1) :]
        for a, b in (pick.sample(texts, 2) for _ in range(500))
    ]
