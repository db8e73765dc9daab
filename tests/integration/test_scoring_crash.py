"""Scoring dies after publishing a risk event but before committing the report's offset.

At-least-once: the restarted scoring reads the report again and publishes its risk event
again. Effectively-once where it matters: the officer still gets exactly one SMS and one e-mail.
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from haruul_common.events import ReportV1, RiskEventV1
from haruul_common.local_kafka import start_group_at_end
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_notify.domain.lifecycle import alert_id_for_case
from tests.integration.support.scoring_that_dies import EXIT_CODE
from tests.support.kafka import wait_for_records, wait_until_consumed
from tests.support.pipeline import (
    running_gateway,
    running_notify,
    running_scoring,
    scoring_settings,
    unique_group,
)
from tests.support.smtp import RecordingSmtpServer

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
TEXT = (
    "They took my son's passport in KK Park, Myawaddy, and he is not allowed to leave. "
    "He must run online scams and they threaten to sell him to another company."
)


def _publish_report(bootstrap: str, report: ReportV1) -> int:
    """Publish like intake does; returns the partition."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    try:
        metadata = producer.send(
            REPORTS.name, key=report.report_id.encode(), value=report.model_dump_json().encode()
        ).get(timeout=30)
        return int(metadata.partition)
    finally:
        producer.close()


def _committed(bootstrap: str, group_id: str, partition: int) -> int | None:
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group_id, enable_auto_commit=False
    )
    try:
        offset: int | None = consumer.committed(TopicPartition(REPORTS.name, partition))
        return offset
    finally:
        consumer.close()


async def test_scoring_killed_before_commit_rescores_and_pages_exactly_once(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    group_id = unique_group("scoring")
    start_group_at_end(kafka_bootstrap, group_id, REPORTS.name)
    report = ReportV1(
        report_id=str(uuid.uuid4()),
        integration_id="test-hotline",
        accepted_at=datetime.now(UTC),
        text=TEXT,
    )
    smtp = RecordingSmtpServer()
    smtp.start()
    try:
        async with (
            running_gateway(tmp_path, smtp) as gateway,
            running_notify(kafka_bootstrap, tmp_path, gateway.port) as notify,
        ):
            partition = _publish_report(kafka_bootstrap, report)
            committed_before = _committed(kafka_bootstrap, group_id, partition)

            dying = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "tests.integration.support.scoring_that_dies",
                cwd=REPO,
                env={
                    **os.environ,
                    "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
                    "HARUUL_SCORING_GROUP_ID": group_id,
                    "HARUUL_SCORING_CASE_DB": str(tmp_path / "scoring-cases.db"),
                    "HARUUL_LOG_LEVEL": "WARNING",
                },
            )
            assert await asyncio.wait_for(dying.wait(), timeout=90) == EXIT_CODE
            # It published, and died without committing the report's offset.
            assert await asyncio.to_thread(
                wait_for_records,
                kafka_bootstrap,
                RISK_EVENTS.name,
                lambda r: r.key == report.report_id.encode(),
            )
            assert _committed(kafka_bootstrap, group_id, partition) == committed_before

            async with running_scoring(
                scoring_settings(kafka_bootstrap, tmp_path, group_id), from_end=False
            ):
                events = await asyncio.to_thread(
                    wait_for_records,
                    kafka_bootstrap,
                    RISK_EVENTS.name,
                    lambda r: r.key == report.report_id.encode(),
                    2,
                )
                # Notify has now read both copies; the second is the same report of the case.
                await asyncio.to_thread(
                    wait_until_consumed,
                    kafka_bootstrap,
                    notify.settings.group_id,
                    RISK_EVENTS.name,
                )

        assert len(events) == 2
        scored = [RiskEventV1.model_validate_json(e.value) for e in events]
        assert len({event.event_id for event in scored}) == 1
        alert_id = alert_id_for_case(scored[0].case_id or "")
        assert len(smtp.for_alert(alert_id)) == 1
        assert len(list((tmp_path / "outbox" / "sms").glob(f"{alert_id}-*.json"))) == 1
    finally:
        smtp.stop()
