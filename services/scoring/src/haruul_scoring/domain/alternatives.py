"""Split a rule's regex into its top-level alternatives, each a regex of its own.

`P(?:A|B|C)S` matches at a position exactly as the first of `P(?:A)S`, `P(?:B)S`, `P(?:C)S`
that matches there (an alternation tries its branches in order, each with all its
backtracking), when `P` is empty or `\\b`. Split, every alternative gets its own anchors, which
are far more selective than the union of a large rule's, and only the alternatives whose
anchors occur in a report are run.
"""

from __future__ import annotations

import re

_PREFIXES = ("", r"\b")


def _top_level(regex: str) -> list[tuple[int, str]]:
    """(position, character) of every `|`, `(` and `)` outside classes and escapes, with depth
    worked out by the caller; raises ValueError on unbalanced input."""
    out: list[tuple[int, str]] = []
    i = 0
    in_class = False
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            i += 1
            if i < len(regex) and regex[i] == "^":
                i += 1
            if i < len(regex) and regex[i] == "]":
                i += 1  # a leading "]" is literal
            continue
        elif ch in "|()":
            out.append((i, ch))
        i += 1
    if in_class:
        raise ValueError(regex)
    return out


def _split_at_depth(regex: str, start: int, end: int) -> list[str]:
    """The `|`-separated parts of regex[start:end] at nesting depth 0."""
    parts: list[str] = []
    depth = 0
    last = start
    for pos, ch in _top_level(regex):
        if not start <= pos < end:
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            parts.append(regex[last:pos])
            last = pos + 1
    parts.append(regex[last:end])
    return parts


def in_sequence(regex: str, pos: int) -> bool:
    """Whether `pos` of a (valid) `regex` is outside every group and class, in a regex with no
    `|` outside groups: what comes before it and what comes from it on are then regexes of
    their own, matched one after the other."""
    try:
        _top_level(regex[:pos])
    except ValueError:
        return False  # inside a class
    depth = 0
    depth_at_pos = 0
    for at, ch in _top_level(regex):
        if at < pos:
            depth_at_pos = depth + (ch == "(") - (ch == ")")
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            return False  # an alternation outside groups
    return depth_at_pos == 0


def closing(regex: str, open_at: int) -> int | None:
    """Where the group opened at `open_at` closes; None when it does not."""
    depth = 0
    for pos, ch in _top_level(regex):
        if pos < open_at:
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return pos
    return None


def alternatives(regex: str) -> list[str]:
    """Regexes whose first match at a position, in order, is `regex`'s match there."""
    try:
        whole = _split_at_depth(regex, 0, len(regex))
        if len(whole) > 1:
            return whole if _valid(whole) else [regex]
        for prefix in _PREFIXES:
            group = prefix + "(?:"
            if not regex.startswith(group):
                continue
            close = closing(regex, len(prefix))
            if close is None:
                return [regex]
            parts = _split_at_depth(regex, len(group), close)
            rest = regex[close + 1 :]
            if len(parts) < 2 or rest[:1] in ("*", "+", "?", "{"):
                return [regex]
            split = [f"{prefix}(?:{part}){rest}" for part in parts]
            return split if _valid(split) else [regex]
    except (ValueError, re.error):
        return [regex]
    return [regex]


def _valid(parts: list[str]) -> bool:
    for part in parts:
        re.compile(part)
    return True
