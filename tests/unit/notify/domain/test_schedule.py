"""Who is on call: weekly hand-offs at 09:00 local, across daylight-saving changes, overrides."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from haruul_notify.domain.routing import Override, Rotation
from haruul_notify.domain.schedule import local_instant, on_call, shift_at

UB = ZoneInfo("Asia/Ulaanbaatar")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def weekly(zone: str, start: date, members: tuple[str, ...] = ("a", "b", "c")) -> Rotation:
    return Rotation(
        id="r", members=members, start_date=start, handoff_time=time(9, 0), time_zone=zone
    )


def test_weekly_handoff_happens_exactly_at_nine_local_in_ulaanbaatar() -> None:
    rotation = weekly("Asia/Ulaanbaatar", date(2026, 1, 5))  # a Monday
    handoff = datetime(2026, 1, 12, 9, 0, tzinfo=UB)
    assert on_call(rotation, (), handoff - timedelta(seconds=1)) == "a"
    assert on_call(rotation, (), handoff) == "b"
    assert on_call(rotation, (), datetime(2026, 1, 19, 9, 0, tzinfo=UB)) == "c"
    assert on_call(rotation, (), datetime(2026, 1, 26, 9, 0, tzinfo=UB)) == "a"


def test_the_answer_does_not_depend_on_the_zone_the_question_is_asked_in() -> None:
    rotation = weekly("Asia/Ulaanbaatar", date(2026, 1, 5))
    handoff_utc = datetime(2026, 1, 12, 1, 0, tzinfo=UTC)  # 09:00 in Ulaanbaatar (UTC+8)
    assert on_call(rotation, (), handoff_utc - timedelta(microseconds=1)) == "a"
    assert on_call(rotation, (), handoff_utc.astimezone(NEW_YORK)) == "b"


@pytest.mark.parametrize(
    ("zone", "week_with_change", "after_change"),
    [
        # Europe/Berlin: clocks go forward 29 Mar 2026, back 25 Oct 2026 (both Sundays).
        ("Europe/Berlin", date(2026, 3, 23), date(2026, 3, 30)),
        ("Europe/Berlin", date(2026, 10, 19), date(2026, 10, 26)),
        # America/New_York: forward 8 Mar 2026, back 1 Nov 2026.
        ("America/New_York", date(2026, 3, 2), date(2026, 3, 9)),
        ("America/New_York", date(2026, 10, 26), date(2026, 11, 2)),
    ],
)
def test_the_week_containing_a_dst_change_still_hands_off_at_nine_local(
    zone: str, week_with_change: date, after_change: date
) -> None:
    rotation = weekly(zone, week_with_change, members=("before", "after"))
    tz = ZoneInfo(zone)
    handoff = datetime.combine(after_change, time(9, 0), tzinfo=tz)
    assert on_call(rotation, (), handoff - timedelta(seconds=1)) == "before"
    assert on_call(rotation, (), handoff) == "after"
    shift = shift_at(rotation, handoff - timedelta(hours=1))
    assert shift.ends == handoff
    # The shift over the change is an hour shorter (spring) or longer (autumn) than a week.
    assert abs(shift.ends - shift.starts - timedelta(days=7)) == timedelta(hours=1)


def test_hand_offs_months_after_a_dst_change_stay_at_nine_local() -> None:
    rotation = weekly("Europe/Berlin", date(2026, 1, 5))
    for week in range(52):
        start = shift_at(rotation, datetime(2026, 1, 5, 12, tzinfo=BERLIN) + timedelta(weeks=week))
        assert start.starts.astimezone(BERLIN).time() == time(9, 0)


def test_a_handoff_time_inside_the_spring_gap_happens_when_the_clocks_jump() -> None:
    # Europe/Berlin, 29 Mar 2026: 02:00 CET becomes 03:00 CEST; 02:30 does not exist.
    assert local_instant(date(2026, 3, 29), time(2, 30), "Europe/Berlin") == datetime(
        2026, 3, 29, 3, 0, tzinfo=BERLIN
    )
    rotation = Rotation(
        id="night",
        members=("a", "b"),
        start_date=date(2026, 3, 28),
        handoff_time=time(2, 30),
        time_zone="Europe/Berlin",
        shift_days=1,
    )
    jump = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 CEST
    assert on_call(rotation, (), jump - timedelta(seconds=1)) == "a"
    assert on_call(rotation, (), jump) == "b"


def test_an_ambiguous_handoff_time_happens_at_its_first_occurrence() -> None:
    # Europe/Berlin, 25 Oct 2026: 02:30 happens at 00:30 UTC (CEST) and 01:30 UTC (CET).
    assert local_instant(date(2026, 10, 25), time(2, 30), "Europe/Berlin") == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


def test_daily_rotation_cycles_members_every_day() -> None:
    rotation = Rotation(
        id="d",
        members=("a", "b"),
        start_date=date(2026, 1, 1),
        handoff_time=time(9, 0),
        time_zone="Asia/Ulaanbaatar",
        shift_days=1,
    )
    assert on_call(rotation, (), datetime(2026, 1, 1, 10, tzinfo=UB)) == "a"
    assert on_call(rotation, (), datetime(2026, 1, 2, 8, 59, tzinfo=UB)) == "a"
    assert on_call(rotation, (), datetime(2026, 1, 2, 9, 0, tzinfo=UB)) == "b"


def test_times_before_the_first_shift_follow_the_cycle_backwards() -> None:
    rotation = weekly("Asia/Ulaanbaatar", date(2026, 1, 5))
    assert on_call(rotation, (), datetime(2026, 1, 4, 12, tzinfo=UB)) == "c"


def test_an_override_wins_only_within_its_window() -> None:
    rotation = weekly("Asia/Ulaanbaatar", date(2026, 1, 5))
    cover = Override(
        rotation_id="r",
        staff_id="z",
        start=datetime(2026, 1, 6, 18, tzinfo=UB),
        end=datetime(2026, 1, 7, 9, tzinfo=UB),
    )
    assert on_call(rotation, [cover], datetime(2026, 1, 6, 17, 59, tzinfo=UB)) == "a"
    assert on_call(rotation, [cover], datetime(2026, 1, 6, 18, 0, tzinfo=UB)) == "z"
    assert on_call(rotation, [cover], datetime(2026, 1, 7, 9, 0, tzinfo=UB)) == "a"


def test_an_override_for_another_rotation_is_ignored_and_the_last_listed_wins() -> None:
    rotation = weekly("Asia/Ulaanbaatar", date(2026, 1, 5))
    at = datetime(2026, 1, 6, 12, tzinfo=UB)
    window = {"start": at - timedelta(hours=1), "end": at + timedelta(hours=1)}
    other = Override(rotation_id="other", staff_id="x", **window)
    first = Override(rotation_id="r", staff_id="y", **window)
    second = Override(rotation_id="r", staff_id="z", **window)
    assert on_call(rotation, [other], at) == "a"
    assert on_call(rotation, [other, first, second], at) == "z"


def test_naive_times_are_refused() -> None:
    rotation = weekly("Asia/Ulaanbaatar", date(2026, 1, 5))
    with pytest.raises(ValueError, match="timezone-aware"):
        on_call(rotation, (), datetime(2026, 1, 6, 12))
