"""The routing file's schema: how each key is read and checked on its own.

Read with YAML 1.2 scalars (`RoutingLoader`): `22:00` is text, not the base-60 number 1320,
and `NO` is Norway, not false. Times of day are "HH:MM"; durations are like 30s, 5m, 1h30m;
instants need a UTC offset (2026-03-01T09:00:00+08:00). Error messages never repeat the value
they reject: a phone number or an e-mail address is personal data.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from haruul_notify.domain.routing import Target

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class RoutingLoader(yaml.SafeLoader):
    """Safe loading with YAML 1.2 booleans and numbers (no yes/no/on/off, no base 60)."""


RoutingLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(("bool", "int", "float"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RoutingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
RoutingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
RoutingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("not an IANA time zone (e.g. Asia/Ulaanbaatar)") from None
    return value


def _clock(value: object) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise ValueError('write a time of day as "HH:MM", e.g. "09:00"')
    return time(int(value[:2]), int(value[3:]))


def _duration(value: object) -> timedelta:
    if value == "0" or value == 0:
        return timedelta(0)
    text = value if isinstance(value, str) else ""
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    if not text or match is None:
        raise ValueError("write a duration like 5m, 15m or 1h")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _target(value: str) -> str:
    Target.parse(value)
    return value


def _country(value: object) -> object:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError("not an ISO 3166-1 alpha-2 country code in capitals (e.g. KH)")
    return value


def _phone(value: object) -> object:
    if isinstance(value, int):
        raise ValueError('write the number in quotes, e.g. "+97699000001"')
    if not isinstance(value, str) or not re.fullmatch(r"\+[1-9]\d{6,14}", value):
        raise ValueError('not an E.164 number: + country code and number, e.g. "+97699000001"')
    return value


def _email(value: object) -> object:
    if not isinstance(value, str) or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError("not an e-mail address (e.g. duty@consulate.example)")
    return value


Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
Zone = Annotated[str, AfterValidator(_zone)]
Clock = Annotated[time, BeforeValidator(_clock)]
Duration = Annotated[timedelta, BeforeValidator(_duration)]
TargetText = Annotated[str, AfterValidator(_target)]
Country = Annotated[str, BeforeValidator(_country)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _QuietHours(_Strict):
    start: Clock
    end: Clock


class _Staff(_Strict):
    id: Id
    name: Annotated[str, Field(min_length=1)]
    phone: Annotated[str, BeforeValidator(_phone)]
    email: Annotated[str, BeforeValidator(_email)]
    language: Literal["mn", "en"]
    time_zone: Zone
    quiet_hours: _QuietHours | None = None
    workday_start: Clock = time(9, 0)
    working_days: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS))


class _Rotation(_Strict):
    id: Id
    members: Annotated[list[Id], Field(min_length=1)]
    time_zone: Zone
    handoff_time: Clock
    every: Literal["day", "week"] = "week"
    first_shift: date


def _distinct(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("name each channel once")
    return values


ChannelList = Annotated[
    list[Literal["sms", "email"]], Field(min_length=1), AfterValidator(_distinct)
]


class StepEntry(_Strict):
    after: Duration | None = None
    notify: Annotated[list[TargetText], Field(min_length=1)] | None = None
    # Page over these; a delivery that keeps failing falls back to the other channel.
    channels: ChannelList = ["sms", "email"]
    digest: Annotated[list[TargetText], Field(min_length=1)] | None = None


class _Desk(_Strict):
    id: Id
    name: Annotated[str, Field(min_length=1)]
    countries: list[Country] = []
    head: Id
    rotations: list[_Rotation] = []
    policy: dict[str, list[StepEntry]]


class _Override(_Strict):
    rotation: Id
    staff: Id
    start: AwareDatetime
    end: AwareDatetime


class _Match(_Strict):
    desk: Id | None = None
    level: Literal["low", "medium", "high", "critical"] | None = None
    country: Country | None = None
    case_id: Annotated[str, Field(min_length=1)] | None = None


class _Silence(_Strict):
    id: Id
    match: _Match
    starts: AwareDatetime
    ends: AwareDatetime
    created_by: Annotated[str, Field(min_length=1)]
    comment: str = ""


class RoutingFile(_Strict):
    default_desk: Id
    staff: Annotated[list[_Staff], Field(min_length=1)]
    desks: Annotated[list[_Desk], Field(min_length=1)]
    overrides: list[_Override] = []
    silences: list[_Silence] = []
