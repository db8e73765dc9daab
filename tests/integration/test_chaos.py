"""`make chaos` in CI's size: under steady load, SIGKILL intake, scoring, notify and the gateway
in turn, stop and restart the broker, then run two scoring and two notify instances on
PostgreSQL and kill one of each — and still no acknowledged report is lost and nobody is paged
twice. Its own broker (restarted mid-run, so never the session's), processes and sinks.
The books' arithmetic is checked on its own below, without a broker."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.support.routing import PRIMARY_PHONE
from tools.chaos import audit
from tools.chaos.__main__ import quick_config
from tools.chaos.report import render
from tools.chaos.run import Chaos

PRIMARY_EMAIL = "primary@consulate.example"


@pytest.mark.integration
@pytest.mark.timeout(420)  # ~90 s on a quiet machine; three minutes seen at load average 9
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


def _event(report_id: str, level: str = "critical") -> audit.RiskEvent:
    return audit.RiskEvent(report_id, level, f"case-{report_id}")


def test_books_count_an_acknowledged_report_without_its_page_as_lost() -> None:
    paged, unpaged, unscored = "r-paged", "r-unpaged", "r-unscored"
    events = {r: [_event(r)] for r in (paged, unpaged)}
    alert = events[paged][0].alert_id
    deliveries = [
        audit.Delivery(alert, "sms", PRIMARY_PHONE, "m1", "step-300"),
        audit.Delivery(alert, "email", "secondary@consulate.example", "m2", "step-301"),
    ]
    books = audit.audit_phase(
        "single",
        [paged, unpaged, unscored],
        Counter([paged, unpaged, unscored]),
        events,
        deliveries,
        {alert, events[unpaged][0].alert_id},
        escalation_expected=True,
    )
    assert books.lost_ids == {unpaged, unscored}
    assert books.missing["officer on call not paged"] == [unpaged]
    assert books.missing["escalation not paged"] == [unpaged]
    assert books.missing["no risk event"] == [unscored]
    assert books.paged == 1


def test_a_resend_the_gateway_did_not_record_is_a_duplicate_and_another_step_is_not() -> None:
    deliveries = [
        audit.Delivery("alt-a", "email", PRIMARY_EMAIL, "m1", "step-300"),
        audit.Delivery("alt-a", "email", PRIMARY_EMAIL, "m2", None),  # sent, gateway killed
        audit.Delivery("alt-a", "sms", PRIMARY_PHONE, "m3", "step-300"),
        audit.Delivery("alt-b", "sms", PRIMARY_PHONE, "m4", "step-300"),
        audit.Delivery("alt-b", "sms", PRIMARY_PHONE, "m5", "step-200"),  # the case rose a level
    ]
    assert audit.duplicates(deliveries) == {("alt-a", "email", PRIMARY_EMAIL): 1}
