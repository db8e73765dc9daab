"""Quiet hours defer medium and high alerts to their end; critical alerts always go now."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from haruul_notify.domain.quiet import deliver_at
from haruul_notify.domain.routing import QuietHours, Staff

UB = ZoneInfo("Asia/Ulaanbaatar")
BERLIN = ZoneInfo("Europe/Berlin")


def staff(start: time, end: time, zone: str = "Asia/Ulaanbaatar") -> Staff:
    return Staff(
        id="s",
        name="S",
        phone="+97699000001",
        email="s@consulate.example",
        language="en",
        time_zone=zone,
        quiet_hours=QuietHours(start, end),
    )


NIGHT = staff(time(22, 0), time(7, 0))


@pytest.mark.parametrize("level", ["medium", "high", "low"])
def test_non_critical_alerts_in_the_evening_wait_until_seven_next_morning(level: str) -> None:
    now = datetime(2026, 1, 6, 23, 30, tzinfo=UB)
    assert deliver_at(level, NIGHT, now) == datetime(2026, 1, 7, 7, 0, tzinfo=UB)


def test_after_midnight_they_wait_until_seven_the_same_morning() -> None:
    now = datetime(2026, 1, 7, 3, 0, tzinfo=UB)
    assert deliver_at("high", NIGHT, now) == datetime(2026, 1, 7, 7, 0, tzinfo=UB)


def test_critical_alerts_are_never_deferred() -> None:
    now = datetime(2026, 1, 6, 23, 30, tzinfo=UB)
    assert deliver_at("critical", NIGHT, now) == now


def test_the_window_includes_its_start_and_excludes_its_end() -> None:
    assert deliver_at("high", NIGHT, datetime(2026, 1, 6, 22, 0, tzinfo=UB)) == datetime(
        2026, 1, 7, 7, 0, tzinfo=UB
    )
    seven = datetime(2026, 1, 7, 7, 0, tzinfo=UB)
    assert deliver_at("high", NIGHT, seven) == seven
    assert deliver_at("high", NIGHT, seven - timedelta(seconds=1)) == seven


def test_outside_quiet_hours_alerts_go_now() -> None:
    now = datetime(2026, 1, 6, 12, 0, tzinfo=UB)
    assert deliver_at("medium", NIGHT, now) == now


def test_no_quiet_hours_means_no_deferral() -> None:
    person = Staff("s", "S", "+97699000001", "s@consulate.example", "mn", "Asia/Ulaanbaatar")
    now = datetime(2026, 1, 6, 3, 0, tzinfo=UB)
    assert deliver_at("medium", person, now) == now


def test_a_window_that_does_not_wrap_midnight() -> None:
    siesta = staff(time(13, 0), time(14, 0))
    assert deliver_at("high", siesta, datetime(2026, 1, 6, 13, 30, tzinfo=UB)) == datetime(
        2026, 1, 6, 14, 0, tzinfo=UB
    )
    assert deliver_at("high", siesta, datetime(2026, 1, 6, 14, 30, tzinfo=UB)) == datetime(
        2026, 1, 6, 14, 30, tzinfo=UB
    )


def test_quiet_hours_are_in_the_staff_members_zone_not_the_callers() -> None:
    berlin_night = staff(time(22, 0), time(7, 0), zone="Europe/Berlin")
    now = datetime(2026, 1, 6, 23, 0, tzinfo=UTC)  # 00:00 in Berlin, 07:00 in Ulaanbaatar
    assert deliver_at("high", berlin_night, now) == datetime(2026, 1, 7, 7, 0, tzinfo=BERLIN)
    assert deliver_at("high", NIGHT, now) == now


def test_quiet_hours_end_at_seven_local_across_a_dst_change() -> None:
    berlin_night = staff(time(22, 0), time(7, 0), zone="Europe/Berlin")
    # Night of 28-29 March 2026: the clocks go forward at 02:00.
    now = datetime(2026, 3, 28, 23, 0, tzinfo=BERLIN)
    end = deliver_at("medium", berlin_night, now)
    assert end == datetime(2026, 3, 29, 7, 0, tzinfo=BERLIN)
    assert end.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=7)  # an hour skipped


def test_quiet_hours_must_not_be_empty() -> None:
    with pytest.raises(ValueError, match="same time"):
        QuietHours(time(7, 0), time(7, 0))
