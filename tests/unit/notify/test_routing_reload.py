"""SIGHUP reload: a good file replaces the routing in force; a bad one is refused and the old
routing stays — alerts and timers are untouched either way (they live in the store)."""

from __future__ import annotations

from pathlib import Path

from haruul_notify.routing_holder import RoutingHolder
from tests.support.routing import routing_yaml, write_routing


def test_a_good_file_is_taken_and_a_bad_one_leaves_the_routing_in_force(tmp_path: Path) -> None:
    path = write_routing(tmp_path / "routing.yaml", escalate_after="5m")
    holder = RoutingHolder(path)
    first = holder.config

    path.write_text(routing_yaml(escalate_after="2m"), encoding="utf-8")
    assert holder.reload()
    [_, second_step] = holder.config.default_desk.policy.for_level("critical").steps
    assert second_step.after.total_seconds() == 120

    taken = holder.config
    path.write_text(routing_yaml().replace('"+97699000042"', '"0042"'), encoding="utf-8")
    assert not holder.reload()
    assert holder.config is taken
    assert holder.config is not first
