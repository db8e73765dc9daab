"""Which risk events become alerts, who gets them over which channel, and what they say.

Pure: plain dataclasses in, plain dataclasses out. The Kafka edge turns a risk event into an
`AlertFacts`; the ledger and gateway act on the `Delivery` values returned here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

LEVELS = ("low", "medium", "high", "critical")

_ALERT_NAMESPACE = uuid.UUID("0b7f1c52-8f0e-4d0a-a0b5-5a3c2e9d4f61")


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"

    @property
    def other(self) -> Channel:
        return Channel.EMAIL if self is Channel.SMS else Channel.SMS


@dataclass(frozen=True)
class Recipient:
    recipient_id: str
    phone: str | None
    email: str | None
    channels: tuple[Channel, ...]


@dataclass(frozen=True)
class AlertFacts:
    """What an alert says: ids, level and the engine's explanation — no reporter contacts."""

    report_id: str
    level: str
    score: int
    stage: str
    indicator_codes: tuple[str, ...]
    places: tuple[str, ...]
    explanation: str
    destination_country: str | None


@dataclass(frozen=True)
class Delivery:
    idempotency_key: str
    alert_id: str
    report_id: str
    recipient_id: str
    channel: Channel
    address: str
    subject: str
    body: str
    # The same message on the other channel, sent when this one keeps failing or is refused.
    fallback: Delivery | None = None


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def is_alerting(level: str, threshold: str) -> bool:
    return level_rank(level) >= level_rank(threshold)


def alert_id_for(report_id: str) -> str:
    """Deterministic, so a redelivered risk event maps to the same alert."""
    return "alt-" + uuid.uuid5(_ALERT_NAMESPACE, report_id).hex[:16]


def idempotency_key(alert_id: str, recipient_id: str, channel: Channel, step: int = 0) -> str:
    return f"{alert_id}/{recipient_id}/{channel.value}/{step}"


def _stage_line(stage: str) -> str:
    if stage == "destination":
        return "Person likely held now - emergency."
    if stage == "recruitment":
        return "Recruitment stage - can still be stopped before departure."
    return "Stage unclear."


def sms_text(alert_id: str, facts: AlertFacts) -> str:
    """Short, ids only: an SMS may be read over someone's shoulder."""
    where = f" {facts.destination_country}" if facts.destination_country else ""
    codes = ",".join(facts.indicator_codes[:6]) or "-"
    return (
        f"HARUUL {facts.level.upper()}{where} alert {alert_id} report {facts.report_id}. "
        f"{_stage_line(facts.stage)} Signs: {codes}. Score {facts.score}/100."
    )


def email_subject(alert_id: str, facts: AlertFacts) -> str:
    return f"[Haruul {facts.level.upper()}] alert {alert_id} (report {facts.report_id})"


def email_body(alert_id: str, facts: AlertFacts) -> str:
    places = ", ".join(facts.places) or "none named"
    return "\n".join(
        [
            f"Alert: {alert_id}",
            f"Report: {facts.report_id}",
            f"Level: {facts.level} (score {facts.score}/100)",
            f"Stage: {facts.stage}. {_stage_line(facts.stage)}",
            f"Indicators: {', '.join(facts.indicator_codes) or 'none'}",
            f"Places: {places}",
            "",
            facts.explanation,
            "",
            "Open the alert desk (`haruul alerts list`) for the evidence behind each indicator.",
        ]
    )


def plan_deliveries(facts: AlertFacts, recipients: tuple[Recipient, ...]) -> tuple[Delivery, ...]:
    """One delivery per recipient and channel that the recipient has an address for."""
    alert_id = alert_id_for(facts.report_id)
    deliveries: list[Delivery] = []
    for recipient in recipients:
        for channel in recipient.channels:
            address = recipient.phone if channel is Channel.SMS else recipient.email
            if not address:
                continue
            is_sms = channel is Channel.SMS
            deliveries.append(
                Delivery(
                    idempotency_key=idempotency_key(alert_id, recipient.recipient_id, channel),
                    alert_id=alert_id,
                    report_id=facts.report_id,
                    recipient_id=recipient.recipient_id,
                    channel=channel,
                    address=address,
                    subject="" if is_sms else email_subject(alert_id, facts),
                    body=sms_text(alert_id, facts) if is_sms else email_body(alert_id, facts),
                )
            )
    return tuple(deliveries)
