"""Reading the standard library's own regex parse tree (as `re` compiles it)."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

_parser: Any = importlib.import_module("re._parser")

DIGITS = frozenset("0123456789")


@lru_cache(maxsize=64)  # a rule's anchors, heads and start keys read the same tree
def parse(regex: str) -> Any:
    """The parse tree: a sequence of (opcode, argument) pairs. Shared: do not change it."""
    return _parser.parse(regex)


def class_chars(items: Any, widest: int, digits: bool = False) -> set[str] | None:
    """The characters a class (`[...]`) accepts: its letters and ranges narrower than
    `widest`, and (`digits`) `\\d`; None for anything else (a negated class, `\\w` ...)."""
    chars: set[str] = set()
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value))
        elif name == "RANGE" and value[1] - value[0] < widest:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif digits and name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars |= DIGITS
        else:
            return None
    return chars


def most(regex: str) -> int | None:
    """The most characters a match of `regex` can hold; None when there is no bound."""
    widest = int(parse(regex).getwidth()[1])
    return None if widest >= _parser.MAXREPEAT else widest


def fewest(items: Any) -> int:
    """The fewest characters a sequence of (opcode, argument) pairs matches."""
    return int(_parser.SubPattern(_parser.State(), list(items)).getwidth()[0])
