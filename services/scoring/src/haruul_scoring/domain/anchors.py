"""Anchors: pieces of text that every match of a rule must contain, so a report only runs the
rules whose anchors occur in it.

Anchors are looked for in the *skeleton* of the folded text (`skeleton`), where a Latin-typed
pattern such as `[хhx]+[уuү]+[рr]+` has one exact spelling whatever the text's ("hur",
"khuur", "хур"). Each rule's anchors are read from the standard library's regex parse tree:
the longest run of parts every match must contain, as a few alternative strings. Anything the
analysis cannot follow adds no anchor, so a rule is only ever skipped when it cannot match;
the rules themselves still run on the real folded text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haruul_scoring.domain.regex_tree import parse
from haruul_scoring.domain.skeleton import REPEATABLE, spell, spell_class
from haruul_scoring.domain.skeleton import join as _join

_MAX_SET = 64
_MAX_REQUIREMENTS = 4
_MIN_ANCHOR = 3  # shorter anchors occur in nearly every report: the rule just runs
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


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


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    if not strings:
        return (-1, 0)
    return (min(len(s) for s in strings), -len(strings))


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


def _node(name: str, av: Any) -> _Info:
    if name == "LITERAL":
        return _exact(frozenset({spell(chr(av))}))
    if name == "IN":
        chars = spell_class(av, _MAX_SET)
        return _NOTHING if chars is None or len(chars) > _MAX_SET else _exact(frozenset(chars))
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
            repeats = high == 1 or _one_letter(inner.exact or _EMPTY)
            if inner.exact is not None and repeats and len(inner.exact) < _MAX_SET:
                return _exact(inner.exact | _EMPTY)
            return _NOTHING
        if inner.exact is not None and (low == high == 1 or _one_letter(inner.exact)):
            return _exact(inner.exact)
        return _Info(None, inner.pre, inner.suf, inner.best, inner.more)
    return _NOTHING


def _one_letter(strings: frozenset[str]) -> bool:
    """Repeating it only repeats one letter (or space), which the skeleton collapses."""
    return len(strings) == 1 and next(iter(strings)) in REPEATABLE


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(not s for s in sets):
        return None
    union = frozenset().union(*(s for s in sets if s is not None))
    return union if len(union) <= _MAX_SET else None


def anchors(regex: str) -> tuple[frozenset[str], ...]:
    """Sets of skeleton strings: every match of `regex` contains one string of each set.
    At most `_MAX_REQUIREMENTS` useful sets, best first; () when there is none."""
    try:
        info = _seq(parse(regex))
    except RecursionError:
        return ()
    sets = [info.exact] if info.exact is not None else list(info.more)
    useful = sorted((s for s in sets if s and _score(s)[0] >= _MIN_ANCHOR), key=_score)
    return tuple(useful[::-1][:_MAX_REQUIREMENTS])
