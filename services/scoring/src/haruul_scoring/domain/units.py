"""Units: a rule's alternatives, each with what must occur for it to match and where to try it.

A rule whose start keys can be listed (`start_keys`) is matched at every word start (or
symbol) on its own, so its matches may overlap, and the first of its alternatives
(`alternatives`) that matches at a start wins; it is tried only where one of its heads
(`heads`) follows a space in `Skeleton.words`. A rule in Chinese or another script written
without spaces is matched like `finditer` (leftmost, not overlapping), tried only where one of
its heads, spelt as they are, occurs. Every match also contains the unit's anchors
(`anchors`). A watched regex is never run here: its units tell which of its alternatives may
occur, for the caller to search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from haruul_scoring.domain.alternatives import alternatives
from haruul_scoring.domain.anchors import anchors
from haruul_scoring.domain.heads import AS_IS, Spelling, heads
from haruul_scoring.domain.lexicon import ZH_GAP, ZH_GAP_REACH
from haruul_scoring.domain.lookahead import after_gaps
from haruul_scoring.domain.mongolian import GAP
from haruul_scoring.domain.regex_tree import most
from haruul_scoring.domain.skeleton import join, spell, spell_class
from haruul_scoring.domain.start_keys import start_keys
from haruul_scoring.domain.tails import split_at_gap, stretches

# Scripts written without spaces between words (Chinese, Thai, Lao, Khmer, Burmese): a word
# start says nothing there, so rules in them are matched like `finditer`, and only when the
# text contains such a script at all.
UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x3400, 0x9FFF),
    (0xF900, 0xFAFF),
)
UNSPACED_SCRIPT = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in UNSPACED_RANGES) + "]")

_WORD_HEAD = 6  # characters of a head in the skeleton (after its space)
_RAW_HEAD = 3  # characters of a head spelt as it is (one Chinese character says little)
_SKELETON = Spelling(spell, spell_class, join, word_end=" ")

# How a unit is tried.
AT_WORD_HEADS = 0  # `match` at each word start (or symbol) where a head follows a space
AT_WORDS = 1  # a scanner that reports the match at every word start (or symbol): no heads
AT_HEADS = 2  # finditer, tried only where a head occurs in the text
SCAN = 3  # finditer
WATCH = 4  # never run by the index: its caller searches where it needs to


class Tail(NamedTuple):
    """What follows a unit's first gap (`tails`): its own heads (as `Unit.heads`), and how far
    it can start: for a unit tried at word heads, how many stretches outside words the part
    before the gap crosses; for one tried at heads, the most characters from the unit's start
    to the tail's."""

    heads: tuple[tuple[str, int], ...]
    bound: int


class Unit(NamedTuple):
    rule: int
    number: int  # alternative number: at a word start, the first alternative that matches wins
    pattern: re.Pattern[str]  # a watch's is searched by the caller (`Found.watched`)
    heads: tuple[tuple[str, int], ...]  # (key, where in it the unit starts: see _word_keys)
    how: int
    unspaced: bool  # in a script without spaces: only tried on texts in such a script
    anchors: tuple[frozenset[str], ...]  # one string of each occurs in every match
    tail: Tail | None = None  # tried only where its tail can start in reach


def units(rule: int, regex: str, watch: bool = False) -> list[Unit]:
    """The units of rule number `rule` (or of a watched regex)."""
    unspaced = UNSPACED_SCRIPT.search(regex) is not None
    by_word = not unspaced and start_keys(regex) is not None
    parts = alternatives(regex) if by_word or (watch and not unspaced) else [regex]
    out: list[Unit] = []
    for number, part in enumerate(parts):
        if by_word and not watch:
            found = heads(part, _SKELETON, _WORD_HEAD)
            if found and not all(s.strip() for s in found):
                found = None  # a head that is only a space says nothing
            how = AT_WORD_HEADS if found else AT_WORDS
            keys = _word_keys(found or ())
            tail = _tail(part, unspaced=False) if found else None
        else:  # heads spelt as they are say nothing of word starts: fit for a watch, too
            found = heads(part, AS_IS, _RAW_HEAD) if unspaced else None
            how = WATCH if watch else AT_HEADS if found else SCAN
            keys = tuple((head, 0) for head in sorted(found or ()))
            tail = _tail(part, unspaced=True) if found and not watch else None
        pattern = _compile(part, how)
        out.append(Unit(rule, number, pattern, keys, how, unspaced, anchors(part), tail))
    return out


def _tail(part: str, unspaced: bool) -> Tail | None:
    """The tail after a unit's first gap, when where it starts can be bounded: at word heads, by
    the stretches outside words the part before the gap crosses (`tails`); in a script without
    spaces, by the widest match of that part plus the gap's `ZH_GAP_REACH` characters."""
    split = split_at_gap(part, ZH_GAP if unspaced else GAP)
    if split is None:
        return None
    before, after = split
    if unspaced:
        found = heads(after, AS_IS, _RAW_HEAD)
        widest = most(before)
        bound = None if widest is None else widest + ZH_GAP_REACH
        keys = tuple((head, 0) for head in sorted(found or ()))
    else:
        found = heads(after, _SKELETON, _WORD_HEAD)
        bound = stretches(before)
        keys = _word_keys(found) if found and all(s.strip() for s in found) else ()
    return None if bound is None or not keys else Tail(keys, bound)


def _word_keys(strings: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Each head as looked for in `Skeleton.words` (see `Skeleton.starts`): one that starts
    with a word character after a space (1: the unit starts after the space), one that starts
    with a space as it is (0: somewhere in the run of non-word characters that space stands
    for), both when a rule has both (2)."""
    keys: dict[str, int] = {}
    for s in strings:
        key, where = (s, 0) if s[0] == " " else (" " + s, 1)
        keys[key] = where if keys.get(key, where) == where else 2
    return tuple(sorted(keys.items()))


def _compile(regex: str, how: int) -> re.Pattern[str]:
    """The unit's regex, for `match` at a word start (or symbol), or a scanner that reports
    its match at every word start or symbol, or as it is for `finditer` (or a watch's
    `search`). Its gaps look ahead (`lookahead`)."""
    regex = after_gaps(regex, (GAP, ZH_GAP))
    if how == AT_WORD_HEADS:
        return re.compile(rf"(?=\S)(?:(?=\W)|(?<!\w))(?:{regex})")
    if how == AT_WORDS:
        return re.compile(rf"(?=\S)(?:(?=\W)|(?<!\w))(?=({regex}))")
    return re.compile(regex)
