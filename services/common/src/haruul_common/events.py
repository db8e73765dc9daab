"""Kafka payloads, version 1: the shape of every message on the platform's topics.

These models are the single source of the payload contract; `make generate` exports them as
JSON Schema under `proto/kafka/`, and the example payloads there are contract-test fixtures.
Within v1 changes are additive only, and readers ignore fields they do not know.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from haruul_common.topics import REPORTS, RISK_EVENTS

LevelName = Literal["low", "medium", "high", "critical"]


class _Payload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class ReportChannel(StrEnum):
    HOTLINE = "hotline"
    WEB_FORM = "web_form"
    PARTNER_API = "partner_api"
    SMS = "sms"
    EMAIL = "email"
    WALK_IN = "walk_in"


class Relation(StrEnum):
    SELF = "self"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    SPOUSE = "spouse"
    RELATIVE = "relative"
    FRIEND = "friend"
    OTHER = "other"


class Contact(_Payload):
    """A person named in a report. Personal data: never logged, never in a metric label."""

    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)


class ReportV1(_Payload):
    """An accepted report, as intake publishes it to `haruul.reports.v1` (key: report_id)."""

    schema_version: Literal[1] = 1
    report_id: str
    integration_id: str
    accepted_at: AwareDatetime
    text: str
    language: str | None = None
    channel: ReportChannel | None = None
    relation: Relation | None = None
    destination_country: str | None = None
    external_id: str | None = None
    reporter: Contact | None = None
    subject: Contact | None = None


class EvidenceV1(_Payload):
    start: int
    end: int
    quote: str


class IndicatorV1(_Payload):
    code: str
    reason: str
    evidence: tuple[EvidenceV1, ...] = ()


class PlaceV1(_Payload):
    name: str
    country: str
    role: str


class EntityV1(_Payload):
    """A contact or amount named in the report: `kind` phone, telegram, url, money, ..."""

    kind: str
    normalized: str
    evidence: EvidenceV1


class RiskEventV1(_Payload):
    """A scored report, as scoring publishes it to `haruul.risk-events.v1` (key: report_id)."""

    schema_version: Literal[1] = 1
    event_id: str
    report_id: str
    integration_id: str
    accepted_at: AwareDatetime
    scored_at: AwareDatetime
    score: int = Field(ge=0, le=100)
    level: LevelName
    stage: Literal["none", "recruitment", "destination"]
    indicators: tuple[IndicatorV1, ...] = ()
    places: tuple[PlaceV1, ...] = ()
    explanation: str
    engine_version: str
    destination_country: str | None = None
    # Added in v1.1: the entities named, and the case the report was linked into.
    entities: tuple[EntityV1, ...] = ()
    case_id: str | None = None
    case_level: LevelName | None = None
    case_report_count: int | None = Field(default=None, ge=1)


def unreadable_reason(payload_name: str, error: ValidationError) -> str:
    """Why a message is not a valid payload, naming the fields but never their values."""
    fields = sorted({".".join(map(str, e["loc"])) or "payload" for e in error.errors()})
    return f"not a v1 {payload_name} (" + ", ".join(fields[:5]) + ")"


PAYLOAD_MODELS: dict[str, type[_Payload]] = {
    REPORTS.name: ReportV1,
    RISK_EVENTS.name: RiskEventV1,
}
