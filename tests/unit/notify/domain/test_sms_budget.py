"""The per-recipient SMS budget: how many in a window, and when the next one fits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from haruul_notify.domain.sms_budget import SmsBudget, may_send, next_slot

T0 = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
BUDGET = SmsBudget(limit=2, window=timedelta(minutes=10))


def test_within_the_limit_an_sms_goes_now() -> None:
    sent = [T0 - timedelta(minutes=9)]
    assert may_send(sent, T0, BUDGET)
    assert next_slot(sent, T0, BUDGET) == T0


def test_past_the_limit_the_next_sms_fits_when_the_oldest_leaves_the_window() -> None:
    sent = [T0 - timedelta(minutes=9), T0 - timedelta(minutes=1)]
    assert not may_send(sent, T0, BUDGET)
    assert next_slot(sent, T0, BUDGET) == T0 + timedelta(minutes=1)
    assert may_send(sent, T0 + timedelta(minutes=1), BUDGET)


def test_a_budget_must_allow_something() -> None:
    with pytest.raises(ValueError, match="limit >= 1"):
        SmsBudget(limit=0, window=timedelta(minutes=1))
