"""Which of many units have all their conditions met by the keys found in a report.

A unit (one alternative of a rule) has a few conditions, each "one of these keys occurs in the
report". Each unit is filed under the keys of its most telling condition, its trigger: the keys
found bring up only their units (set unions, in C), and only those have their other conditions
checked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


class Conditions:
    """`met(found)`: the units whose every condition has a key in `found`."""

    def __init__(
        self,
        units: Sequence[Sequence[frozenset[int]]],
        keys: int,
        telling: Callable[[frozenset[int]], tuple[int, ...]],
    ) -> None:
        """`units[u]` lists unit u's conditions, each a set of key numbers below `keys`; a unit
        without conditions is always met. `telling` ranks conditions: the highest is a unit's
        trigger."""
        filed: list[list[int]] = [[] for _ in range(keys)]
        self._always: list[int] = []
        self._others: list[tuple[frozenset[int], ...]] = []
        for unit, conditions in enumerate(units):
            if not conditions:
                self._always.append(unit)
                self._others.append(())
                continue
            trigger = max(conditions, key=telling)
            for key in trigger:
                filed[key].append(unit)
            self._others.append(tuple(c for c in conditions if c is not trigger))
        self._filed = tuple(tuple(units) for units in filed)

    def layout(self) -> tuple[list[list[int]], list[int], list[list[list[int]]]]:
        """The units filed under each key, those always met, and each unit's other conditions
        (for `haruul_native.KeyIndex`, which checks them compiled)."""
        others = [[sorted(condition) for condition in unit] for unit in self._others]
        return [list(units) for units in self._filed], list(self._always), others

    def met(self, found: set[int]) -> list[int]:
        """Units whose every condition has a key in `found`."""
        brought = set(self._always)
        # Most keys trigger no unit: skipping their empty tuples first is cheaper.
        brought.update(*filter(None, map(self._filed.__getitem__, found)))
        others = self._others
        out: list[int] = []
        for unit in brought:
            for condition in others[unit]:
                if found.isdisjoint(condition):
                    break
            else:
                out.append(unit)
        return out
