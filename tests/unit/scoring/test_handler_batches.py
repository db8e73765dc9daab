"""Scoring's Kafka edge with a poll's reports handled side by side (no broker): every report is
scored and published, the case index links them in the order they arrived (in one transaction
per poll, committed before any of their events is published), and a poison message is
dead-lettered without holding up the rest of the batch."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from prometheus_client import CollectorRegistry

from haruul_common.events import ReportV1, RiskEventV1
from haruul_common.kafka import SourceRecord, handle_batch
from haruul_scoring.case_store import CaseStore, CaseView, LinkRequest
from haruul_scoring.handler import ReportHandler
from haruul_scoring.metrics import ScoringMetrics
from tests.support.logs import captured_logs

TEXT = (
    "They took my son's passport in KK Park and he is not allowed to leave. "
    "The recruiter's Telegram is @kk_jobs_recruiter."
)


class SlowSink:
    """Publishes after a pause, as the broker's acknowledgement does; records what it got."""

    def __init__(self) -> None:
        self.published: list[RiskEventV1] = []
        self.dead: list[tuple[SourceRecord, str]] = []
        self.in_flight = 0
        self.most_in_flight = 0

    async def publish(self, event: RiskEventV1) -> None:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        await asyncio.sleep(0.01)
        self.in_flight -= 1
        self.published.append(event)

    async def dead_letter(self, record: SourceRecord, reason: str) -> None:
        self.dead.append((record, reason))


def _record(offset: int, value: bytes) -> SourceRecord:
    return SourceRecord(
        topic="haruul.reports.v1", partition=0, offset=offset, key=b"k", value=value
    )


def _report(text: str = TEXT) -> ReportV1:
    return ReportV1(
        report_id=str(uuid.uuid4()),
        integration_id="test-hotline",
        accepted_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        text=text,
    )


async def test_a_batch_is_scored_side_by_side_and_linked_in_arrival_order(
    tmp_path: Path,
) -> None:
    sink, cases = SlowSink(), CaseStore(tmp_path / "cases.db")
    handler = ReportHandler(sink, ScoringMetrics(CollectorRegistry()), cases, b"salt")
    reports = [_report() for _ in range(6)]
    records = [_record(i, r.model_dump_json().encode()) for i, r in enumerate(reports)]
    records.insert(3, _record(99, b"\xff not a report"))
    try:
        failures = await handle_batch(records, handler.handle)
    finally:
        handler.close()
        cases.close()

    assert failures == []
    assert sink.most_in_flight > 1  # the publishes overlapped
    assert sorted(e.report_id for e in sink.published) == sorted(r.report_id for r in reports)
    [(dead, reason)] = sink.dead
    assert dead.offset == 99
    assert reason.startswith("not a v1 report")
    # One contact, one case: the first report opened it, each later one joined in order.
    by_report = {event.report_id: event for event in sink.published}
    assert len({by_report[r.report_id].case_id for r in reports}) == 1
    counts = [by_report[r.report_id].case_report_count for r in reports]
    assert counts == [1, 2, 3, 4, 5, 6]


async def test_a_failed_publish_fails_only_its_own_report(tmp_path: Path) -> None:
    class FlakySink(SlowSink):
        async def publish(self, event: RiskEventV1) -> None:
            if event.report_id == flaky.report_id:
                raise ConnectionError("broker unavailable")
            await super().publish(event)

    flaky = _report()
    sink, cases = FlakySink(), CaseStore(tmp_path / "cases.db")
    handler = ReportHandler(sink, ScoringMetrics(CollectorRegistry()), cases, b"salt")
    others = [_report("A job in Dubai paying 5000 dollars a month.") for _ in range(3)]
    records = [_record(i, r.model_dump_json().encode()) for i, r in enumerate([flaky, *others])]
    try:
        failures = await handle_batch(records, handler.handle)
    finally:
        handler.close()
        cases.close()

    assert [type(error) for error in failures] == [ConnectionError]
    assert {e.report_id for e in sink.published} == {r.report_id for r in others}


class CountingCases(CaseStore):
    """The case index, counting its transactions."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.batches: list[int] = []

    def link_all(self, requests: Sequence[LinkRequest]) -> list[CaseView]:
        self.batches.append(len(requests))
        return super().link_all(requests)


def fail_to_link(path: Path, report_id: str) -> Callable[[], None]:
    """Make the case index on `path` refuse `report_id` (as a failing disk would, mid-way
    through the transaction); returns the repair."""
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON case_reports"
            f" WHEN NEW.report_id = '{report_id}' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )

    def repair() -> None:
        with sqlite3.connect(path) as db:
            db.execute("DROP TRIGGER refuse")

    return repair


async def test_a_poll_is_linked_in_one_transaction_before_any_event_is_published(
    tmp_path: Path,
) -> None:
    sink, cases = SlowSink(), CountingCases(tmp_path / "cases.db")
    handler = ReportHandler(sink, ScoringMetrics(CollectorRegistry()), cases, b"salt")
    reports = [_report() for _ in range(5)]
    records = [_record(i, r.model_dump_json().encode()) for i, r in enumerate(reports)]
    try:
        assert await handle_batch(records, handler.handle) == []
        assert await handle_batch(records[:2], handler.handle) == []  # the next poll
    finally:
        handler.close()
        cases.close()

    assert cases.batches == [5, 2]
    assert [e.case_report_count for e in sink.published[:5]] == [1, 2, 3, 4, 5]


async def test_a_case_index_failure_fails_the_whole_poll_and_its_redelivery_links_it(
    tmp_path: Path,
) -> None:
    reports = [_report() for _ in range(6)]
    sink, cases = SlowSink(), CaseStore(tmp_path / "cases.db")
    repair = fail_to_link(tmp_path / "cases.db", reports[3].report_id)
    handler = ReportHandler(sink, ScoringMetrics(CollectorRegistry()), cases, b"salt")
    records = [_record(i, r.model_dump_json().encode()) for i, r in enumerate(reports)]
    try:
        failures = await handle_batch(records, handler.handle)
        assert sink.published == []  # no event names a case that was not committed
        repair()
        redelivered = await handle_batch(records, handler.handle)
    finally:
        handler.close()
        cases.close()

    assert [type(error) for error in failures] == [sqlite3.IntegrityError] * 6
    assert redelivered == []
    # Nothing of the failed transaction was kept: the redelivery opens the case afresh.
    by_report = {event.report_id: event for event in sink.published}
    assert [by_report[r.report_id].case_report_count for r in reports] == [1, 2, 3, 4, 5, 6]


async def test_the_scored_line_names_the_report_its_risk_level_and_case(tmp_path: Path) -> None:
    sink, cases = SlowSink(), CaseStore(tmp_path / "cases.db")
    handler = ReportHandler(sink, ScoringMetrics(CollectorRegistry()), cases, b"salt")
    report = _report()
    try:
        with captured_logs() as lines:
            await handle_batch([_record(0, report.model_dump_json().encode())], handler.handle)
    finally:
        handler.close()
        cases.close()

    [event] = sink.published
    [line] = [json.loads(raw) for raw in lines.getvalue().splitlines() if "report_scored" in raw]
    assert event.level in {"high", "critical"}
    assert line["level"] == "info"  # the line's own level: a risk level here was overwritten
    assert (line["report_id"], line["risk_level"], line["score"], line["case_id"]) == (
        report.report_id, event.level, event.score, event.case_id,
    )  # fmt: skip
    assert line["indicators"] == [hit.code for hit in event.indicators]
