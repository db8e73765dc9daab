"""Anchors: pieces of text that every match of a rule must contain, so a report only runs the
rules whose anchors occur in it.

Anchors are looked for in a *skeleton* of the folded text: letters that Mongolian patterns
treat as interchangeable (х/h/x, с/s/ш, the vowels о/o/ө/у/u/ү ...) become one letter and runs
of a letter collapse, so a Latin-typed pattern such as `[хhx]+[уuү]+[рr]+` has the exact anchor
"XUR" whatever the spelling ("hur", "khuur", "хур"). Each rule's anchors are read from the
standard library's regex parse tree: the longest run of parts every match must contain, as a
few alternative strings. Anything the analysis cannot follow adds no anchor, so a rule is only
ever skipped when it cannot match; the rules themselves still run on the real folded text.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from haruul_scoring.domain import mongolian

_parser: Any = importlib.import_module("re._parser")

_MAX_SET = 64
_MAX_REQUIREMENTS = 4
_MIN_ANCHOR = 3  # shorter anchors occur in nearly every report: the rule just runs
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
# Letters cp1251 lacks, each to a letter it is interchangeable with.
_BEFORE_ENCODING = (("ө", "о"), ("ү", "у"), ("ö", "o"), ("ü", "u"))


def _byte_table() -> bytes:
    """cp1251 byte -> byte of the smallest letter it is interchangeable with."""
    parent = list(range(256))

    def root(b: int) -> int:
        while parent[b] != b:
            b = parent[b]
        return b

    for spelling in [*mongolian._LETTER.values(), mongolian._I_RUN, *mongolian._SOFT.values()]:
        for group in re.findall(r"\[([^\]]+)\]", spelling):
            codes = _encode(group)
            for b in codes[1:]:
                low, high = sorted((root(codes[0]), root(b)))
                parent[high] = low
    return bytes(root(b) for b in range(256))


def _encode(text: str) -> bytes:
    if not text.isascii():
        for letter, same in _BEFORE_ENCODING:
            text = text.replace(letter, same)
    return text.encode("cp1251", "replace")


_TABLE = _byte_table()
# Runs of a letter collapse; other characters (digits, spaces, "?" for anything outside
# cp1251) are kept as they are.
_LETTER_BYTES = frozenset(
    b for b in set(_TABLE) if bytes([b]).decode("cp1251", "replace").isalpha()
)
_LETTERS = frozenset(chr(b) for b in _LETTER_BYTES)
_NOT_LETTER = bytes(0 if b in _LETTER_BYTES else 1 for b in range(256))


def _collapse_bytes(data: bytes) -> bytes:
    """Drop every letter equal to the one before it. Equal neighbours are found with one
    big-integer XOR of the text and itself shifted by one (zero bytes), all in C; OR-ing a
    mask that is non-zero at non-letters keeps those."""
    if len(data) < 2:
        return data
    head = data[:-1]
    diff = (
        int.from_bytes(head, "big") ^ int.from_bytes(data[1:], "big")
        | int.from_bytes(head.translate(_NOT_LETTER), "big")
    ).to_bytes(len(data) - 1, "big")
    pieces: list[bytes] = []
    last = 0
    at = diff.find(0)
    while at >= 0:
        pieces.append(data[last : at + 1])
        last = at + 2
        at = diff.find(0, at + 1)
    if not pieces:
        return data
    pieces.append(data[last:])
    return b"".join(pieces)


def skeleton(text: str) -> str:
    """The folded text with interchangeable letters merged and runs of a letter collapsed.
    Characters outside cp1251 (e.g. Chinese) all become "?"."""
    return _collapse_bytes(_encode(text).translate(_TABLE)).decode("latin-1")


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every skeleton a match can have, when few
    pre: frozenset[str] | None  # every match's skeleton starts with one of these
    suf: frozenset[str] | None  # ... ends with one of these
    best: frozenset[str] | None  # ... contains one of these
    more: tuple[frozenset[str], ...] = ()  # each of these is met, too (best among them)


_NOTHING = _Info(None, None, None, None)
_EMPTY = frozenset({""})


def _exact(strings: frozenset[str]) -> _Info:
    return _Info(strings, strings, strings, strings, (strings,))


def _cross(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_SET:
        return None
    return frozenset(_join(a, b) for a in left for b in right)


def _join(a: str, b: str) -> str:
    """Join two collapsed skeleton pieces: only the letter where they meet can repeat."""
    if a and b and a[-1] == b[0] and b[0] in _LETTERS:
        return a + b[1:]
    return a + b


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    if not strings:
        return (-1, 0)
    return (min(len(s) - s.count("?") for s in strings), -len(strings))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return a if _score(a) >= _score(b) else b


def _seq(items: Any) -> _Info:
    best: frozenset[str] | None = None
    reqs: list[frozenset[str] | None] = []
    cur: frozenset[str] | None = _EMPTY  # what the match so far ends with
    head: frozenset[str] | None = _EMPTY  # what it starts with (None once unknown)
    exact: frozenset[str] | None = _EMPTY
    for op, av in items:
        info = _node(str(op), av)
        if info.exact is not None:
            joined = _cross(cur, info.exact) if cur is not None else None
            if joined is None:  # too many strings: keep the run so far, start a new one
                reqs.append(cur)
            cur = joined if joined is not None else info.exact
            exact = _cross(exact, info.exact) if exact is not None else None
            if head is not None and exact is None:
                head = None
            best = _better(best, cur)
            continue
        if cur is not None and info.pre is not None:
            best = _better(best, _cross(cur, info.pre))
            reqs.append(_cross(cur, info.pre))
        best = _better(best, info.best)
        reqs.extend((cur, *info.more))
        if exact is not None:  # the first part with no exact strings closes the head
            head = _cross(exact, info.pre) if info.pre is not None else exact
        exact = None
        cur = info.suf
    if exact is not None:
        return _exact(exact)
    reqs.append(cur)
    found = tuple(dict.fromkeys(r for r in reqs if r))
    return _Info(None, head, cur, _better(best, cur), found)


def _in_chars(av: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, value in av:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value))
        elif name == "RANGE" and value[1] - value[0] < _MAX_SET:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return frozenset(skeleton(c) for c in chars)


def _node(name: str, av: Any) -> _Info:
    if name == "LITERAL":
        return _exact(frozenset({skeleton(chr(av))}))
    if name == "IN":
        chars = _in_chars(av)
        return _NOTHING if chars is None or len(chars) > _MAX_SET else _exact(chars)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _exact(_EMPTY)
    if name == "SUBPATTERN":
        return _seq(av[-1])
    if name == "BRANCH":
        alts = [_seq(alt) for alt in av[1]]
        exacts = [a.exact for a in alts]
        if all(e is not None for e in exacts):
            union = frozenset().union(*(e for e in exacts if e is not None))
            if len(union) <= _MAX_SET:
                return _exact(union)
        either = _union([a.best for a in alts])
        return _Info(
            None,
            _union([a.pre for a in alts]),
            _union([a.suf for a in alts]),
            either,
            (either,) if either else (),
        )
    if name in _REPEATS:
        low, high, body = av
        inner = _seq(body)
        if low == 0:
            if high == 1 and inner.exact is not None and len(inner.exact) < _MAX_SET:
                return _exact(inner.exact | _EMPTY)
            return _NOTHING
        if inner.exact is not None and (low == high == 1 or _one_letter(inner.exact)):
            return _exact(inner.exact)
        return _Info(None, inner.pre, inner.suf, inner.best, inner.more)
    return _NOTHING


def _one_letter(strings: frozenset[str]) -> bool:
    """Repeating it only repeats one letter, which the skeleton collapses."""
    return len(strings) == 1 and next(iter(strings)) in _LETTERS


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(not s for s in sets):
        return None
    union = frozenset().union(*(s for s in sets if s is not None))
    return union if len(union) <= _MAX_SET else None


def anchors(regex: str) -> tuple[frozenset[str], ...]:
    """Sets of skeleton strings: every match of `regex` contains one string of each set.
    At most `_MAX_REQUIREMENTS` useful sets, best first; () when there is none."""
    try:
        info = _seq(_parser.parse(regex))
    except RecursionError:
        return ()
    sets = [info.exact] if info.exact is not None else list(info.more)
    useful = sorted((s for s in sets if s and _score(s)[0] >= _MIN_ANCHOR), key=_score)
    return tuple(useful[::-1][:_MAX_REQUIREMENTS])
