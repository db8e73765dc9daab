"""Index regexes by the first characters they can match, so a report only runs the few rules
whose opening letters actually occur in it.

Running ~360 rules over every position of a 2 KB report is far too slow for thousands of
reports per second. At import, each rule's regex is parsed (with the standard library's own
regex parser) to list the strings of up to three word characters it can start with; at run
time the report's word prefixes are collected in one pass and a rule is tried only at words
that begin with one of its prefixes. A rule whose start cannot be listed (it begins with
`\\w` or `.`) is simply run over the whole text: the index only ever skips work, never matches.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_parser: Any = importlib.import_module("re._parser")

_MAX_PREFIXES = 3000
_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v")
_WORD_PREFIX = re.compile(r"\b\w{1,3}|[^\w\s]")
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


@dataclass(frozen=True)
class Index:
    """Rules indexed by the keys they can start with; `find` runs them on a text."""

    regexes: tuple[str, ...]
    by_key: dict[str, tuple[int, ...]]
    scanned: tuple[int, ...]  # rules that cannot be indexed: always scan the whole text
    unspaced: tuple[int, ...]  # rules in scripts without spaces: scan when such a script occurs
    key_lengths: tuple[int, ...]
    _compiled: tuple[re.Pattern[str], ...] = field(default=(), repr=False)
    _combined: dict[str, tuple[re.Pattern[str] | None, tuple[int, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Every (rule, start, end) match in `text`: for indexed rules, the leftmost match at
        each word start that carries one of the rule's keys; for the others, `finditer`."""
        found: list[tuple[int, int, int]] = []
        scan = self.scanned + (self.unspaced if UNSPACED_SCRIPT.search(text) else ())
        for rule in scan:
            found.extend((rule, m.start(), m.end()) for m in self._compiled[rule].finditer(text))
        for prefix in set(_WORD_PREFIX.findall(text)):
            combined, rules = self._for_prefix(prefix)
            if combined is None:
                continue
            for m in combined.finditer(text):
                for rule, (start, end) in zip(rules, m.regs[1:], strict=True):
                    if end > start:
                        found.append((rule, start, end))
        return found

    def _for_prefix(self, prefix: str) -> tuple[re.Pattern[str] | None, tuple[int, ...]]:
        """One regex finding, in a whole text, every word (or symbol) with this prefix where
        at least one of the rules such a word may start matches, with each rule's span.

        The regex starts with the prefix itself, so the regex engine jumps between its
        occurrences in C. A lookbehind then steps back to the occurrence and checks it is a
        word start; each rule sits in its own optional lookahead with a group, so one match
        reports the span of every rule that matches there; a chain of conditionals rejects
        occurrences where none does, so they never reach Python. Built on first use, then kept.
        """
        cached = self._combined.get(prefix)
        if cached is not None:
            return cached
        ids: set[int] = set()
        for n in self.key_lengths:
            if len(prefix) >= n:
                ids.update(self.by_key.get(prefix[:n], ()))
        rules = tuple(sorted(ids))
        combined = re.compile(_scanner(prefix, [self.regexes[i] for i in rules])) if rules else None
        self._combined[prefix] = (combined, rules)
        return combined, rules


def _scanner(prefix: str, regexes: list[str]) -> str:
    word = prefix[0].isalnum() or prefix[0] == "_"
    tries = "".join(f"(?:(?=({regex}))|)" for regex in regexes)
    some = "".join(f"(?({n})|" for n in range(1, len(regexes) + 1)) + "(?!)" + ")" * len(regexes)
    start = r"(?<!\w)" if word else ""
    return f"{re.escape(prefix)}(?<={start}{tries}(?s:.{{{len(prefix)}}})){some}"


def build(regexes: Iterable[str]) -> Index:
    """Index a list of regex sources (none may contain capturing groups)."""
    sources = tuple(regexes)
    by_key: dict[str, list[int]] = {}
    scanned: list[int] = []
    unspaced: list[int] = []
    for i, regex in enumerate(sources):
        if UNSPACED_SCRIPT.search(regex):
            unspaced.append(i)
            continue
        keys = start_keys(regex)
        if keys is None:
            scanned.append(i)
            continue
        for key in keys:
            by_key.setdefault(key, []).append(i)
    return Index(
        regexes=sources,
        by_key={k: tuple(v) for k, v in by_key.items()},
        scanned=tuple(scanned),
        unspaced=tuple(unspaced),
        key_lengths=tuple(sorted({len(k) for k in by_key})),
        _compiled=tuple(re.compile(r) for r in sources),
    )
