"""A load generator that fails makes the bench say why, not only that it exited non-zero."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.bench.__main__ import loadgen


def test_a_failed_load_generator_names_its_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-bodies.jsonl"
    with pytest.raises(RuntimeError, match=r"loadgen rate exited 1: .*FileNotFoundError"):
        loadgen("rate", 1, missing, None, "--rate", "1", "--seconds", "0.1", timeout_s=60)
