"""`make bench-scoring` (`python -m haruul_scoring.bench`): the figures it writes."""

from __future__ import annotations

import json
from pathlib import Path

from haruul_scoring.bench import main


def test_json_lands_in_a_directory_that_does_not_exist_yet(tmp_path: Path) -> None:
    # A fresh clone has no var/bench: the benchmark made its figures, then failed to save them.
    path = tmp_path / "var" / "bench" / "scoring.json"
    main(["--seconds", "0.2", "--reports", "6", "--json", str(path)])
    results = json.loads(path.read_text(encoding="utf-8"))
    assert results["reports"] == 6
    assert results["assess"]["reports_per_s"] > 0
    assert results["assess_slowdown_vs_baseline"] > 0
