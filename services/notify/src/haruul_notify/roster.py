"""The roster: who receives alerts, read from a YAML file and validated at start-up.

    recipients:
      - id: officer-duty
        phone: "+97699112233"       # E.164
        email: duty@consulate.example
        channels: [sms, email]

Errors name the file and the key that is wrong (e.g. `recipients[0].phone`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from haruul_notify.domain.alerts import Channel, Recipient


class RosterError(ValueError):
    """The roster file cannot be used; the message names the file and key."""


class _RosterEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
    phone: Annotated[str | None, Field(pattern=r"^\+[1-9][0-9]{6,14}$")] = None
    email: Annotated[str | None, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] = None
    channels: tuple[Channel, ...] = (Channel.SMS, Channel.EMAIL)

    @field_validator("phone", mode="before")
    @classmethod
    def _phone_is_text(cls, phone: object) -> object:
        if isinstance(phone, int):
            raise ValueError('write the number in quotes, e.g. "+97699112233"')
        return phone

    @field_validator("channels")
    @classmethod
    def _channels_once_each(cls, channels: tuple[Channel, ...]) -> tuple[Channel, ...]:
        if len(set(channels)) != len(channels):
            raise ValueError("each channel may be listed once")
        return channels

    @model_validator(mode="after")
    def _has_address_for_each_channel(self) -> _RosterEntry:
        if Channel.SMS in self.channels and not self.phone:
            raise ValueError("channel 'sms' needs a phone")
        if Channel.EMAIL in self.channels and not self.email:
            raise ValueError("channel 'email' needs an email")
        return self


class _Roster(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recipients: Annotated[list[_RosterEntry], Field(min_length=1)]


def _key_path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path or "(top level)"


def load_roster(path: Path) -> tuple[Recipient, ...]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RosterError(f"{path}: cannot read the roster ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise RosterError(f"{path}{line}: not valid YAML") from None
    try:
        roster = _Roster.model_validate(document)
    except ValidationError as error:
        problems = [f"{_key_path(e['loc'])}: {e['msg']}" for e in error.errors()]
        raise RosterError(f"{path}: " + "; ".join(problems)) from None
    seen: set[str] = set()
    for index, entry in enumerate(roster.recipients):
        if entry.id in seen:
            raise RosterError(f"{path}: recipients[{index}].id: '{entry.id}' is used twice")
        seen.add(entry.id)
    return tuple(
        Recipient(recipient_id=e.id, phone=e.phone, email=e.email, channels=e.channels)
        for e in roster.recipients
    )
