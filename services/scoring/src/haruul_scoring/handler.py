"""Scoring's Kafka edge: one report in, one risk event out, or one dead-letter entry.

Errors are classified here. A message that cannot be read as a v1 report is dead-lettered
with the reason and committed — retrying it would never succeed. A failure to publish the
risk event propagates, so the offset is not committed and the report is read again.

The reports of one poll are handled side by side (`haruul_common.kafka.subscribe`): each is
scored in turn, the poll's case links are committed together (`case_linker`), and then their
risk events are published.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

import structlog

from haruul_common.events import ReportV1, RiskEventV1
from haruul_common.kafka import SourceRecord, read_or_dead_letter
from haruul_common.sealing import Sealer
from haruul_scoring.case_linker import CaseLinker
from haruul_scoring.case_store import CaseStore, LinkRequest
from haruul_scoring.correlation import report_contact_hashes, report_source
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.entities import extract_entities
from haruul_scoring.metrics import ScoringMetrics
from haruul_scoring.risk_event import to_risk_event

log = structlog.get_logger("haruul_scoring")


class RiskEventSink(Protocol):
    async def publish(self, event: RiskEventV1) -> None: ...

    async def dead_letter(self, record: SourceRecord, reason: str) -> None: ...


class ReportHandler:
    def __init__(
        self,
        sink: RiskEventSink,
        metrics: ScoringMetrics,
        cases: CaseStore,
        contact_salt: bytes,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sealer: Sealer | None = None,
    ) -> None:
        self._sink = sink
        self._sealer = sealer  # opens the reports' sealed narrative and contacts
        self._cases = CaseLinker(cases)
        self._contact_salt = contact_salt
        self._metrics = metrics
        self._clock = clock

    async def forget_before(self, cutoff: datetime) -> int:
        """The retention purge of the case index, on the thread that owns its connection."""
        return await self._cases.purge_before(cutoff)

    async def handle(self, record: SourceRecord) -> RiskEventV1 | None:
        report = await read_or_dead_letter(
            ReportV1,
            "report",
            record,
            self._sink.dead_letter,
            self._metrics.dead_letters,
            self._sealer,
        )
        if report is None:
            return None
        started = time.perf_counter()
        assessment = assess(report.text)
        entities = extract_entities(report.text)
        self._metrics.score_seconds.observe(time.perf_counter() - started)
        case = await self._cases.link(
            LinkRequest(
                report.report_id,
                frozenset(report_contact_hashes(report, entities, self._contact_salt)),
                assessment.level.value,
                report_source(report, self._contact_salt),
            )
        )
        event = to_risk_event(report, assessment, self._clock(), entities, case)
        await self._sink.publish(event)
        self._metrics.events_scored.labels(event.level).inc()
        log.info(
            "report_scored",
            report_id=report.report_id,
            event_id=event.event_id,
            # Not `level`: the log's own level (info, warning, ...) takes that key.
            risk_level=event.level,
            score=event.score,
            indicators=[hit.code for hit in event.indicators],
            case_id=case.case_id,
            case_level=case.level,
            case_reports=case.report_count,
        )
        if case.merged_case_ids:
            log.info("cases_merged", case_id=case.case_id, merged=list(case.merged_case_ids))
        return event

    def close(self) -> None:
        """Wait for the case index's last write; call before closing the case index."""
        self._cases.close()
