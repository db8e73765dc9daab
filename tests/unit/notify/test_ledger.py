"""The delivery ledger remembers what was delivered, across restarts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from haruul_common.state_db import StateLocation
from haruul_notify.domain.alerts import Channel, Delivery
from haruul_notify.ledger import DeliveryLedger
from tests.conftest import StateAt


def _delivery(recipient_id: str = "officer-duty", channel: Channel = Channel.SMS) -> Delivery:
    return Delivery(
        idempotency_key=f"alt-1/{recipient_id}/{channel.value}/0",
        alert_id="alt-1",
        report_id="rep-1",
        recipient_id=recipient_id,
        channel=channel,
        address="+97699112233",
        subject="",
        body="HARUUL CRITICAL alert alt-1 report rep-1.",
    )


@pytest.fixture
def ledger_path(state_at: StateAt) -> StateLocation:
    return state_at("ledger.db")


@pytest.fixture
def ledger(ledger_path: StateLocation) -> Iterator[DeliveryLedger]:
    opened = DeliveryLedger(ledger_path)
    yield opened
    opened.close()


def test_unknown_key_is_not_delivered(ledger: DeliveryLedger) -> None:
    assert not ledger.is_delivered("alt-1/officer-duty/sms/0")


def test_a_delivered_attempt_is_delivered(ledger: DeliveryLedger) -> None:
    delivery = _delivery()

    ledger.record_delivered(delivery, "rcp-1")

    assert ledger.is_delivered(delivery.idempotency_key)
    assert ledger.attempts(delivery.idempotency_key) == 1
    assert ledger.deliveries_for_alert("alt-1") == [("officer-duty", "sms", "delivered")]


def test_failed_is_not_delivered(ledger: DeliveryLedger) -> None:
    delivery = _delivery()

    ledger.record_failed(delivery, "UNAVAILABLE: gave up after 3 attempts")

    assert not ledger.is_delivered(delivery.idempotency_key)
    assert ledger.status(delivery.idempotency_key) == "failed"
    assert ledger.deliveries_for_alert("alt-1") == [("officer-duty", "sms", "failed")]


def test_retry_after_failure_can_be_delivered_and_every_attempt_counts(
    ledger: DeliveryLedger,
) -> None:
    delivery = _delivery()
    ledger.record_failed(delivery, "UNAVAILABLE")
    ledger.record_failed(delivery, "UNAVAILABLE")
    assert ledger.attempts(delivery.idempotency_key) == 2

    ledger.record_delivered(delivery, "rcp-2")

    assert ledger.is_delivered(delivery.idempotency_key)
    assert ledger.attempts(delivery.idempotency_key) == 3


def test_state_survives_reopening_the_file(ledger_path: StateLocation) -> None:
    sms, email = _delivery(), _delivery(channel=Channel.EMAIL)
    first = DeliveryLedger(ledger_path)
    first.record_delivered(sms, "rcp-1")
    first.record_failed(email, "FAILED_PRECONDITION")
    first.close()

    reopened = DeliveryLedger(ledger_path)
    try:
        assert reopened.is_delivered(sms.idempotency_key)
        assert not reopened.is_delivered(email.idempotency_key)
        assert reopened.deliveries_for_alert("alt-1") == [
            ("officer-duty", "email", "failed"),
            ("officer-duty", "sms", "delivered"),
        ]
    finally:
        reopened.close()


def test_deliveries_for_alert_lists_only_that_alert(ledger: DeliveryLedger) -> None:
    ledger.record_failed(_delivery("desk", Channel.EMAIL), "UNAVAILABLE")
    ledger.record_delivered(_delivery("officer-duty", Channel.SMS), "rcp-1")

    assert ledger.deliveries_for_alert("alt-1") == [
        ("desk", "email", "failed"),
        ("officer-duty", "sms", "delivered"),
    ]
    assert ledger.deliveries_for_alert("alt-other") == []
