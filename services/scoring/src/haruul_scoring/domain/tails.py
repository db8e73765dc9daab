"""Tails: a rule with a gap ("…", `mongolian.GAP`) is only tried where what follows the gap can
start within reach (in Chinese, `lexicon.ZH_GAP`: `within`).

A gap spans the rest of its word and then at most `GAP_REACH` characters, so the rest of the rule
after its first gap (its tail) starts no later than `GAP_REACH` characters after the end of the
word in which the part before the gap ends. That part crosses a bounded number of stretches of
characters that are not in words (`stretches`): "agency" none, "гадаад паспорт" one. So from
where the rule starts, its tail starts at most `GAP_REACH` characters after the end of the word
that many words on (`in_reach`). A report with "company" in it and "took ... money" 200
characters later has its "company … took … $" unit tried nowhere: most units with a gap met
in a report (~9 a 1.6 KB report) are in that case, and `re` spends ~1.5 µs failing each.

Words are counted exactly as `re` reads `[\\w-]` (`RUN`): a character counted the other way
round could add a word or split one, and the bound would no longer hold. Below `KNOWN_BELOW`
(Latin, Cyrillic, Chinese and their punctuation) `haruul_native.KeyIndex` is handed the
characters `re` counts as word characters (`word_characters`); a report with a character beyond
it has every head tried, as before.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from haruul_scoring.domain.alternatives import in_sequence
from haruul_scoring.domain.mongolian import GAP
from haruul_scoring.domain.regex_tree import parse

GAP_REACH = 60  # characters a gap spans after its word (`mongolian.GAP`)
RUN = re.compile(r"[\w-]+")
_IN_RUN = re.compile(r"[\w-]")
KNOWN_BELOW = 0xA000
_LONE_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_UNBOUNDED = int(parse("a*")[0][1][1])  # `re`'s MAXREPEAT


def split_at_gap(part: str, gap: str = GAP) -> tuple[str, str] | None:
    """(before, after) a unit's first `gap` when it is at the top level of the unit's regex (not
    inside a group, an alternation or a repeat); None when there is none there."""
    at = part.find(gap)
    if at < 0:
        return None
    before, after = part[:at], part[at + len(gap) :]
    if after[:1] in ("?", "*", "+", "{") or not in_sequence(part, at):
        return None
    return before, after


def stretches(regex: str) -> int | None:
    """The most stretches of characters outside words (`[\\w-]`) a match of `regex` can hold;
    None when there is no bound (`\\S+` may hold any number)."""
    return _stretches(parse(regex))[0]


def _stretches(items: Any) -> tuple[int | None, bool]:
    """(the bound, whether every character a match holds is outside words)."""
    total = 0
    outside_only = True
    for op, value in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            outside = _IN_RUN.match(chr(value)) is None
            count, only = int(outside), outside
        elif name == "IN":
            outside, inside = _class_kinds(value)
            count, only = int(outside), not inside
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            count_or_none, only = _stretches(value[-1] if name == "SUBPATTERN" else value)
            if count_or_none is None:
                return None, False
            count = count_or_none
        elif name == "BRANCH":
            found = [_stretches(branch) for branch in value[1]]
            counts = [c for c, _ in found]
            if None in counts:
                return None, False
            count, only = max(c for c in counts if c is not None), all(o for _, o in found)
        elif name in _REPEATS:
            _, high, body = value
            inner, only = _stretches(body)
            if inner is None or (inner and not only and high == _UNBOUNDED):
                return None, False
            # "\W+" is one stretch however long; a bounded repeat of anything else, high of them
            count = min(inner, 1) if only else high * inner
        else:  # ".", a negated literal, a back reference ...: anything may be there
            return None, False
        total += count
        outside_only = outside_only and only
    return total, outside_only


def _class_kinds(items: Any) -> tuple[bool, bool]:
    """Whether a class (`[...]`) accepts characters outside words, and inside them."""
    outside = inside = False
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            chars: Any = (value,)
        elif name == "RANGE":
            chars = range(value[0], value[1] + 1)
        elif name == "CATEGORY" and str(value) in ("CATEGORY_WORD", "CATEGORY_DIGIT"):
            inside = True
            continue
        elif name == "CATEGORY" and str(value) == "CATEGORY_NOT_WORD":
            outside = True
            continue
        else:  # a negated class, \s, \S ...
            return True, True
        for code in chars:
            if _IN_RUN.match(chr(code)):
                inside = True
            else:
                outside = True
            if inside and outside:
                return True, True
    return outside, inside


def word_characters() -> bytes:
    """For each code point below `KNOWN_BELOW`: 1 where `re` counts it in a run (`RUN`)."""
    return bytes(chr(code).isalnum() or chr(code) in "_-" for code in range(KNOWN_BELOW))


def run_ends(text: str) -> list[int] | None:
    """Where each run of word characters (`RUN`) in `text` ends, in order; None when the text
    has a character at or beyond `KNOWN_BELOW` (but a lone surrogate, which crosses into Rust
    as a "?", as `prefilter.Index.find` says: a word character neither way)."""
    if text and max(text) >= chr(KNOWN_BELOW):
        text = _LONE_SURROGATE.sub("?", text)
        if max(text) >= chr(KNOWN_BELOW):
            return None
    return [m.end() for m in RUN.finditer(text)]


def in_reach(starts: list[int], tail_starts: list[int], ends: list[int], crossed: int) -> list[int]:
    """The `starts` (sorted) from which a tail starting at one of `tail_starts` (sorted) is in
    reach, for a part before the gap that crosses `crossed` stretches: a tail start from the
    start itself to `GAP_REACH` characters after the end of the run `crossed` runs on (`ends`:
    `run_ends`)."""
    kept: list[int] = []
    for start in starts:
        run = bisect.bisect_right(ends, start) + crossed
        limit = (ends[run] if run < len(ends) else 1 << 62) + GAP_REACH
        first = bisect.bisect_left(tail_starts, start)
        if first < len(tail_starts) and tail_starts[first] <= limit:
            kept.append(start)
    return kept


def within(starts: list[int], tail_starts: list[int], bound: int) -> list[int]:
    """The `starts` (sorted) with one of `tail_starts` (sorted) at most `bound` characters on,
    for a unit in a script without spaces (`units.Tail`)."""
    kept: list[int] = []
    for start in starts:
        first = bisect.bisect_left(tail_starts, start)
        if first < len(tail_starts) and tail_starts[first] <= start + bound:
            kept.append(start)
    return kept
