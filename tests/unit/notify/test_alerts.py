"""Which risk events alert, who gets what, and what each message says."""

from __future__ import annotations

import pytest

from haruul_notify.domain.alerts import (
    AlertFacts,
    Channel,
    Recipient,
    alert_id_for,
    email_body,
    email_subject,
    is_alerting,
    plan_deliveries,
    sms_text,
)

EXPLANATION = "The reporter says her sister's passport was taken by the employer in Dubai."


def _facts(report_id: str = "rep-0001", level: str = "critical") -> AlertFacts:
    return AlertFacts(
        report_id=report_id,
        level=level,
        score=92,
        stage="destination",
        indicator_codes=("DOC_CONFISCATED", "MOVEMENT_RESTRICTED"),
        places=("Dubai",),
        explanation=EXPLANATION,
        destination_country="AE",
    )


DUTY = Recipient(
    "officer-duty", "+97699112233", "duty@consulate.example", (Channel.SMS, Channel.EMAIL)
)
DESK = Recipient("desk", None, "desk@consulate.example", (Channel.EMAIL,))


@pytest.mark.parametrize(
    ("level", "threshold", "expected"),
    [
        ("low", "high", False),
        ("medium", "high", False),
        ("high", "high", True),
        ("critical", "high", True),
        ("low", "low", True),
        ("high", "critical", False),
        ("critical", "critical", True),
    ],
)
def test_alerts_at_or_above_the_threshold_only(level: str, threshold: str, expected: bool) -> None:
    assert is_alerting(level, threshold) is expected


def test_unknown_level_is_rejected_not_silently_ranked() -> None:
    with pytest.raises(ValueError):
        is_alerting("severe", "high")


def test_alert_id_is_deterministic_per_report() -> None:
    first = alert_id_for("rep-0001")
    assert first == alert_id_for("rep-0001")
    assert first.startswith("alt-")
    assert len(first) == len("alt-") + 16
    assert alert_id_for("rep-0002") != first


def test_one_delivery_per_recipient_and_channel_with_an_address() -> None:
    deliveries = plan_deliveries(_facts(), (DUTY, DESK))

    assert [(d.recipient_id, d.channel, d.address) for d in deliveries] == [
        ("officer-duty", Channel.SMS, "+97699112233"),
        ("officer-duty", Channel.EMAIL, "duty@consulate.example"),
        ("desk", Channel.EMAIL, "desk@consulate.example"),
    ]
    alert_id = alert_id_for("rep-0001")
    assert {d.alert_id for d in deliveries} == {alert_id}
    assert {d.report_id for d in deliveries} == {"rep-0001"}


def test_channel_without_an_address_is_skipped() -> None:
    no_phone = Recipient("no-phone", None, "x@consulate.example", (Channel.SMS, Channel.EMAIL))

    deliveries = plan_deliveries(_facts(), (no_phone,))

    assert [d.channel for d in deliveries] == [Channel.EMAIL]


def test_idempotency_keys_differ_per_channel_and_recipient_and_repeat_per_event() -> None:
    deliveries = plan_deliveries(_facts(), (DUTY, DESK))
    keys = [d.idempotency_key for d in deliveries]

    assert len(set(keys)) == len(keys) == 3
    # A redelivered risk event plans the same keys, so nothing is sent twice downstream.
    assert keys == [d.idempotency_key for d in plan_deliveries(_facts(), (DUTY, DESK))]
    # Another report never collides with this one.
    other = {d.idempotency_key for d in plan_deliveries(_facts("rep-0002"), (DUTY, DESK))}
    assert other.isdisjoint(keys)


def test_sms_carries_ids_but_not_the_explanation() -> None:
    alert_id = alert_id_for("rep-0001")

    text = sms_text(alert_id, _facts())

    assert alert_id in text
    assert "rep-0001" in text
    assert "CRITICAL" in text
    assert "Dubai" not in text
    assert "passport" not in text
    assert EXPLANATION not in text


def test_sms_planned_for_a_recipient_has_no_subject_and_the_short_text() -> None:
    sms = next(d for d in plan_deliveries(_facts(), (DUTY,)) if d.channel is Channel.SMS)

    assert sms.subject == ""
    assert sms.body == sms_text(sms.alert_id, _facts())


def test_email_carries_the_explanation_and_ids() -> None:
    alert_id = alert_id_for("rep-0001")

    body = email_body(alert_id, _facts())
    subject = email_subject(alert_id, _facts())

    assert EXPLANATION in body
    assert f"Alert: {alert_id}" in body
    assert "Report: rep-0001" in body
    assert "Places: Dubai" in body
    assert "DOC_CONFISCATED, MOVEMENT_RESTRICTED" in body
    assert alert_id in subject
    assert "rep-0001" in subject
    assert "CRITICAL" in subject


def test_email_planned_for_a_recipient_uses_subject_and_full_body() -> None:
    email = next(d for d in plan_deliveries(_facts(), (DUTY,)) if d.channel is Channel.EMAIL)

    assert email.subject == email_subject(email.alert_id, _facts())
    assert EXPLANATION in email.body
