"""Who is on call: rotation hand-offs at local wall-clock times, and overrides.

The rule for every local time of day in this package (hand-offs, quiet-hours ends, digest
times) is the same, and it is the one a person with a wall clock would expect:

    the event happens at the first instant at which the local clock, on that date, shows the
    given time or later.

So on a day the clocks go forward (a gap, e.g. Europe/Berlin 02:00 -> 03:00), a 02:30 hand-off
happens at 03:00 local, the moment the clocks jump; on a day they go back (02:00-03:00 occurs
twice) a 02:30 hand-off happens at the first 02:30. A 09:00 hand-off is never near a change
in any zone that changes at night, and stays 09:00 local: the shift that contains the change
is an hour shorter or longer than the others.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from haruul_notify.domain.routing import Override, Rotation


@dataclass(frozen=True)
class Shift:
    index: int
    staff_id: str
    starts: datetime
    ends: datetime


def _require_aware(at: datetime) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("times must be timezone-aware")


def local_instant(day: date, wall: time, zone: str) -> datetime:
    """The first instant on `day` at which the clock in `zone` shows `wall` or later (UTC)."""
    tz = ZoneInfo(zone)
    naive = datetime.combine(day, wall.replace(tzinfo=None))
    # fold=0: for an ambiguous time the first occurrence; for a nonexistent one, zoneinfo
    # uses the offset from before the gap, which lands after the gap.
    late = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if late.astimezone(tz).replace(tzinfo=None) == naive:
        return late
    # In a gap: the clocks jumped somewhere in (early, late]; find the jump to the second.
    early = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    after_offset = late.astimezone(tz).utcoffset()
    low, high = math.floor(early.timestamp()), math.ceil(late.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, tz).utcoffset() == after_offset:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


@functools.lru_cache(maxsize=1024)  # each page asks for the same few hand-offs again
def handoff_instant(rotation: Rotation, index: int) -> datetime:
    """When shift `index` starts (UTC); shift 0 starts on `rotation.start_date`."""
    day = rotation.start_date + timedelta(days=index * rotation.shift_days)
    return local_instant(day, rotation.handoff_time, rotation.time_zone)


def shift_at(rotation: Rotation, at: datetime) -> Shift:
    """The rotation's shift at `at`, ignoring overrides. Shifts before `start_date` follow the
    same cycle backwards, so a rotation is never without someone on call."""
    _require_aware(at)
    local_day = at.astimezone(ZoneInfo(rotation.time_zone)).date()
    index = (local_day - rotation.start_date).days // rotation.shift_days
    while handoff_instant(rotation, index) > at:
        index -= 1
    while handoff_instant(rotation, index + 1) <= at:
        index += 1
    return Shift(
        index=index,
        staff_id=rotation.members[index % len(rotation.members)],
        starts=handoff_instant(rotation, index),
        ends=handoff_instant(rotation, index + 1),
    )


def active_override(
    rotation: Rotation, overrides: Iterable[Override], at: datetime
) -> Override | None:
    """The override covering `at` for this rotation; when several do, the last listed wins
    (a later entry is taken as the more recent correction)."""
    _require_aware(at)
    found: Override | None = None
    for override in overrides:
        if override.rotation_id == rotation.id and override.covers(at):
            found = override
    return found


def on_call(rotation: Rotation, overrides: Iterable[Override], at: datetime) -> str:
    """The staff id on call for `rotation` at `at`: an override if one covers it, else the
    rotation's shift."""
    override = active_override(rotation, overrides, at)
    if override is not None:
        return override.staff_id
    return shift_at(rotation, at).staff_id
