"""Gaps that look ahead: after each gap ("…") a rule's regex says which characters can follow.

A gap (`mongolian.GAP`, `lexicon.ZH_GAP`) tries the rest of the rule at every one of up to 60
places; when the rest is an alternation of many words, `re` tries each word at each place, and
a word that starts with a repeat (`[тt]+...`) is not even rejected on its first character.
A lookahead `(?=[...])` listing the characters the rest can start with rejects most places in
one step. It changes no match: wherever it fails, the rest would have failed there too.
Anything the analysis cannot follow (a class such as `\\w`, an item that can be empty, inline
flags) gets no lookahead.
"""

from __future__ import annotations

import re
from typing import Any

from haruul_scoring.domain.alternatives import closing
from haruul_scoring.domain.regex_tree import class_chars, fewest, parse

_WIDEST = 1 << 21  # any range a class spells out is fine: it becomes a class again
_MOST = 256  # characters in a lookahead; more would cost more than they save
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")
_SPECIAL = frozenset(".^$|)*+?{")


def after_gaps(regex: str, gaps: tuple[str, ...]) -> str:
    """`regex` with a lookahead after each of its gaps (written exactly as in `gaps`) whose
    next item's first characters can be listed."""
    if re.search(r"\(\?[a-zA-Z]", regex):
        return regex  # inline flags would change what the characters mean
    for gap in gaps:
        pieces = regex.split(gap)
        if len(pieces) == 1:
            continue
        out = [pieces[0]]
        for piece in pieces[1:]:
            chars = _first_of_next_item(piece)
            out.append(gap + ("" if chars is None else _lookahead(chars)) + piece)
        regex = "".join(out)
    return regex


def _lookahead(chars: frozenset[str]) -> str:
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _first_of_next_item(rest: str) -> frozenset[str] | None:
    """The characters the first item of `rest` (a regex's remainder) can start with."""
    while rest.startswith(r"\b"):  # zero width: the next item still gives the character
        rest = rest[2:]
    size = _item_size(rest)
    if size is None:
        return None
    quantifier = _QUANTIFIER.match(rest, size)
    item = rest[: quantifier.end() if quantifier else size]
    try:
        tree = parse(item)
    except re.error:
        return None
    if tree.getwidth()[0] < 1:
        return None
    chars = _first(tree)
    return chars if chars is not None and len(chars) <= _MOST else None


def _item_size(rest: str) -> int | None:
    """Length of the group, class, escape or character `rest` starts with (no quantifier)."""
    if not rest or rest[0] in _SPECIAL:
        return None
    if rest[0] == "\\":
        return 2 if len(rest) > 1 and not rest[1].isalnum() else None
    if rest[0] == "[":
        return _class_size(rest)
    if rest[0] != "(":
        return 1
    try:
        close = closing(rest, 0)
    except ValueError:  # an unterminated class
        return None
    return None if close is None else close + 1


def _class_size(rest: str) -> int | None:
    at = 1
    if rest[at : at + 1] == "^":
        at += 1
    if rest[at : at + 1] == "]":
        at += 1
    while at < len(rest):
        if rest[at] == "\\":
            at += 2
            continue
        if rest[at] == "]":
            return at + 1
        at += 1
    return None


def _first(items: Any) -> frozenset[str] | None:
    """First characters of a non-empty sequence's matches: those of its items up to the first
    that cannot be empty; None when they cannot be listed."""
    found: set[str] = set()
    for op, value in items:
        name = str(op)
        if name == "AT":
            continue  # zero width: the next item gives the character
        if name == "LITERAL":
            chars: frozenset[str] | None = frozenset(chr(value))
        elif name == "IN":
            listed = class_chars(value, _WIDEST)
            chars = None if listed is None else frozenset(listed)
        elif name == "SUBPATTERN":
            chars = _first(value[3])
        elif name == "BRANCH":
            chars = _union([_first(branch) for branch in value[1]])
        elif name in _REPEATS:
            chars = _first(value[2])
        else:
            return None
        if chars is None:
            return None
        found |= chars
        if fewest([(op, value)]) >= 1:
            return frozenset(found)
    return None  # the sequence can be empty


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    found: set[str] = set()
    for chars in sets:
        if chars is None:
            return None
        found |= chars
    return frozenset(found)
