"""An alert's life: opened for a case, updated by new reports, acknowledged, resolved.

Pure: every function takes an alert and returns the next one, with an audit entry saying who
did what, when and through which channel. One alert per case: a new report on the case updates
the open alert instead of opening another. Invalid transitions raise `LifecycleError` with a
message a staff member can act on.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from haruul_notify.domain.alerts import level_rank

_ALERT_NAMESPACE = uuid.UUID("0b7f1c52-8f0e-4d0a-a0b5-5a3c2e9d4f61")
_ACK_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"  # no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B)


class AlertState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


class LifecycleError(ValueError):
    """The alert cannot make that transition (e.g. acknowledging a resolved alert)."""


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str  # staff id, or "system"
    action: str  # opened, updated, escalated, acknowledged, resolved, silenced, deferred
    channel: str  # kafka, sms, email, grpc, cli, http
    detail: str = ""


@dataclass(frozen=True)
class Alert:
    alert_id: str
    case_id: str
    desk_id: str
    level: str
    state: AlertState
    score: int
    stage: str
    indicator_codes: tuple[str, ...]
    destination_country: str | None
    report_ids: tuple[str, ...]
    opened_at: datetime
    updated_at: datetime
    ack_code: str
    audit: tuple[AuditEntry, ...]
    explanation: str = ""
    places: tuple[str, ...] = ()
    # When intake accepted the case's first report: the start of the report-to-page latency.
    accepted_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state is AlertState.OPEN


def alert_id_for_case(case_id: str) -> str:
    """Deterministic: every report of a case, and every redelivery, finds the same alert."""
    return "alt-" + uuid.uuid5(_ALERT_NAMESPACE, case_id).hex[:16]


def ack_code_for(alert_id: str, length: int = 4) -> str:
    """A short code to reply by SMS ("ACK 4F7K"), derived from the alert id."""
    digest = int.from_bytes(hashlib.sha256(alert_id.encode()).digest()[:8], "big")
    code = ""
    for _ in range(length):
        digest, index = divmod(digest, len(_ACK_ALPHABET))
        code += _ACK_ALPHABET[index]
    return code


@dataclass(frozen=True)
class ReportFacts:
    report_id: str
    case_id: str
    level: str
    score: int
    stage: str
    indicator_codes: tuple[str, ...]
    destination_country: str | None
    explanation: str = ""
    places: tuple[str, ...] = ()
    accepted_at: datetime | None = None


def open_alert(facts: ReportFacts, desk_id: str, at: datetime) -> Alert:
    alert_id = alert_id_for_case(facts.case_id)
    return Alert(
        alert_id=alert_id,
        case_id=facts.case_id,
        desk_id=desk_id,
        level=facts.level,
        state=AlertState.OPEN,
        score=facts.score,
        stage=facts.stage,
        indicator_codes=facts.indicator_codes,
        destination_country=facts.destination_country,
        report_ids=(facts.report_id,),
        opened_at=at,
        updated_at=at,
        ack_code=ack_code_for(alert_id),
        audit=(AuditEntry(at, "system", "opened", "kafka", f"report {facts.report_id}"),),
        explanation=facts.explanation,
        places=facts.places,
        accepted_at=facts.accepted_at,
    )


def add_report(alert: Alert, facts: ReportFacts, at: datetime) -> Alert:
    """A new report on the case: merged into the alert (idempotent for a known report).

    The alert keeps its highest level and score, the union of indicators, and the most urgent
    stage (destination over recruitment). A resolved alert is reopened: the case is active again.
    """
    if facts.report_id in alert.report_ids:
        return alert
    higher = level_rank(facts.level) > level_rank(alert.level)
    stage = (
        "destination"
        if "destination" in (alert.stage, facts.stage)
        else (alert.stage if alert.stage != "none" else facts.stage)
    )
    codes = alert.indicator_codes + tuple(
        code for code in facts.indicator_codes if code not in alert.indicator_codes
    )
    reopened = alert.state is AlertState.RESOLVED
    detail = f"report {facts.report_id}" + (f", level {facts.level}" if higher else "")
    return replace(
        alert,
        level=facts.level if higher else alert.level,
        score=max(alert.score, facts.score),
        stage=stage,
        indicator_codes=codes,
        destination_country=alert.destination_country or facts.destination_country,
        report_ids=(*alert.report_ids, facts.report_id),
        explanation=facts.explanation if higher else alert.explanation,
        places=alert.places + tuple(p for p in facts.places if p not in alert.places),
        state=AlertState.OPEN if reopened else alert.state,
        updated_at=at,
        audit=(
            *alert.audit,
            AuditEntry(at, "system", "reopened" if reopened else "updated", "kafka", detail),
        ),
    )


def acknowledge(alert: Alert, actor: str, channel: str, at: datetime) -> Alert:
    """Stops the escalation. Acknowledging twice is harmless (the first stands)."""
    if alert.state is AlertState.RESOLVED:
        raise LifecycleError(f"alert {alert.alert_id} is already resolved")
    if alert.state is AlertState.ACKNOWLEDGED:
        return alert
    return replace(
        alert,
        state=AlertState.ACKNOWLEDGED,
        updated_at=at,
        audit=(*alert.audit, AuditEntry(at, actor, "acknowledged", channel)),
    )


def resolve(alert: Alert, actor: str, channel: str, at: datetime) -> Alert:
    if alert.state is AlertState.RESOLVED:
        return alert
    return replace(
        alert,
        state=AlertState.RESOLVED,
        updated_at=at,
        audit=(*alert.audit, AuditEntry(at, actor, "resolved", channel)),
    )


def note(alert: Alert, action: str, channel: str, at: datetime, detail: str = "") -> Alert:
    """Record a system action (escalated, silenced, deferred) in the audit trail."""
    return replace(alert, audit=(*alert.audit, AuditEntry(at, "system", action, channel, detail)))


PURGED = "personal_data_purged"


def purge_personal_data(alert: Alert, at: datetime) -> Alert:
    """The alert without what quotes the reports (its explanation carries their words); ids,
    level, indicator codes, places and the whole audit trail stay. Purging twice is a no-op."""
    if any(entry.action == PURGED for entry in alert.audit):
        return alert
    purged = replace(alert, explanation="")
    return note(purged, PURGED, "retention", at)
