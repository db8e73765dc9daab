"""Heads: the few strings one of which every match of a rule starts with.

Where anchors (`anchors`) say whether a rule can match a report at all, heads say where: a rule
is only tried where one of its heads occurs. Heads are read from the standard library's regex
parse tree, spelt as the caller needs: in the skeleton (`skeleton`) for rules that start at a
word, or as they are for Chinese and other unspaced scripts. A part the reading cannot follow
ends the head there, so a head is never longer than what every match really starts with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from haruul_scoring.domain.regex_tree import class_chars, parse

_MAX_STRINGS = 256
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_MAX_RANGE = 64

# A head so far: its spelling, and whether it is the whole match so far (True) or the match
# may go on in a way not followed (False).
_Part = tuple[str, bool]
_EMPTY: frozenset[_Part] = frozenset({("", True)})
_UNKNOWN: frozenset[_Part] = frozenset({("", False)})


class Spelling(NamedTuple):
    """How heads are spelt: a character, the characters of a class (`[...]`, None when they
    cannot be listed), two pieces joined, and what a word boundary after a word character
    stands for (None: nothing known)."""

    char: Callable[[str], str]
    chars: Callable[[Any, int], set[str] | None]
    join: Callable[[str, str], str]
    word_end: str | None = None


def _as_is(text: str) -> str:
    return text


def _as_is_class(items: Any, widest: int) -> set[str] | None:
    return class_chars(items, widest, digits=True)


def _concatenate(a: str, b: str) -> str:
    return a + b


AS_IS = Spelling(_as_is, _as_is_class, _concatenate)


class _TooMany(Exception):
    """More strings than are worth indexing."""


class _Reader:
    def __init__(self, spelling: Spelling, k: int):
        self.spell = spelling.char
        self.chars = spelling.chars
        self.join = spelling.join
        self.word_end = spelling.word_end
        self.k = k

    def then(self, left: frozenset[_Part], right: frozenset[_Part]) -> frozenset[_Part]:
        """Each part of `left` that is the whole match so far, followed by each of `right`."""
        out: set[_Part] = set()
        for a, whole in left:
            if not whole:
                out.add((a, False))
                continue
            for b, b_whole in right:
                joined = self.join(a, b)
                out.add((joined[: self.k], False) if len(joined) >= self.k else (joined, b_whole))
        if len(out) > _MAX_STRINGS:
            raise _TooMany
        return frozenset(out)

    def seq(self, items: Any) -> frozenset[_Part]:
        result = _EMPTY
        for op, av in items:
            if not any(whole for _, whole in result):
                break
            if self.word_end is not None and str(op) == "AT" and str(av) == "AT_BOUNDARY":
                result = self.boundary(result, self.word_end)
            else:
                result = self.then(result, self.node(str(op), av))
        return result

    def boundary(self, left: frozenset[_Part], word_end: str) -> frozenset[_Part]:
        """`\b` right after a word character: what follows is not one, spelt `word_end`."""
        after_word = frozenset(part for part in left if part[0][-1:].isalnum())
        return (left - after_word) | self.then(after_word, frozenset({(word_end, True)}))

    def node(self, name: str, av: Any) -> frozenset[_Part]:
        if name == "LITERAL":
            return frozenset({(self.spell(chr(av)), True)})
        if name == "IN":
            spelt = self.chars(av, _MAX_RANGE)
            return _UNKNOWN if spelt is None else frozenset((s, True) for s in spelt)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return _EMPTY
        if name == "SUBPATTERN":
            return self.seq(av[-1])
        if name == "BRANCH":
            return frozenset().union(*(self.seq(alternative) for alternative in av[1]))
        if name in _REPEATS:
            return self.repeat(*av)
        return _UNKNOWN

    def repeat(self, low: int, high: int, body: Any) -> frozenset[_Part]:
        """Every count of repetitions from `low` to `high`: each count adds one more body, and
        once a count adds nothing new (heads have at most k characters) no later count will."""
        item = self.seq(body)
        out: set[_Part] = set()
        current = _EMPTY
        count = 0
        while True:
            if count >= low:
                out |= current
            if count >= high:
                return frozenset(out)
            following = self.then(current, item)
            count += 1
            if following == current and count > low:
                return frozenset(out)
            if count > 4 * self.k + low:
                return _UNKNOWN
            current = following


def heads(regex: str, spelling: Spelling, longest: int) -> frozenset[str] | None:
    """Strings of at most `longest` characters, in `spelling`, such that every match of
    `regex` starts with one of them, none starting with another; None when a match can start
    with anything (or with too many different strings)."""
    tree = parse(regex)
    for k in range(longest, 0, -1):
        try:
            found = _Reader(spelling, k).seq(tree)
        except (_TooMany, RecursionError):
            continue
        strings = sorted({s for s, _ in found}, key=len)
        if not strings or not strings[0]:
            return None
        kept: list[str] = []
        for s in strings:
            if not any(s.startswith(shorter) for shorter in kept):
                kept.append(s)
        return frozenset(kept)
    return None
