"""Per-recipient SMS rate limits that bundle rather than drop.

A phone that receives more than `limit` SMS in `window` becomes noise, and the important one is
lost among them. Past the limit, further alerts wait and go out together as one SMS when the
window allows another — e-mail is never held back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SmsBudget:
    limit: int
    window: timedelta

    def __post_init__(self) -> None:
        if self.limit < 1 or self.window <= timedelta(0):
            raise ValueError("an SMS budget needs limit >= 1 and a positive window")


def may_send(sent_at: Sequence[datetime], now: datetime, budget: SmsBudget) -> bool:
    """Whether one more SMS may go to this recipient now."""
    return sum(1 for at in sent_at if now - budget.window < at <= now) < budget.limit


def next_slot(sent_at: Sequence[datetime], now: datetime, budget: SmsBudget) -> datetime:
    """The first instant at which one more SMS fits in the window."""
    recent = sorted(at for at in sent_at if now - budget.window < at <= now)
    if len(recent) < budget.limit:
        return now
    return recent[len(recent) - budget.limit] + budget.window
