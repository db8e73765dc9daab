"""One alert per case: opened, updated by new reports, acknowledged, resolved — audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from haruul_notify.domain.lifecycle import (
    AlertState,
    LifecycleError,
    ReportFacts,
    acknowledge,
    add_report,
    alert_id_for_case,
    open_alert,
    resolve,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _facts(
    report_id: str,
    level: str = "high",
    stage: str = "recruitment",
    codes: tuple[str, ...] = ("S-AD", "S-CONF"),
) -> ReportFacts:
    return ReportFacts(
        report_id=report_id,
        case_id="case-1",
        level=level,
        score=60,
        stage=stage,
        indicator_codes=codes,
        destination_country="KH",
    )


def test_every_report_of_a_case_finds_the_same_alert() -> None:
    alert = open_alert(_facts("r1"), "desk-kh", T0)
    assert alert.alert_id == alert_id_for_case("case-1")
    assert alert.state is AlertState.OPEN
    assert len(alert.ack_code) == 4
    assert alert.audit[0].action == "opened"


def test_a_new_report_updates_the_alert_and_raises_its_level() -> None:
    alert = open_alert(_facts("r1"), "desk-kh", T0)
    later = add_report(
        alert, _facts("r2", "critical", "destination", ("DOC", "S-CONF")), T0 + timedelta(minutes=3)
    )

    assert later.report_ids == ("r1", "r2")
    assert later.level == "critical"
    assert later.stage == "destination"
    assert later.indicator_codes == ("S-AD", "S-CONF", "DOC")
    assert later.audit[-1].action == "updated"
    assert add_report(later, _facts("r2"), T0 + timedelta(minutes=4)) is later  # redelivery


def test_acknowledging_is_audited_and_idempotent() -> None:
    alert = open_alert(_facts("r1"), "desk-kh", T0)
    acked = acknowledge(alert, "officer-bat", "sms", T0 + timedelta(minutes=2))
    assert acked.state is AlertState.ACKNOWLEDGED
    assert (acked.audit[-1].actor, acked.audit[-1].channel) == ("officer-bat", "sms")
    assert acknowledge(acked, "officer-other", "cli", T0 + timedelta(minutes=3)) is acked


def test_a_resolved_alert_cannot_be_acknowledged_but_a_new_report_reopens_it() -> None:
    resolved = resolve(open_alert(_facts("r1"), "desk-kh", T0), "head", "cli", T0)
    with pytest.raises(LifecycleError, match="already resolved"):
        acknowledge(resolved, "officer-bat", "sms", T0)
    reopened = add_report(resolved, _facts("r9"), T0 + timedelta(days=1))
    assert reopened.state is AlertState.OPEN
    assert reopened.audit[-1].action == "reopened"
