"""A second reader for borderline reports: a word-weight model that reads a report as a whole.

The patterns find each indicator with the words that prove it, but a pattern only finds the
wordings someone thought of: on sets of reports written apart from the engine, at first sight,
they raised 80–93 % of the alerts. A logistic regression over the report's words, their pairs
and, in Chinese, pairs of characters (TF-IDF, sublinear), trained on the labelled sets, rates
how much a report reads like the alerts among them. `second_reader_training` prints how it
does on each set left out of its training.

It never decides alone, and it reads only reports at the border between medium and high,
from at least `MIN_KNOWN` terms it knows:
- a report the patterns rate *medium* (at least one indicator, with its evidence) is raised to
  *high* when the second reader rates it an alert (`THRESHOLD`). On the eight sets scored once
  on 2026-12-05 this added six of their 240 alerts and no false alarm.
- a report the patterns rate *high* only by a combination rule (its signs' weights alone stay
  below the high band: `score.borderline_high`) is lowered to *medium* when the second reader
  rates an alert very unlikely (`UNLIKELY`). Left out of training set by set, this lowered
  none of the 704 alerts and 4 of the 9 lows rated high (README, "Latest figures", has it on
  sets scored once).
Either way the explanation names the words that weighed most, so an officer can check the
reading.

The weights are generated (`second_reader_weights`, `make second-reader`); this module only
reads them. Pure: no I/O.
"""

from __future__ import annotations

import importlib
import itertools
import math
import re
import sys
from array import array
from collections.abc import Mapping
from typing import NamedTuple, Protocol

from haruul_scoring.domain.second_reader_weights import (
    INTERCEPT,
    MIN_KNOWN,
    THRESHOLD,
    UNLIKELY,
    WEIGHTS,
)

# A word: a run of letters, or of digits.
_LETTERS, _DIGITS = r"[^\W\d_]+", r"\d+"
_TOKEN = re.compile(f"{_LETTERS}|{_DIGITS}")
# Chinese is written without spaces: a run of Han characters is read as its character pairs.
_HAN = re.compile(r"[\u3400-\u9fff]")
_EVIDENCE_WORDS = 3


class Term(NamedTuple):
    text: str
    start: int  # offsets in the folded text
    end: int


class Reading(NamedTuple):
    probability: float  # that the report is an alert (high or critical)
    known: int  # how many of the model's terms the report holds
    heaviest: tuple[str, ...]  # the terms that weighed most towards an alert, heaviest first
    against: tuple[str, ...]  # the terms that weighed most against one, heaviest first

    @property
    def is_alert(self) -> bool:
        """An alert read from enough known terms: a few words weigh too much on their own
        ("My brother lent me 20 dollars" read as one)."""
        return self.probability >= THRESHOLD and self.known >= MIN_KNOWN

    @property
    def is_unlikely(self) -> bool:
        """Read, from enough known terms, as very unlikely to be an alert."""
        return self.probability < UNLIKELY and self.known >= MIN_KNOWN


def _split_han(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if len(token) > 1 and _HAN.search(token) is not None:
            out.extend(token[i : i + 2] for i in range(len(token) - 1))
        else:
            out.append(token)
    return out


def _word_texts(folded: str) -> list[str]:
    """The words of `_words`, without their offsets (what a reading needs, made in C)."""
    tokens = _TOKEN.findall(folded)
    return tokens if _HAN.search(folded) is None else _split_han(tokens)


def _words(folded: str) -> list[Term]:
    words: list[Term] = []
    for m in _TOKEN.finditer(folded):
        token, start = m.group(), m.start()
        pieces = _split_han([token])
        if len(pieces) == 1:
            words.append(Term(token, start, m.end()))
        else:
            words.extend(Term(piece, start + i, start + i + 2) for i, piece in enumerate(pieces))
    return words


def terms(folded: str) -> list[Term]:
    """The report's words (in Chinese, character pairs), then each pair of adjacent words."""
    words = _words(folded)
    pairs = [Term(f"{a.text} {b.text}", a.start, b.end) for a, b in itertools.pairwise(words)]
    return words + pairs


def _pair_firsts(weights: Mapping[str, tuple[float, float]]) -> frozenset[str]:
    """The words the model's word pairs start with."""
    return frozenset(term.split(" ", 1)[0] for term in weights if " " in term)


_PAIR_FIRSTS = _pair_firsts(WEIGHTS)


class CompiledReader(Protocol):
    """`haruul_native.WordReader` (services/scoring/native): `read_in_python` with the
    generated model, compiled."""

    def read(self, folded: bytes) -> tuple[float, int, list[str], list[str]]: ...

    def spans(self, folded: bytes, wanted: set[str]) -> list[tuple[int, int]]: ...


def word_classes() -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The ranges of code points (inclusive) that `_TOKEN` reads as letters and as digits, read
    off `re` itself over every code point, for the compiled reader."""
    codes = array("I", range(0xD800)) + array("I", range(0xE000, 0x110000))  # no surrogates
    every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")

    def ranges(pattern: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for m in re.finditer(pattern, every):
            first, last = codes[m.start()], codes[m.end() - 1]
            if first < 0xD800 <= last:  # a run across the surrogates' gap: two ranges
                out += [(first, 0xD7FF), (0xE000, last)]
            else:
                out.append((first, last))
        return out

    return ranges(_LETTERS), ranges(_DIGITS)


def _compiled() -> CompiledReader | None:
    """The compiled reader when `build_engine` built it (and it is in use), else None."""
    try:
        module = importlib.import_module("haruul_native")
    except ImportError:
        return None
    letters, digits = word_classes()
    reader: CompiledReader = module.WordReader(
        letters, digits, dict(WEIGHTS), set(_PAIR_FIRSTS), INTERCEPT, _EVIDENCE_WORDS
    )
    return reader


COMPILED = _compiled()


def read(
    folded: str,
    weights: Mapping[str, tuple[float, float]] = WEIGHTS,
    intercept: float = INTERCEPT,
) -> Reading:
    """How much the folded report reads like an alert, and the terms behind it. (`weights` and
    `intercept`: the generated model's unless training tries others.) Compiled when it can be
    (`COMPILED`), which reads exactly as `read_in_python` does."""
    if COMPILED is not None and weights is WEIGHTS and intercept == INTERCEPT:
        # UTF-8 with a "?" for a lone surrogate: not a word character either way
        probability, known, heaviest, against = COMPILED.read(folded.encode("utf-8", "replace"))
        return Reading(probability, known, tuple(heaviest), tuple(against))
    return read_in_python(folded, weights, intercept)


def read_in_python(
    folded: str,
    weights: Mapping[str, tuple[float, float]] = WEIGHTS,
    intercept: float = INTERCEPT,
) -> Reading:
    """`read`, in Python: the reference for the compiled reader, which sums in the same order
    (Python 3.11's `sum` of floats adds left to right, as it does)."""
    # `terms`, looked up as they are made: most of a report's terms are not the model's, and
    # a pair is only made after a word that starts one of the model's pairs
    firsts = _PAIR_FIRSTS if weights is WEIGHTS else _pair_firsts(weights)
    counts: dict[str, int] = {}
    previous = ""
    starts_a_pair = False
    for word in _word_texts(folded):
        if word in weights:
            counts[word] = counts.get(word, 0) + 1
        if starts_a_pair:
            pair = previous + " " + word
            if pair in weights:
                counts[pair] = counts.get(pair, 0) + 1
        previous = word
        starts_a_pair = word in firsts
    values = {t: (1.0 + math.log(n)) * weights[t][0] for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    contributions = {t: v / norm * weights[t][1] for t, v in values.items()}
    decision = intercept + sum(contributions.values())
    # the logistic function, written so that neither side can overflow
    odds = math.exp(-abs(decision))
    probability = 1.0 / (1.0 + odds) if decision >= 0 else odds / (1.0 + odds)
    towards = sorted(((c, t) for t, c in contributions.items() if c > 0), reverse=True)
    against = sorted((c, t) for t, c in contributions.items() if c < 0)
    return Reading(
        probability,
        len(counts),
        tuple(t for _, t in towards[:_EVIDENCE_WORDS]),
        tuple(t for _, t in against[:_EVIDENCE_WORDS]),
    )


def spans(folded: str, wanted: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where each of the `wanted` terms is first written, in text order (folded offsets).
    Compiled when it can be (`COMPILED`), which finds exactly what `spans_in_python` does: in
    Python it tokenised the whole report again, ~285 µs for a 1.6 KB one."""
    if COMPILED is not None:
        # UTF-8 with a "?" for a lone surrogate: one code point either way
        return tuple(COMPILED.spans(folded.encode("utf-8", "replace"), set(wanted)))
    return spans_in_python(folded, wanted)


def spans_in_python(folded: str, wanted: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """`spans`, in Python: the reference for the compiled reader's."""
    first: dict[str, tuple[int, int]] = {}
    for term in terms(folded):
        if term.text in wanted:
            first.setdefault(term.text, (term.start, term.end))
    return tuple(sorted(first.values()))
