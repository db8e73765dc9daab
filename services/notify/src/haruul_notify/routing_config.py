"""The routing file (desks, staff, rotations, policies, silences), validated at start-up.

`load_routing` returns a complete `RoutingConfig` or raises `RoutingConfigError`, whose
message has one line per problem, each naming the file, the line and the key path:

    routing.yaml:42: desks[1].policy.critical[1].after: write a duration like 5m, 15m or 1h

Messages never repeat a value from the file that could be personal data (phone numbers,
e-mail addresses): they say what is wrong and what a right value looks like.

The YAML is read with YAML 1.2 scalars: `22:00` is text (not the base-60 number 1320) and
`NO` is Norway (not false). Times of day are "HH:MM"; durations are like 30s, 5m, 1h30m;
instants need a UTC offset (2026-03-01T09:00:00+08:00).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import yaml
from pydantic import ValidationError

from haruul_notify.domain.alerts import Channel
from haruul_notify.domain.routing import (
    Desk,
    Digest,
    EscalationPolicy,
    EscalationStep,
    LevelPolicy,
    Override,
    QuietHours,
    Rotation,
    RoutingConfig,
    Silence,
    Staff,
    Target,
)
from haruul_notify.routing_checks import Loc, Problems, check_references, pydantic_message
from haruul_notify.routing_schema import WEEKDAYS, RoutingFile, RoutingLoader, StepEntry


class RoutingConfigError(ValueError):
    """The routing file cannot be used; each line names file:line: key: problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


def _line_map(node: yaml.Node, loc: Loc, lines: dict[Loc, int], dupes: list[Loc]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*loc, str(key_node.value))
            if child in lines:
                dupes.append(child)
            lines[child] = key_node.start_mark.line + 1
            _line_map(value_node, child, lines, dupes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = item.start_mark.line + 1
            _line_map(item, (*loc, index), lines, dupes)


def _targets(texts: list[str]) -> tuple[Target, ...]:
    return tuple(Target.parse(text) for text in texts)


def _level_policy(steps: list[StepEntry]) -> LevelPolicy:
    pages = tuple(
        EscalationStep(
            after=s.after or timedelta(0),
            targets=_targets(s.notify),
            channels=tuple(Channel(name) for name in s.channels),
        )
        for s in steps
        if s.notify is not None
    )
    digest = next((Digest(_targets(s.digest)) for s in steps if s.digest is not None), None)
    return LevelPolicy(steps=pages, digest=digest)


def _build(routing: RoutingFile) -> RoutingConfig:
    staff = {
        s.id: Staff(
            id=s.id,
            name=s.name,
            phone=s.phone,
            email=s.email,
            language=s.language,
            time_zone=s.time_zone,
            quiet_hours=QuietHours(s.quiet_hours.start, s.quiet_hours.end)
            if s.quiet_hours
            else None,
            workday_start=s.workday_start,
            working_days=frozenset(WEEKDAYS.index(day) for day in s.working_days),
        )
        for s in routing.staff
    }
    desks = tuple(
        Desk(
            id=d.id,
            name=d.name,
            countries=frozenset(d.countries),
            head=d.head,
            rotations=tuple(
                Rotation(
                    id=r.id,
                    members=tuple(r.members),
                    start_date=r.first_shift,
                    handoff_time=r.handoff_time,
                    time_zone=r.time_zone,
                    shift_days=7 if r.every == "week" else 1,
                )
                for r in d.rotations
            ),
            policy=EscalationPolicy({lvl: _level_policy(steps) for lvl, steps in d.policy.items()}),
        )
        for d in routing.desks
    )
    return RoutingConfig(
        desks=desks,
        staff=staff,
        default_desk_id=routing.default_desk,
        overrides=tuple(Override(o.rotation, o.staff, o.start, o.end) for o in routing.overrides),
        silences=tuple(
            Silence(
                id=s.id,
                matchers=s.match.model_dump(exclude_none=True),
                starts=s.starts,
                ends=s.ends,
                created_by=s.created_by,
                comment=s.comment,
            )
            for s in routing.silences
        ),
    )


def parse_routing(text: str, source: str) -> RoutingConfig:
    """Parse and validate routing YAML; `source` names the file in error messages."""
    loader = RoutingLoader(text)
    try:
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise RoutingConfigError([f"{source}:{line}: (yaml): not valid YAML: {problem}"]) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    dupes: list[Loc] = []
    if node is not None:
        _line_map(node, (), lines, dupes)
    problems = Problems(source, lines)
    for loc in dupes:
        problems.add(loc, "this key appears twice")
    try:
        routing = RoutingFile.model_validate(document)
    except ValidationError as error:
        for detail in error.errors():
            problems.add(tuple(detail["loc"]), pydantic_message(detail))
        raise RoutingConfigError(problems.found) from None
    check_references(routing, problems)
    if problems.found:
        raise RoutingConfigError(problems.found)
    try:
        return _build(routing)
    except ValueError as error:  # a rule the checks above missed; still name the file
        raise RoutingConfigError([f"{source}:1: (top level): {error}"]) from None


def load_routing(path: Path) -> RoutingConfig:
    """Read and validate the routing file; RoutingConfigError names file, line and key."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RoutingConfigError([f"{path}:1: (file): cannot read ({error.strerror})"]) from None
    return parse_routing(text, str(path))
