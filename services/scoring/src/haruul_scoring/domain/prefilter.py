"""Run only the rules a report can match, each only where it can start.

Running ~360 rules over every position of a 2 KB report is far too slow for thousands of
reports per second. At import each rule is split into its top-level alternatives
(`alternatives`), and every alternative gets its anchors (`anchors`: strings its matches must
contain, in a skeleton of the text that makes Latin-typed Mongolian spellings exact) and its
start keys (strings of up to three word characters, or one symbol, it can start with, read with
the standard library's own regex parser). At run time one Aho-Corasick pass over the report's
skeleton finds which alternatives have all their anchors, and only those run, each tried only
at word starts (or symbols) in C. A rule whose start cannot be listed is run with `finditer`.
The index only ever skips work, never matches.

`pyahocorasick` is the one non-standard dependency here (besides `phonenumbers` elsewhere): a
C automaton with no I/O, needed for the speed target (thousands of reports per second).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import ahocorasick  # type: ignore[import-not-found]

from haruul_scoring.domain.alternatives import alternatives
from haruul_scoring.domain.anchors import anchors, skeleton

_parser: Any = importlib.import_module("re._parser")

_MAX_PREFIXES = 3000
_second = itemgetter(1)
_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v")
# Scripts written without spaces between words (Chinese, Thai, Lao, Khmer, Burmese): a word
# prefix scan cannot see where a phrase starts, so rules in them scan the whole text, but only
# when the text contains such a script at all.
UNSPACED_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3400-\u9fff\uf900-\ufaff]")


class _Unbounded(Exception):
    """The regex can start with too many different characters to index."""


def _item_chars(items: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < 200:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            chars |= _DIGITS
        elif name == "CATEGORY" and str(av) == "CATEGORY_SPACE":
            chars |= _SPACES
        else:
            raise _Unbounded
    return chars


def _join(left: set[str], right: set[str], k: int) -> set[str]:
    out = {a if len(a) >= k else (a + b)[:k] for a in left for b in right}
    if len(out) > _MAX_PREFIXES:
        raise _Unbounded
    return out


def _seq(seq: Iterable[tuple[Any, Any]], k: int) -> set[str]:
    result = {""}
    for op, av in seq:
        if all(len(s) >= k for s in result):
            break
        result = _join(result, _node(str(op), av, k), k)
    return result


def _node(name: str, av: Any, k: int) -> set[str]:
    if name == "LITERAL":
        return {chr(av)}
    if name == "IN":
        return _item_chars(av)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {""}
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            out |= _seq(alternative, k)
        return out
    if name == "SUBPATTERN":
        return _seq(av[-1], k)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = av
        item = _seq(body, k)
        out = set()
        current = {""}
        for i in range(k + 1):
            if i >= low:
                out |= current
            if i >= high:
                break
            current = _join(current, item, k)
        return out | {s for s in current if len(s) >= k}
    if name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
        return set(_DIGITS)
    raise _Unbounded


def _key(prefix: str) -> str:
    """The part of a prefix that a word-prefix scan can see."""
    if not prefix or not (prefix[0].isalnum() or prefix[0] == "_"):
        return prefix[:1]
    for i, ch in enumerate(prefix):
        if not (ch.isalnum() or ch == "_"):
            return prefix[:i]
    return prefix


def start_keys(regex: str) -> frozenset[str] | None:
    """Keys (≤3 word characters, or one symbol) a match of `regex` can start with; None if any."""
    for k in (3, 2, 1):
        try:
            prefixes = _seq(_parser.parse(regex), k)
        except (_Unbounded, RecursionError):
            continue
        keys = frozenset(_key(p) for p in prefixes)
        if "" in keys:
            return None
        return keys
    return None


def first_keys(regex: str) -> frozenset[str] | None:
    """The characters a match of `regex` can start with; None if any."""
    try:
        keys = frozenset(_key(p) for p in _seq(_parser.parse(regex), 1))
    except (_Unbounded, RecursionError):
        return None
    return None if "" in keys else keys


class Index:
    """Rules split into their alternatives (`alternatives`), each with its anchors (`anchors`)
    and start keys; `find` runs on a text only the alternatives whose anchors occur in it."""

    def __init__(self, regexes: tuple[str, ...]) -> None:
        self.regexes = regexes
        # One unit per alternative: (rule, alternative number, regex, start keys or None,
        # keyed, in an unspaced script). Rules not keyed run with `finditer` and are not split.
        self._units: list[tuple[int, int, str, frozenset[str] | None, bool, bool]] = []
        self._always: list[int] = []  # units with no anchor: tried on every text
        self._need: list[int] = []  # unit -> how many anchor sets it has
        self._owner: list[int] = []  # anchor set -> its unit
        self._automaton: Any = ahocorasick.Automaton()
        by_anchor: dict[str, list[int]] = {}
        for rule, regex in enumerate(regexes):
            unspaced = UNSPACED_SCRIPT.search(regex) is not None
            keys = None if unspaced else start_keys(regex)
            parts = [regex] if keys is None else alternatives(regex)
            for number, part in enumerate(parts):
                unit = len(self._units)
                part_keys = None if keys is None else first_keys(part)
                self._units.append((rule, number, part, part_keys, keys is not None, unspaced))
                required = anchors(part)
                self._need.append(len(required))
                if not required:
                    self._always.append(unit)
                for strings in required:
                    for anchor in strings:
                        by_anchor.setdefault(anchor, []).append(len(self._owner))
                    self._owner.append(unit)
        # The automaton reports anchor numbers; each stands for the anchor sets it is in.
        self._sets_of: list[tuple[int, ...]] = []
        for anchor, ids in by_anchor.items():
            self._automaton.add_word(anchor, len(self._sets_of))
            self._sets_of.append(tuple(ids))
        self._automaton.make_automaton()
        self._scanners: dict[int, re.Pattern[str] | None] = {}

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Every (rule, start, end) match in `text`: for rules with start keys, the match at
        each word start (or symbol) that carries one of the rule's keys; for the others,
        `finditer`."""
        met: set[int] = set()
        sets_of = self._sets_of
        for anchor in set(map(_second, self._automaton.iter(skeleton(text)))):
            met.update(sets_of[anchor])
        count: dict[int, int] = {}
        for requirement in met:
            unit = self._owner[requirement]
            count[unit] = count.get(unit, 0) + 1
        need = self._need
        candidates = self._always + [u for u, n in count.items() if n == need[u]]
        unspaced = UNSPACED_SCRIPT.search(text) is not None
        found: list[tuple[int, int, int]] = []
        first: dict[tuple[int, int], tuple[int, int]] = {}  # (rule, start) -> (number, end)
        for unit in sorted(candidates):
            rule, number, _, _, keyed, in_unspaced_script = self._units[unit]
            if in_unspaced_script and not unspaced:
                continue
            scanner = self._scanner(unit)
            if scanner is None:
                continue
            if not keyed:
                found.extend((rule, m.start(1), m.end(1)) for m in scanner.finditer(text))
                continue
            for m in scanner.finditer(text):
                start, end = m.span(1)
                if first.get((rule, start), (number + 1,))[0] > number:
                    first[(rule, start)] = (number, end)
        found.extend((rule, start, end) for (rule, start), (_, end) in first.items() if end > start)
        return found

    def _scanner(self, unit: int) -> re.Pattern[str] | None:
        """The unit's regex as is, or (with start keys) one regex that reports its match at
        each word start or symbol. Built on first use, then kept; None: never tried."""
        if unit in self._scanners:
            return self._scanners[unit]
        _, _, regex, keys, keyed, _ = self._units[unit]
        scanner = _keyed_scanner(regex, keys) if keyed else re.compile(f"({regex})")
        self._scanners[unit] = scanner
        return scanner


def _keyed_scanner(regex: str, keys: frozenset[str] | None) -> re.Pattern[str] | None:
    """Starts with a class of the characters the rule's matches can start with, so the regex
    engine skips the other characters in C; a lookbehind steps back one character, checks it
    starts a word (or is a symbol) and runs the rule in a lookahead with a group. A match at a
    word start always begins with one of the rule's keys, so they need no further check."""
    if keys is None:  # could start with anything: try every word start and symbol
        return re.compile(rf"(?=\S)(?:(?=\W)|(?<!\w))(?=({regex}))")
    firsts = sorted({k[0] for k in keys if not k[0].isspace()})
    if not firsts:  # only keys a word-prefix scan never yields
        return None
    chars = "".join(map(re.escape, firsts))
    return re.compile(rf"[{chars}](?<=(?:(?=\W)|(?<!\w))(?=({regex}))(?s:.))")


def build(regexes: Iterable[str]) -> Index:
    """Index a list of regex sources (none may contain capturing groups)."""
    return Index(tuple(regexes))
