"""An assessment and the report's entities as plain JSON-ready fields: the shape `haruul score`
prints and the v1 risk event carries (pydantic validates it there in one call)."""

from __future__ import annotations

from typing import Any

from haruul_scoring.domain.entities import Entity
from haruul_scoring.domain.model import Assessment


def assessment_fields(assessment: Assessment, entities: tuple[Entity, ...]) -> dict[str, Any]:
    return {
        "score": assessment.score,
        "level": assessment.level.value,
        "stage": assessment.stage.value,
        "indicators": [
            {
                "code": hit.code,
                "reason": hit.reason,
                "evidence": [
                    {"start": e.start, "end": e.end, "quote": e.quote} for e in hit.evidence
                ],
            }
            for hit in assessment.indicators
        ],
        "places": [
            {"name": p.name, "country": p.country, "role": p.role} for p in assessment.places
        ],
        "entities": [
            {
                "kind": entity.kind.value,
                "normalized": entity.normalized,
                "evidence": {
                    "start": entity.evidence.start,
                    "end": entity.evidence.end,
                    "quote": entity.evidence.quote,
                },
            }
            for entity in entities
        ],
        "explanation": assessment.explanation,
        "engine_version": assessment.engine_version,
    }
