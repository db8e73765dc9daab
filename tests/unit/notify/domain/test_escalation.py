"""Escalation: who is paged when, what acknowledgement stops, and when digests go out."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from haruul_notify.domain.escalation import (
    digest_for,
    due_steps,
    next_digest_time,
    next_due,
    plan,
    recipients_for,
    route_desk,
)
from haruul_notify.domain.routing import (
    Desk,
    Digest,
    EscalationPolicy,
    EscalationStep,
    LevelPolicy,
    Override,
    Rotation,
    RoutingConfig,
    Staff,
    Target,
)

UB = ZoneInfo("Asia/Ulaanbaatar")
BERLIN = ZoneInfo("Europe/Berlin")
PRIMARY = Target.parse("rotation:kh-primary")
SECONDARY = Target.parse("rotation:kh-secondary")


def person(staff_id: str, zone: str = "Asia/Ulaanbaatar", **extra: object) -> Staff:
    return Staff(
        id=staff_id,
        name=staff_id.title(),
        phone="+97699000001",
        email=f"{staff_id}@consulate.example",
        language="mn",
        time_zone=zone,
        **extra,  # type: ignore[arg-type]
    )


def rotation(rotation_id: str, members: tuple[str, ...]) -> Rotation:
    return Rotation(
        id=rotation_id,
        members=members,
        start_date=date(2026, 1, 5),
        handoff_time=time(9, 0),
        time_zone="Asia/Ulaanbaatar",
    )


POLICY = EscalationPolicy(
    {
        "critical": LevelPolicy(
            steps=(
                EscalationStep(timedelta(0), (PRIMARY,)),
                EscalationStep(timedelta(minutes=5), (SECONDARY,)),
                EscalationStep(timedelta(minutes=15), (Target.parse("desk_head"),)),
            )
        ),
        "high": LevelPolicy(steps=(EscalationStep(timedelta(0), (PRIMARY,)),)),
        "medium": LevelPolicy(digest=Digest((PRIMARY,))),
    }
)
KH = Desk(
    id="kh",
    name="Cambodia desk",
    countries=frozenset({"KH"}),
    head="head",
    rotations=(rotation("kh-primary", ("ann", "bat")), rotation("kh-secondary", ("bat", "ann"))),
    policy=POLICY,
)
HQ = Desk(
    id="hq",
    name="Headquarters",
    countries=frozenset(),
    head="head",
    rotations=(),
    policy=EscalationPolicy(
        {
            "critical": LevelPolicy(
                steps=(EscalationStep(timedelta(0), (Target.parse("staff:head"),)),)
            )
        }
    ),
)
CONFIG = RoutingConfig(
    desks=(KH, HQ),
    staff={s.id: s for s in (person("ann"), person("bat"), person("head"))},
    default_desk_id="hq",
)
OPENED = datetime(2026, 1, 6, 14, 0, tzinfo=UB)  # a Tuesday; ann is primary, bat secondary


def test_alerts_go_to_the_desk_for_their_country_and_otherwise_to_headquarters() -> None:
    assert route_desk(CONFIG, "KH").id == "kh"
    assert route_desk(CONFIG, "kh").id == "kh"
    assert route_desk(CONFIG, "VN").id == "hq"
    assert route_desk(CONFIG, None).id == "hq"


def test_critical_pages_primary_now_secondary_after_5_and_the_head_after_15_minutes() -> None:
    steps = plan(KH, "critical", OPENED)
    assert [step.due_at - OPENED for step in steps] == [
        timedelta(0),
        timedelta(minutes=5),
        timedelta(minutes=15),
    ]
    who = [recipients_for(CONFIG, KH, step, step.due_at) for step in steps]
    assert who == [("ann",), ("bat",), ("head",)]
    assert [step.is_escalation for step in steps] == [False, True, True]


def test_unacknowledged_steps_fall_due_one_by_one() -> None:
    steps = plan(KH, "critical", OPENED)
    assert [s.step_index for s in due_steps(steps, False, OPENED)] == [0]
    at_4m59 = OPENED + timedelta(minutes=4, seconds=59)
    assert [s.step_index for s in due_steps(steps, False, at_4m59)] == [0]
    assert [s.step_index for s in due_steps(steps, False, OPENED + timedelta(minutes=5))] == [0, 1]
    assert [s.step_index for s in due_steps(steps, False, OPENED + timedelta(minutes=15))] == [
        0,
        1,
        2,
    ]
    assert next_due(steps, False, OPENED) == OPENED + timedelta(minutes=5)
    assert next_due(steps, False, OPENED + timedelta(minutes=15)) is None


def test_acknowledgement_stops_every_later_step() -> None:
    steps = plan(KH, "critical", OPENED)
    assert due_steps(steps, True, OPENED + timedelta(hours=1)) == ()
    assert next_due(steps, True, OPENED + timedelta(minutes=1)) is None


def test_high_pages_the_primary_only() -> None:
    steps = plan(KH, "high", OPENED)
    assert len(steps) == 1
    assert recipients_for(CONFIG, KH, steps[0], OPENED) == ("ann",)
    assert due_steps(steps, False, OPENED + timedelta(days=1)) == steps


def test_medium_pages_nobody_and_goes_to_the_digest() -> None:
    assert plan(KH, "medium", OPENED) == ()
    digest = digest_for(KH, "medium")
    assert digest is not None
    assert recipients_for(CONFIG, KH, digest, OPENED) == ("ann",)
    assert digest_for(KH, "high") is None
    assert plan(KH, "low", OPENED) == ()


def test_recipients_are_resolved_when_the_step_falls_due() -> None:
    # Opened 5 minutes before Monday's 09:00 hand-off: a step due after it pages the new shift.
    opened = datetime(2026, 1, 12, 8, 55, tzinfo=UB)
    step = EscalationStep(timedelta(minutes=5), (PRIMARY,))
    assert recipients_for(CONFIG, KH, step, opened) == ("ann",)
    assert recipients_for(CONFIG, KH, step, opened + step.after) == ("bat",)


def test_an_override_changes_who_is_paged() -> None:
    cover = Override("kh-primary", "head", OPENED - timedelta(hours=1), OPENED + timedelta(hours=1))
    config = RoutingConfig(CONFIG.desks, CONFIG.staff, "hq", overrides=(cover,))
    assert recipients_for(config, KH, plan(KH, "high", OPENED)[0], OPENED) == ("head",)


def test_each_person_is_paged_once_per_step() -> None:
    step = EscalationStep(timedelta(0), (PRIMARY, Target.parse("staff:ann"), Target("desk_head")))
    assert recipients_for(CONFIG, KH, step, OPENED) == ("ann", "head")


def test_digest_goes_out_at_the_next_nine_oclock_local_of_the_recipient() -> None:
    ann = person("ann")
    assert next_digest_time(ann, datetime(2026, 1, 6, 8, 0, tzinfo=UB)) == datetime(
        2026, 1, 6, 9, 0, tzinfo=UB
    )
    assert next_digest_time(ann, datetime(2026, 1, 6, 9, 0, tzinfo=UB)) == datetime(
        2026, 1, 6, 9, 0, tzinfo=UB
    )
    assert next_digest_time(ann, datetime(2026, 1, 6, 9, 1, tzinfo=UB)) == datetime(
        2026, 1, 7, 9, 0, tzinfo=UB
    )


def test_digest_uses_the_recipients_own_zone_and_working_days() -> None:
    liaison = person(
        "liaison",
        zone="Europe/Berlin",
        workday_start=time(8, 30),
        working_days=frozenset(range(5)),
    )
    friday_evening_ub = datetime(2026, 3, 27, 20, 0, tzinfo=UB)  # 13:00 Friday in Berlin
    monday = next_digest_time(liaison, friday_evening_ub)
    # Across the weekend and the spring DST change, still 08:30 on the wall clock in Berlin.
    assert monday == datetime(2026, 3, 30, 8, 30, tzinfo=BERLIN)
    assert monday.utcoffset() == timedelta(0)  # returned in UTC


def test_plan_refuses_a_naive_opening_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        plan(KH, "critical", datetime(2026, 1, 6, 14, 0))
