"""Case correlation on the real broker: three reports naming one Telegram recruiter, from three
families, become one case whose level rises — and the case survives a restart of scoring."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from haruul_common.events import Contact, ReportV1, RiskEventV1
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_scoring.main import ScoringService
from tests.support.kafka import wait_for_records
from tests.support.pipeline import running_scoring, scoring_settings, unique_group

pytestmark = pytest.mark.integration

# Each a recruitment-stage offer on its own (medium); the handle is written three ways.
OFFERS = (
    "A woman offered my daughter a translator job in Thailand with a salary of $2,000 a month. "
    "She says to write to her on Telegram @Recruit_Jobs.",
    "Манай хүүд Тайландад оператор ажил санал болгосон, өндөр цалинтай. "
    "Телеграм: t.me/recruit_jobs",
    "My cousin saw a data-entry job in Cambodia, very high pay. "
    "The contact is telegram recruit_jobs.",
)
LATER = "Another offer from t.me/recruit_jobs: customer service job abroad, $2,500 a month."


async def _score(
    scoring: ScoringService, bootstrap: str, text: str, reporter_phone: str
) -> RiskEventV1:
    report = ReportV1(
        report_id=str(uuid.uuid4()),
        integration_id="test-hotline",
        accepted_at=datetime.now(UTC),
        text=text,
        reporter=Contact(phone=reporter_phone),
    )
    await scoring.broker.publish(
        report.model_dump_json().encode(), REPORTS.name, key=report.report_id.encode()
    )
    [record] = await asyncio.to_thread(
        wait_for_records,
        bootstrap,
        RISK_EVENTS.name,
        lambda r: r.key == report.report_id.encode(),
    )
    return RiskEventV1.model_validate_json(record.value)


async def test_three_families_naming_one_recruiter_make_one_rising_case_that_survives_restart(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = scoring_settings(kafka_bootstrap, tmp_path, unique_group("scoring"))
    async with running_scoring(settings) as scoring:
        events = [
            await _score(scoring, kafka_bootstrap, text, f"+9769900000{n}")
            for n, text in enumerate(OFFERS)
        ]

    assert [event.level for event in events] == ["medium", "medium", "medium"]
    assert len({event.case_id for event in events}) == 1
    assert [event.case_report_count for event in events] == [1, 2, 3]
    # Corroborated by independent families, the case rises; reports of recruitment alone
    # stop at high (only a report of someone held can make a case critical).
    assert [event.case_level for event in events] == ["medium", "high", "high"]
    assert all(
        entity.normalized == "recruit_jobs"
        for event in events
        for entity in event.entities
        if entity.kind == "telegram"
    )

    async with running_scoring(settings, from_end=False) as restarted:
        later = await _score(restarted, kafka_bootstrap, LATER, "+97699000009")

    assert later.case_id == events[0].case_id
    assert later.case_report_count == 4
