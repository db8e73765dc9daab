"""Run only the rules a report can match, each only where it can start.

Running ~500 rules over every position of a 2 KB report is far too slow for thousands of
reports per second. At import each rule becomes units (`units`: its alternatives, each with
its anchors and heads). Per report, one Aho-Corasick pass over the skeleton (plus one over the
text itself when it is in Chinese or another unspaced script) finds which keys occur; only the
units whose conditions are all met (`conditions`) are tried, each only where one of its heads
occurs (and, for a unit with a gap, only where its tail can start in reach: `tails`). A unit
without heads is scanned over the whole text. The index only ever skips work,
never matches; it also tells which watched regexes, and which of their alternatives, may occur.

`ahocorasick_rs` is the one non-standard dependency here (besides `phonenumbers` elsewhere):
automata compiled from Rust's aho-corasick crate, with no I/O, that hand back all of a report's
key matches in one call. Where `make engine` built it, the project's own `haruul_native`
(services/scoring/native) does the whole key pass instead, skeleton, automaton, conditions and
start offsets in one call (`CompiledKeys`); `met_units` and `Skeleton` are the same work in
Python, and its reference. Both are needed for the speed target.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from itertools import repeat
from typing import NamedTuple, Protocol

from ahocorasick_rs import BytesAhoCorasick, Implementation

from haruul_scoring.domain.conditions import Conditions
from haruul_scoring.domain.skeleton import Skeleton, character_spellings
from haruul_scoring.domain.tails import GAP_REACH, in_reach, run_ends, within, word_characters
from haruul_scoring.domain.units import (
    AT_HEADS,
    AT_WORD_HEADS,
    AT_WORDS,
    UNSPACED_RANGES,
    UNSPACED_SCRIPT,
    WATCH,
    Unit,
    units,
)

_SHORTEST_ANCHOR = 3  # letters


class Found(NamedTuple):
    matches: list[tuple[int, int, int]]  # (rule, start, end)
    # Watched regexes (numbered after the rules) that may occur, each with those of its
    # alternatives that may: searching these finds whatever the whole regex would.
    watched: dict[int, list[re.Pattern[str]]]


class CompiledKeys(Protocol):
    """`haruul_native.KeyIndex` (services/scoring/native): `Index.met_units`, compiled."""

    def find(self, text: bytes) -> list[tuple[int, list[int]]]: ...


# A unit's tail (`units.Tail`) with its heads' key numbers: (bound, [(key number, where)]).
_NumberedTail = tuple[int, list[tuple[int, int]]]

# What a unit wants back from `haruul_native.KeyIndex.find`, by how it is tried: its start
# offsets (1), the heads that occur (2), or nothing (0).
_WANTS = {AT_WORD_HEADS: 1, AT_HEADS: 2}


def _compiled(
    word_keys: list[bytes],
    word_numbers: list[int],
    raw_keys: list[bytes],
    raw_numbers: list[int],
    keys: int,
    conditions: Conditions,
    units: list[tuple[int, bool, list[tuple[int, int]], _NumberedTail | None]],
) -> CompiledKeys | None:
    """The compiled key pass when `build_engine` built it (and it is in use), else None.
    `units`: each unit's wants (`_WANTS`), whether it is in an unspaced script, its heads as
    (key number, where), and its tail (`tails`) with its heads numbered the same way."""
    try:
        module = importlib.import_module("haruul_native")
    except ImportError:
        return None
    filed, always, others = conditions.layout()
    spellings, repeatable = character_spellings()
    compiled: CompiledKeys = module.KeyIndex(
        word_keys,
        word_numbers,
        raw_keys,
        raw_numbers,
        keys,
        filed,
        always,
        others,
        units,
        spellings,
        repeatable,
        list(UNSPACED_RANGES),
        word_characters(),
        GAP_REACH,
    )
    return compiled


class Index:
    """Rules split into units; `find` runs on a report only the units that can match it, each
    only where it can start, and tells which watched regexes (and which of their
    alternatives) may occur in it."""

    def __init__(self, rules: tuple[str, ...], watches: tuple[str, ...] = ()) -> None:
        self.regexes = rules + watches
        self._units: list[Unit] = []
        keys: dict[tuple[bool, str], int] = {}  # (spelt as it is?, key) -> key number
        conditions: list[list[frozenset[int]]] = []
        # Each unit's heads by key number: (key, where in it the unit starts).
        self._heads: list[dict[int, tuple[str, int]]] = []
        tails: list[_NumberedTail | None] = []  # for the compiled key pass

        def number(as_is: bool, key: str) -> int:
            return keys.setdefault((as_is, key), len(keys))

        for rule, regex in enumerate(self.regexes):
            for unit in units(rule, regex, watch=rule >= len(rules)):
                self._units.append(unit)
                as_is = unit.how != AT_WORD_HEADS
                heads = {number(as_is, k): (k, after) for k, after in unit.heads}
                self._heads.append(heads)
                tails.append(
                    None
                    if unit.tail is None
                    else (unit.tail.bound, [(number(as_is, k), w) for k, w in unit.tail.heads])
                )
                needs = [
                    frozenset(number(False, s) for s in strings)
                    for strings in unit.anchors
                    if all(_telling(s) for s in strings)
                ]
                if heads:
                    needs.append(frozenset(heads))
                conditions.append(needs)
        spelt = {n: key for (_, key), n in keys.items()}
        self._conditions = Conditions(conditions, len(keys), lambda c: _rank(c, spelt))
        # One automaton a spelling; each pattern's key number by its place in the automaton.
        # Contiguous NFAs: as fast here as DFAs (alternating runs of make bench-scoring), in
        # ~2 MB instead of ~15.
        words = [(key, n) for (as_is, key), n in keys.items() if not as_is]
        raw = [(key, n) for (as_is, key), n in keys.items() if as_is]
        nfa = Implementation.ContiguousNFA
        spelt_words = [key.encode("latin-1") for key, _ in words]  # the skeleton is latin-1
        self._words = BytesAhoCorasick(spelt_words, implementation=nfa)
        self._word_numbers = tuple(n for _, n in words)
        # the text's own spelling, in UTF-8 (see `find`)
        spelt_raw = [key.encode() for key, _ in raw]
        self._raw = BytesAhoCorasick(spelt_raw, implementation=nfa)
        self._raw_numbers = tuple(n for _, n in raw)
        self.compiled = _compiled(
            spelt_words,
            [n for _, n in words],
            spelt_raw,
            [n for _, n in raw],
            len(keys),
            self._conditions,
            [
                (
                    _WANTS.get(unit.how, 0),
                    unit.unspaced,
                    sorted((n, w) for n, (_, w) in heads.items()),
                    tail,
                )
                for unit, heads, tail in zip(self._units, self._heads, tails, strict=True)
            ],
        )

    def find(self, text: str) -> Found:
        """Every (rule, start, end) match in `text`: for rules matched word by word, the first
        alternative's match at each word start (or symbol); for the others, `finditer`."""
        # UTF-8 with a "?" for a lone surrogate (as `json.loads` reads "\\ud800"): a `str`
        # holding one cannot cross into Rust
        if self.compiled is not None:
            met = self.compiled.find(text.encode("utf-8", "replace"))
        else:
            skeleton = Skeleton(text)
            unspaced = skeleton.beyond_cp1251 and UNSPACED_SCRIPT.search(text) is not None
            raw = text.encode("utf-8", "replace") if unspaced else None
            met = self.met_units(skeleton, raw, text)
        found = Found([], {})
        first: dict[tuple[int, int], tuple[int, int]] = {}  # (rule, start) -> (number, end)
        for index, places in met:
            rule, number, pattern, _, how, *_ = self._units[index]
            if how == WATCH:
                found.watched.setdefault(rule, []).append(pattern)
                continue
            if how == AT_WORD_HEADS:
                spans: Iterable[tuple[int, int]] = _at(pattern, text, places)
            elif how == AT_WORDS:
                spans = (m.span(1) for m in pattern.finditer(text))
            else:
                spans = (
                    _leftmost(pattern, text, places)
                    if how == AT_HEADS
                    else [m.span() for m in pattern.finditer(text)]
                )
                found.matches.extend((rule, start, end) for start, end in spans)
                continue
            for start, end in spans:
                earlier = first.get((rule, start))
                if earlier is None or earlier[0] > number:
                    first[(rule, start)] = (number, end)
        found.matches.extend((r, s, e) for (r, s), (_, e) in first.items() if e > s)
        return found

    def met_units(
        self, skeleton: Skeleton, unspaced: bytes | None, text: str
    ) -> list[tuple[int, list[int]]]:
        """The units met by a report, in unit order, each with the folded offsets where it can
        start (matched at word heads or at heads; a unit with a tail only where its tail is in
        reach, and left out when that is nowhere), or nothing. `unspaced` is the folded `text`
        in UTF-8 when it is in a script without spaces, else None.

        `haruul_native.KeyIndex.find` computes the same from the text, skeleton and all, compiled
        (`compiled`)."""
        word_keys, raw_keys = self._word_numbers, self._raw_numbers
        matches = self._words.find_matches_as_indexes(skeleton.data, True)
        present = {word_keys[k] for k, _, _ in matches}
        if unspaced is not None:
            present.update(
                raw_keys[k] for k, _, _ in self._raw.find_matches_as_indexes(unspaced, True)
            )
        met: list[tuple[int, list[int]]] = []
        ends: list[int] | None = None  # `tails.run_ends`, once a unit with a tail needs them
        counted = False
        for index in sorted(self._conditions.met(present)):
            how, in_unspaced_script = self._units[index].how, self._units[index].unspaced
            if in_unspaced_script and unspaced is None:
                continue
            heads = self._heads[index]
            if how == AT_WORD_HEADS:
                occur = [heads[n] for n in present.intersection(heads)]
                starts = sorted(_word_starts(skeleton, occur))
                tail = self._units[index].tail
                if tail is not None:
                    if not counted:
                        ends, counted = run_ends(text), True
                    if ends is not None:  # None: a character `tails` cannot count
                        tail_starts = sorted(_word_starts(skeleton, list(tail.heads)))
                        starts = in_reach(starts, tail_starts, ends, tail.bound)
                        if not starts:
                            continue
                met.append((index, starts))
            elif how == AT_HEADS:
                starts = sorted(_places(text, [heads[n][0] for n in present.intersection(heads)]))
                tail = self._units[index].tail
                if tail is not None:
                    tail_starts = sorted(_places(text, [key for key, _ in tail.heads]))
                    starts = within(starts, tail_starts, tail.bound)
                    if not starts:
                        continue
                met.append((index, starts))
            else:
                met.append((index, []))
        return met


def _telling(anchor: str) -> bool:
    """Anchors of two letters ("on ", "or ") occur in nearly every report: looking for them
    costs more than it saves. (Heads are looked for whatever their length: they say where.)"""
    return len(anchor) - anchor.count(" ") >= _SHORTEST_ANCHOR


def _rank(condition: frozenset[int], spelt: dict[int, str]) -> tuple[int, int]:
    """Longer keys are rarer; then fewer of them."""
    return min(len(spelt[n]) for n in condition), -len(condition)


def _word_starts(skeleton: Skeleton, heads: list[tuple[str, int]]) -> set[int]:
    """Folded offsets where the unit can start, given its heads found in the report."""
    starts: set[int] = set()
    for key, where in heads:
        starts.update(skeleton.starts(key, where))
    return starts


def _at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[tuple[int, int]]:
    """(start, end) of the match at each of `starts` where there is one."""
    match = pattern.match
    return [m.span() for m in map(match, repeat(text), starts) if m is not None]


def _places(text: str, keys: list[str]) -> set[int]:
    """Where each of `keys` occurs in `text`, overlaps too."""
    starts: set[int] = set()
    for key in keys:
        at = text.find(key)
        while at >= 0:
            starts.add(at)
            at = text.find(key, at + 1)
    return starts


def _leftmost(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
    """What `pattern.finditer(text)` finds, trying only at `starts` (sorted): every match
    starts at one (where a head occurs), and none is empty."""
    found: list[tuple[int, int]] = []
    done = 0
    for start in starts:
        if start >= done:
            match = pattern.match(text, start)
            if match is not None:
                done = match.end()
                found.append((start, done))
    return found


def build(rules: Iterable[str], watches: Iterable[str] = ()) -> Index:
    """Index regex sources (none may contain capturing groups): rules to match, and regexes
    only to watch for (numbered after the rules)."""
    return Index(tuple(rules), tuple(watches))
