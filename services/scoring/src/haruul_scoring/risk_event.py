"""Turning the engine's assessment of a report into the v1 risk-event payload."""

from __future__ import annotations

import uuid
from datetime import datetime

from haruul_common.events import ReportV1, RiskEventV1
from haruul_scoring.assessment_fields import assessment_fields
from haruul_scoring.case_store import CaseView
from haruul_scoring.domain.entities import Entity
from haruul_scoring.domain.model import Assessment

_EVENT_NAMESPACE = uuid.UUID("6f1d3c0e-5b0a-4f57-9a53-2f6a1c9e7b11")


def risk_event_id(report_id: str, engine_version: str) -> str:
    """Deterministic: re-scoring a redelivered report yields the same event id."""
    return str(uuid.uuid5(_EVENT_NAMESPACE, f"{report_id}/{engine_version}"))


def to_risk_event(
    report: ReportV1,
    assessment: Assessment,
    scored_at: datetime,
    entities: tuple[Entity, ...] = (),
    case: CaseView | None = None,
) -> RiskEventV1:
    # The whole event validated in one call, its nested models built by pydantic's core: a
    # constructor call per indicator, piece of evidence and entity cost half as much again.
    return RiskEventV1.model_validate(
        {
            **assessment_fields(assessment, entities),
            "event_id": risk_event_id(report.report_id, assessment.engine_version),
            "report_id": report.report_id,
            "integration_id": report.integration_id,
            "accepted_at": report.accepted_at,
            "scored_at": scored_at,
            "destination_country": report.destination_country,
            "case_id": case.case_id if case else None,
            "case_level": case.level if case else None,
            "case_report_count": case.report_count if case else None,
        }
    )
