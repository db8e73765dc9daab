"""Checks across the routing file: unique ids, references that resolve, sound policies.

Each problem is reported with the file, line and key path it belongs to (`Problems`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from haruul_notify.domain.alerts import LEVELS
from haruul_notify.domain.routing import Target
from haruul_notify.routing_schema import RoutingFile, StepEntry

Loc = tuple[int | str, ...]
PAGED_LEVELS = ("critical", "high")  # every desk must page someone for these


def key_path(loc: Loc) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


class Problems:
    def __init__(self, source: str, lines: dict[Loc, int]) -> None:
        self.source, self.lines, self.found = source, lines, list[str]()

    def add(self, loc: Loc, message: str) -> None:
        line = next(
            (self.lines[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in self.lines), 1
        )
        self.found.append(f"{self.source}:{line}: {key_path(loc)}: {message}")


def pydantic_message(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "missing":
        return "missing"
    return str(error["msg"]).removeprefix("Value error, ")


def check_references(routing: RoutingFile, problems: Problems) -> None:
    staff_ids = _unique(problems, "staff", [s.id for s in routing.staff])
    desk_ids = _unique(problems, "desks", [d.id for d in routing.desks])
    rotation_locs: dict[str, Loc] = {}
    covered: dict[str, str] = {}
    for i, desk in enumerate(routing.desks):
        here: Loc = ("desks", i)
        if desk.head not in staff_ids:
            problems.add((*here, "head"), f"no staff member with id '{desk.head}'")
        for k, country in enumerate(desk.countries):
            if country in covered:
                problems.add(
                    (*here, "countries", k), f"{country} is already on desk '{covered[country]}'"
                )
            covered.setdefault(country, desk.id)
        for j, rotation in enumerate(desk.rotations):
            if rotation.id in rotation_locs:
                problems.add((*here, "rotations", j, "id"), "this rotation id is used twice")
            rotation_locs.setdefault(rotation.id, (*here, "rotations", j))
            for m, member in enumerate(rotation.members):
                if member not in staff_ids:
                    problems.add(
                        (*here, "rotations", j, "members", m), f"no staff member with id '{member}'"
                    )
    for i, desk in enumerate(routing.desks):
        _check_policy(desk.policy, ("desks", i, "policy"), staff_ids, set(rotation_locs), problems)
    if routing.default_desk not in desk_ids:
        problems.add(("default_desk",), f"no desk with id '{routing.default_desk}'")
    for i, override in enumerate(routing.overrides):
        if override.rotation not in rotation_locs:
            problems.add(("overrides", i, "rotation"), f"no rotation with id '{override.rotation}'")
        if override.staff not in staff_ids:
            problems.add(("overrides", i, "staff"), f"no staff member with id '{override.staff}'")
        if override.end <= override.start:
            problems.add(("overrides", i, "end"), "must be after start")
    _unique(problems, "silences", [s.id for s in routing.silences])
    for i, silence in enumerate(routing.silences):
        if silence.ends <= silence.starts:
            problems.add(("silences", i, "ends"), "must be after starts")
        if not silence.match.model_fields_set:
            problems.add(
                ("silences", i, "match"), "name at least one of desk, level, country, case_id"
            )
        if silence.match.desk is not None and silence.match.desk not in desk_ids:
            problems.add(
                ("silences", i, "match", "desk"), f"no desk with id '{silence.match.desk}'"
            )
    for i, staff in enumerate(routing.staff):
        quiet = staff.quiet_hours
        if quiet is not None and quiet.start == quiet.end:
            problems.add(("staff", i, "quiet_hours", "end"), "must differ from start")


def _unique(problems: Problems, section: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            problems.add((section, index, "id"), f"'{item_id}' is used twice")
        seen.add(item_id)
    return seen


def _check_policy(
    policy: dict[str, list[StepEntry]],
    here: Loc,
    staff_ids: set[str],
    rotation_ids: set[str],
    problems: Problems,
) -> None:
    for level in PAGED_LEVELS:
        if not any(step.notify for step in policy.get(level, [])):
            problems.add(here, f"'{level}' must page someone (a step with after and notify)")
    for level, steps in policy.items():
        if level not in LEVELS:
            problems.add((*here, level), f"unknown level; use {', '.join(LEVELS)}")
            continue
        previous = timedelta(0)
        digests = 0
        for j, step in enumerate(steps):
            at: Loc = (*here, level, j)
            if (step.notify is None) == (step.digest is None):
                problems.add(at, "give either notify (with after) or digest")
            elif step.digest is not None:
                digests += 1
                if step.after is not None:
                    problems.add(
                        (*at, "after"), "a digest goes out at the start of the working day"
                    )
                if digests > 1:
                    problems.add((*at, "digest"), "one digest per level")
            elif step.after is None:
                problems.add((*at, "after"), "missing (e.g. 0m for at once)")
            elif step.after < previous:
                problems.add((*at, "after"), "steps must be in order of their delay")
            else:
                previous = step.after
            for key in ("notify", "digest"):
                for k, text in enumerate(getattr(step, key) or []):
                    target = Target.parse(text)
                    if target.kind == "staff" and target.ref not in staff_ids:
                        problems.add((*at, key, k), f"no staff member with id '{target.ref}'")
                    if target.kind == "rotation" and target.ref not in rotation_ids:
                        problems.add((*at, key, k), f"no rotation with id '{target.ref}'")
