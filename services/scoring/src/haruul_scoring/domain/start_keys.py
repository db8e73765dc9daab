"""Start keys: the strings of up to three word characters (or one symbol) a rule's matches can
start with, read with the standard library's regex parser.

A rule whose start keys can be listed is matched word by word: at every word start (or symbol)
on its own, so its matches may overlap. Any other rule is matched with `finditer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from haruul_scoring.domain.regex_tree import DIGITS, parse

_MAX_PREFIXES = 3000
_SPACES = frozenset(" \t\n\r\f\v")


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
            chars |= DIGITS
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
        return set(DIGITS)
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
            prefixes = _seq(parse(regex), k)
        except (_Unbounded, RecursionError):
            continue
        keys = frozenset(_key(p) for p in prefixes)
        if "" in keys:
            return None
        return keys
    return None
