"""Units: a rule's alternatives, each with what must occur for it to match and where to try it.

A rule whose start keys can be listed (`start_keys`) is matched at every word start (or
symbol) on its own, so its matches may overlap, and the first of its alternatives
(`alternatives`) that matches at a start wins; it is tried only where one of its heads
(`heads`) follows a space in `Skeleton.words`. A rule in Chinese or another script written
without spaces is matched like `finditer` (leftmost, not overlapping), tried only where one of
its heads, spelt as they are, occurs. Every unit also needs its anchors (`anchors`). A watched
regex is never run: its units only tell whether it may occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from haruul_scoring.domain.alternatives import alternatives
from haruul_scoring.domain.anchors import anchors
from haruul_scoring.domain.heads import heads
from haruul_scoring.domain.skeleton import as_words, join, spell
from haruul_scoring.domain.start_keys import start_keys

# Scripts written without spaces between words (Chinese, Thai, Lao, Khmer, Burmese): a word
# start says nothing there, so rules in them are matched like `finditer`, and only when the
# text contains such a script at all.
UNSPACED_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3400-\u9fff\uf900-\ufaff]")

_RAW_HEAD = 3  # characters of a head spelt as it is (one Chinese character says little)

# How a unit is tried.
AT_WORD_HEADS = 0  # `match` at each word start (or symbol) where a head follows a space
AT_WORDS = 1  # a scanner that reports the match at every word start (or symbol): no heads
AT_HEADS = 2  # finditer, tried only where a head occurs in the text
SCAN = 3  # finditer
WATCH = 4  # never run

Key = tuple[bool, str]  # (spelt as it is?, string): as it is in the text, else as in words


class Unit(NamedTuple):
    rule: int
    number: int  # alternative number: at a word start, the first alternative that matches wins
    pattern: re.Pattern[str] | None  # None for a watch
    heads: tuple[tuple[str, int], ...]  # (key, how far before it the unit starts)
    how: int
    unspaced: bool  # in a script without spaces: only tried on texts in such a script
    needs: tuple[frozenset[Key], ...]  # conditions: one key of each must occur


def units(rule: int, regex: str, watch: bool = False) -> list[Unit]:
    """The units of rule number `rule` (or of a watched regex)."""
    unspaced = UNSPACED_SCRIPT.search(regex) is not None
    by_word = not unspaced and start_keys(regex) is not None
    parts = alternatives(regex) if by_word or (watch and not unspaced) else [regex]
    out: list[Unit] = []
    for number, part in enumerate(parts):
        needs = [frozenset((False, as_words(s)) for s in strings) for strings in anchors(part)]
        if by_word and not watch:
            found = heads(part, spell, join)
            how = AT_WORD_HEADS if found else AT_WORDS
            keys = _word_keys(found or ())
        else:  # heads spelt as they are say nothing of word starts: fit for a watch, too
            found = heads(part, _as_is, _concatenate, _RAW_HEAD) if unspaced else None
            how = WATCH if watch else AT_HEADS if found else SCAN
            keys = tuple((head, 0) for head in sorted(found or ()))
        if keys:
            needs.append(frozenset((how != AT_WORD_HEADS, key) for key, _ in keys))
        pattern = None if watch else _compile(part, how)
        out.append(Unit(rule, number, pattern, keys, how, unspaced, tuple(needs)))
    return out


def _as_is(text: str) -> str:
    return text


def _concatenate(a: str, b: str) -> str:
    return a + b


def _word_keys(strings: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Each head as looked for in `Skeleton.words`, with how far before the found place the
    skeleton's offset is: a head that starts with a word character must follow a space."""
    return tuple((s, 1) if s[0] == " " else (" " + s, 0) for s in sorted(strings))


def _compile(regex: str, how: int) -> re.Pattern[str]:
    """The unit's regex, for `match` at a word start (or symbol), or a scanner that reports
    its match at every word start or symbol, or as it is for `finditer`."""
    if how == AT_WORD_HEADS:
        return re.compile(rf"(?=\S)(?:(?=\W)|(?<!\w))(?:{regex})")
    if how == AT_WORDS:
        return re.compile(rf"(?=\S)(?:(?=\W)|(?<!\w))(?=({regex}))")
    return re.compile(regex)
