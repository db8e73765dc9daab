"""Which desk gets an alert, who is paged at each step, when, and when a digest goes out.

An alert's plan is fixed when it opens (`plan`); the people behind each step are resolved only
when the step falls due (`recipients_for`), so a hand-off between the alert and its
escalation pages whoever is on call then. Acknowledgement stops every later step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from haruul_notify.domain.routing import Desk, Digest, RoutingConfig, Staff, Target
from haruul_notify.domain.schedule import local_instant, on_call


class _HasTargets(Protocol):
    @property
    def targets(self) -> tuple[Target, ...]: ...


@dataclass(frozen=True)
class PlannedStep:
    """Step `step_index` of a level's policy, due at `due_at`; `waited` is its delay."""

    step_index: int
    due_at: datetime
    waited: timedelta
    targets: tuple[Target, ...]

    @property
    def is_escalation(self) -> bool:
        """True for steps after the first page: recipients get the "you are next" notice."""
        return self.step_index > 0


def route_desk(config: RoutingConfig, country: str | None) -> Desk:
    """The desk that covers `country` (ISO alpha-2, any case); the default desk otherwise."""
    if country:
        code = country.strip().upper()
        for desk in config.desks:
            if code in desk.countries:
                return desk
    return config.default_desk


def plan(desk: Desk, level: str, opened_at: datetime) -> tuple[PlannedStep, ...]:
    """The paging steps for an alert of `level` opened at `opened_at` (digest levels: none)."""
    if opened_at.tzinfo is None:
        raise ValueError("opened_at must be timezone-aware")
    return tuple(
        PlannedStep(
            step_index=index,
            due_at=opened_at + step.after,
            waited=step.after,
            targets=step.targets,
        )
        for index, step in enumerate(desk.policy.for_level(level).steps)
    )


def due_steps(
    planned: Iterable[PlannedStep], acknowledged: bool, now: datetime
) -> tuple[PlannedStep, ...]:
    """Steps due by `now` — all of them, including ones already sent (the delivery ledger,
    keyed by step index, keeps them from going twice). Nothing once acknowledged."""
    if acknowledged:
        return ()
    return tuple(step for step in planned if step.due_at <= now)


def next_due(planned: Iterable[PlannedStep], acknowledged: bool, now: datetime) -> datetime | None:
    """When to look at the alert again: the next step's due time, or None if none is left."""
    if acknowledged:
        return None
    later = [step.due_at for step in planned if step.due_at > now]
    return min(later, default=None)


def _resolve(config: RoutingConfig, desk: Desk, target: Target, at: datetime) -> str:
    if target.kind == "desk_head":
        return desk.head
    if target.kind == "staff":
        return target.ref
    return on_call(config.rotation(target.ref), config.overrides, at)


def recipients_for(
    config: RoutingConfig, desk: Desk, step: _HasTargets, at: datetime
) -> tuple[str, ...]:
    """Staff ids behind a step's (or digest's) targets at `at`, in target order, each once."""
    seen: dict[str, None] = {}
    for target in step.targets:
        seen.setdefault(_resolve(config, desk, target, at), None)
    return tuple(seen)


def digest_for(desk: Desk, level: str) -> Digest | None:
    """The desk's digest for `level`, if alerts of that level are collected into one."""
    return desk.policy.for_level(level).digest


def next_digest_time(staff: Staff, after: datetime) -> datetime:
    """The start of `staff`'s next working day at or after `after`, in their own zone
    (UTC). An alert at 08:59 local goes in the 09:00 digest; one at 09:00 too; at 09:01 the
    next working day's."""
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    day = after.astimezone(ZoneInfo(staff.time_zone)).date()
    for offset in range(8):
        candidate = day + timedelta(days=offset)
        if candidate.weekday() not in staff.working_days:
            continue
        instant = local_instant(candidate, staff.workday_start, staff.time_zone)
        if instant >= after:
            return instant
    raise AssertionError("unreachable: working_days is never empty")  # pragma: no cover
