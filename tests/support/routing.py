"""A small routing configuration for tests: one headquarters desk, a primary and a secondary
on call, critical escalating after `escalate_after`; no quiet hours unless asked."""

from __future__ import annotations

from pathlib import Path

PRIMARY_PHONE = "+97699000042"
SECONDARY_PHONE = "+97699000043"
HEAD_PHONE = "+97699000044"


def routing_yaml(escalate_after: str = "5m", quiet_hours: str = "", high_channels: str = "") -> str:
    quiet = f"\n    quiet_hours: {quiet_hours}" if quiet_hours else ""
    channels = f", channels: [{high_channels}]" if high_channels else ""
    return f"""\
default_desk: hq
staff:
  - id: officer-primary
    name: Primary Officer
    phone: "{PRIMARY_PHONE}"
    email: primary@consulate.example
    language: en
    time_zone: Asia/Ulaanbaatar{quiet}
  - id: officer-secondary
    name: Secondary Officer
    phone: "{SECONDARY_PHONE}"
    email: secondary@consulate.example
    language: mn
    time_zone: Asia/Ulaanbaatar
  - id: desk-head
    name: Desk Head
    phone: "{HEAD_PHONE}"
    email: head@consulate.example
    language: en
    time_zone: Asia/Ulaanbaatar
desks:
  - id: hq
    name: Headquarters
    countries: []
    head: desk-head
    rotations:
      - {{id: primary, members: [officer-primary], time_zone: Asia/Ulaanbaatar,
         handoff_time: "09:00", every: week, first_shift: 2026-01-05}}
      - {{id: secondary, members: [officer-secondary], time_zone: Asia/Ulaanbaatar,
         handoff_time: "09:00", every: week, first_shift: 2026-01-05}}
    policy:
      critical:
        - {{after: 0m, notify: [rotation:primary]}}
        - {{after: {escalate_after}, notify: [rotation:secondary]}}
      high:
        - {{after: 0m, notify: [rotation:primary]{channels}}}
      medium:
        - {{digest: [rotation:primary]}}
"""


def write_routing(
    path: Path, escalate_after: str = "5m", quiet_hours: str = "", high_channels: str = ""
) -> Path:
    path.write_text(routing_yaml(escalate_after, quiet_hours, high_channels), encoding="utf-8")
    return path
