"""A bench run of some phases only never replaces the last full run's figures."""

from __future__ import annotations

from tools.bench.__main__ import PHASES, output_names


def test_a_full_run_writes_the_latest_figures() -> None:
    assert output_names(PHASES) == ("latest.json", "details.json")


def test_a_run_of_some_phases_writes_apart() -> None:
    assert output_names(["e2e"]) == ("partial.json", "partial-details.json")
    assert output_names(["intake", "scoring", "twohop"]) == (
        "partial.json",
        "partial-details.json",
    )
