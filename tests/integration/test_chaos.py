"""`make chaos` in CI's size: under steady load, SIGKILL intake, scoring, notify and the gateway
in turn, stop and restart the broker, then run two scoring and two notify instances on
PostgreSQL and kill one of each — and still no acknowledged report is lost and nobody is paged
twice. Its own broker (restarted mid-run, so never the session's), processes and sinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.chaos.__main__ import quick_config
from tools.chaos.report import render
from tools.chaos.run import Chaos

pytestmark = pytest.mark.integration


def test_faults_under_load_lose_no_acknowledged_report_and_page_nobody_twice(
    tmp_path: Path,
) -> None:
    result = Chaos(quick_config(tmp_path / "chaos")).run()
    table = render(result)
    print(table)
    assert [s.phase for s in result.sessions] == ["single", "scale"], table
    timeline = "\n".join(result.timeline)
    for victim in ("intake", "scoring", "notify", "gateway", "scoring-a", "notify-a"):
        assert f" {victim} SIGKILLed" in timeline, timeline
    assert "broker started again" in timeline, timeline
    single, scale = result.sessions
    assert min(single.books.acknowledged, scale.books.acknowledged) > 0, table
    # The broker was really down, and intake said so instead of promising anything.
    assert any(answer.startswith("503") for answer in single.load.answers), table
    assert min(single.books.paged, scale.books.paged) > 0, table
    assert result.lost == 0, table
    assert result.duplicate_count == 0, table
