"""Quiet hours: non-critical alerts wait until a staff member's quiet hours end.

Critical alerts always go now. Quiet hours are local wall-clock times in the staff member's
own zone and may wrap midnight (22:00-07:00). The window is half-open: an alert at exactly the
start is deferred, one at exactly the end goes now. An end time that does not exist on a
daylight-saving day is met the moment the clocks jump past it (see `schedule`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from haruul_notify.domain.routing import Staff
from haruul_notify.domain.schedule import local_instant

_NEVER_DEFERRED = frozenset({"critical"})


def deliver_at(level: str, staff: Staff, now: datetime) -> datetime:
    """When an alert of `level` raised at `now` may reach `staff` (same zone as `now`)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    quiet = staff.quiet_hours
    if level in _NEVER_DEFERRED or quiet is None:
        return now
    local = now.astimezone(ZoneInfo(staff.time_zone))
    clock = local.time().replace(tzinfo=None)
    today = local.date()
    if quiet.start < quiet.end:
        if quiet.start <= clock < quiet.end:
            return local_instant(today, quiet.end, staff.time_zone).astimezone(now.tzinfo)
        return now
    if clock >= quiet.start:  # evening part of a window that wraps midnight
        end_day = today + timedelta(days=1)
    elif clock < quiet.end:  # morning part
        end_day = today
    else:
        return now
    return local_instant(end_day, quiet.end, staff.time_zone).astimezone(now.tzinfo)
