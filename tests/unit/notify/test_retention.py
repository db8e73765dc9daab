"""After the retention period an alert loses the report quotes in its explanation; its ids,
level, indicator codes and audit trail stay — and an acknowledged alert stays acknowledged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prometheus_client import CollectorRegistry

from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_service import AlertService
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.lifecycle import PURGED, AlertState, ReportFacts, open_alert
from haruul_notify.metrics import NotifyMetrics
from tests.conftest import StateAt

T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
QUOTE = 'documents held: "they took my passport at the airport"'


def _facts(case_id: str) -> ReportFacts:
    return ReportFacts(
        f"r-{case_id}", case_id, "critical", 90, "destination", ("DOC",), "KH", QUOTE
    )


async def test_old_alerts_lose_their_quotes_and_keep_their_history(state_at: StateAt) -> None:
    now = T0
    service = AlertService(
        AlertStore(state_at("alerts.db")),
        AlertFeed(),
        NotifyMetrics(CollectorRegistry()),
        lambda: now,
    )
    old = open_alert(_facts("c-old"), "kh", T0)
    recent = open_alert(_facts("c-new"), "kh", T0 + timedelta(days=25))
    assert await service.open(old, "opened")
    assert await service.open(recent, "opened")
    service.acknowledge(old.alert_id, "officer-1", "sms")

    now = T0 + timedelta(days=31)
    assert service.purge_personal_data(timedelta(days=30)) == 1
    assert service.purge_personal_data(timedelta(days=30)) == 0  # once is enough

    purged = service.get(old.alert_id)
    assert "passport" not in purged.explanation
    assert purged.state is AlertState.ACKNOWLEDGED
    assert purged.indicator_codes == ("DOC",)
    assert [entry.action for entry in purged.audit][-2:] == ["acknowledged", PURGED]
    assert service.get(recent.alert_id).explanation == QUOTE
