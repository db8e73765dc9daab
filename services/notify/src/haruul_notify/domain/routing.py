"""The routing model: desks, staff, rotations, escalation policies, quiet hours and silences.

Pure values, built once by the loader (`haruul_notify.routing_config`) and swapped whole on a
reload, so a reload never leaves half a configuration in place. Nothing here reads a clock:
every question about time takes the instant as an argument.

Times of day (`handoff_time`, quiet hours, the working-day start) are local wall-clock times
in a named IANA zone; instants (`Override.start`, `Silence.starts`, ...) are timezone-aware.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal

from haruul_notify.domain.alerts import LEVELS, Channel

Language = Literal["mn", "en"]
LANGUAGES: tuple[Language, ...] = ("mn", "en")
TargetKind = Literal["rotation", "staff", "desk_head"]
SILENCE_KEYS = ("desk", "level", "country", "case_id")
EVERY_DAY = frozenset(range(7))


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True)
class QuietHours:
    """Local wall-clock window in the staff member's zone; `start > end` wraps midnight."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise ValueError("quiet hours must not start and end at the same time")


@dataclass(frozen=True)
class Staff:
    id: str
    name: str
    phone: str
    email: str
    language: Language
    time_zone: str
    quiet_hours: QuietHours | None = None
    # The working day starts at this local time on these weekdays (0 = Monday); digests go
    # out then.
    workday_start: time = time(9, 0)
    working_days: frozenset[int] = EVERY_DAY

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}")
        if not self.working_days or not self.working_days <= EVERY_DAY:
            raise ValueError("working_days must be a non-empty set of weekdays 0..6")


@dataclass(frozen=True)
class Rotation:
    """Members take turns; shift n starts at `handoff_time` (local, in `time_zone`) on
    `start_date + n * shift_days` and belongs to `members[n % len(members)]`.

    Hand-offs are wall-clock times, not fixed durations: a weekly 09:00 hand-off stays 09:00
    local in the week a daylight-saving change falls in (that shift is an hour shorter or
    longer). See `schedule.handoff_instant` for hand-off times that do not exist or occur
    twice on a change day.
    """

    id: str
    members: tuple[str, ...]
    start_date: date
    handoff_time: time
    time_zone: str
    shift_days: int = 7

    def __post_init__(self) -> None:
        if not self.members:
            raise ValueError(f"rotation {self.id} has no members")
        if self.shift_days < 1:
            raise ValueError("shift_days must be at least 1")


@dataclass(frozen=True)
class Override:
    """`staff_id` covers `rotation_id` from `start` (inclusive) to `end` (exclusive)."""

    rotation_id: str
    staff_id: str
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware("override start", self.start)
        _require_aware("override end", self.end)
        if self.end <= self.start:
            raise ValueError("override must end after it starts")

    def covers(self, at: datetime) -> bool:
        return self.start <= at < self.end


@dataclass(frozen=True)
class Target:
    """Who a step pages: a rotation's current on-call, a named staff member or the desk head."""

    kind: TargetKind
    ref: str = ""

    @staticmethod
    def parse(text: str) -> Target:
        """`rotation:<id>`, `staff:<id>` or `desk_head`; ValueError otherwise."""
        if text == "desk_head":
            return Target("desk_head")
        kind, sep, ref = text.partition(":")
        if sep and ref and kind == "rotation":
            return Target("rotation", ref)
        if sep and ref and kind == "staff":
            return Target("staff", ref)
        raise ValueError("a target is 'rotation:<id>', 'staff:<id>' or 'desk_head'")

    def __str__(self) -> str:
        return self.kind if self.kind == "desk_head" else f"{self.kind}:{self.ref}"


@dataclass(frozen=True)
class EscalationStep:
    """Page `targets` over `channels` once the alert has gone `after` without acknowledgement."""

    after: timedelta
    targets: tuple[Target, ...]
    channels: tuple[Channel, ...] = (Channel.SMS, Channel.EMAIL)

    def __post_init__(self) -> None:
        if self.after < timedelta(0):
            raise ValueError("a step cannot come before the alert")
        if not self.targets:
            raise ValueError("a step needs at least one target")
        if not self.channels or len(set(self.channels)) != len(self.channels):
            raise ValueError("a step needs one or more different channels")


@dataclass(frozen=True)
class Digest:
    """Collect the level's alerts into one e-mail at each recipient's start of working day."""

    targets: tuple[Target, ...]


@dataclass(frozen=True)
class LevelPolicy:
    steps: tuple[EscalationStep, ...] = ()
    digest: Digest | None = None

    def __post_init__(self) -> None:
        afters = [step.after for step in self.steps]
        if afters != sorted(afters):
            raise ValueError("escalation steps must be in order of their delay")


@dataclass(frozen=True)
class EscalationPolicy:
    levels: Mapping[str, LevelPolicy] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.levels) - set(LEVELS)
        if unknown:
            raise ValueError(f"unknown levels: {sorted(unknown)}")

    def for_level(self, level: str) -> LevelPolicy:
        """The level's policy; a level without one pages nobody."""
        return self.levels.get(level, LevelPolicy())


@dataclass(frozen=True)
class Desk:
    id: str
    name: str
    countries: frozenset[str]
    head: str
    rotations: tuple[Rotation, ...]
    policy: EscalationPolicy


@dataclass(frozen=True)
class Silence:
    """Mutes alerts whose attributes equal every matcher, from `starts` until `ends`."""

    id: str
    matchers: Mapping[str, str]
    starts: datetime
    ends: datetime
    created_by: str
    comment: str = ""

    def __post_init__(self) -> None:
        _require_aware("silence starts", self.starts)
        _require_aware("silence ends", self.ends)
        if self.ends <= self.starts:
            raise ValueError("a silence must end after it starts")
        if not self.matchers:
            raise ValueError("a silence needs at least one matcher")
        unknown = set(self.matchers) - set(SILENCE_KEYS)
        if unknown:
            raise ValueError(f"unknown silence matchers: {sorted(unknown)}")


@dataclass(frozen=True)
class RoutingConfig:
    desks: tuple[Desk, ...]
    staff: Mapping[str, Staff]
    default_desk_id: str
    silences: tuple[Silence, ...] = ()
    overrides: tuple[Override, ...] = ()

    def __post_init__(self) -> None:
        if self.default_desk_id not in {desk.id for desk in self.desks}:
            raise ValueError("the default desk is not one of the desks")

    def desk(self, desk_id: str) -> Desk:
        for desk in self.desks:
            if desk.id == desk_id:
                return desk
        raise KeyError(desk_id)

    @property
    def default_desk(self) -> Desk:
        return self.desk(self.default_desk_id)

    def rotation(self, rotation_id: str) -> Rotation:
        """Rotation ids are unique across desks; a policy may page another desk's rotation."""
        for desk in self.desks:
            for rotation in desk.rotations:
                if rotation.id == rotation_id:
                    return rotation
        raise KeyError(rotation_id)
