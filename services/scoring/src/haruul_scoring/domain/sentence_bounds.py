"""The sentence around a position of a folded text, found from the position alone.

A sentence ends after a run of . ! ? … followed by a space or the end of the text, or after a
run of Chinese stops (。！？) or newlines: what `finditer` with
`[.!?…]+(?=\\s|$)|[。！？\\n]+` reads from the start of the text, run after run. Each run is whole
and stands alone (whether it ends a sentence depends only on it and the character after it),
so the sentence around a position is found by looking back for the last run that ends one and
forward for the next: a few searches near the position instead of one over the whole report.
"""

from __future__ import annotations

import re

# The next run that ends a sentence: the same runs as the pattern above, written to start with
# a character class (the regex engine skips other characters in C), then the rest of the run.
_NEXT_END = re.compile(r"[.!?…。！？\n](?:(?<=[.!?…])[.!?…]*(?=\s|$)|(?<=[。！？\n])[。！？\n]*)")
_STOPS = ".!?…"  # end a sentence before a space or the end
_BREAKS = "。！？\n"  # always end one
_SPACE = re.compile(r"\s")


def next_sentence_end(text: str, end: int) -> int:
    """Where the sentence after the one ending at `end` ends (the end of the text if none)."""
    found = _NEXT_END.search(text, end)
    return len(text) if found is None else found.end()


class SentenceBounds:
    """`around(pos)`: [start, end) of the sentence a position of `text` falls in; a sentence
    keeps the run that ends it."""

    __slots__ = ("_ends", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends = [ch for ch in _STOPS + _BREAKS if ch in text]  # the ones it has

    def around(self, pos: int) -> tuple[int, int]:
        """For 0 <= pos < len(text)."""
        found = _NEXT_END.search(self._text, pos)
        return self._start(pos), len(self._text) if found is None else found.end()

    def _start(self, pos: int) -> int:
        """The end of the last run ending a sentence at or before `pos`, else 0."""
        text = self._text
        limit = pos
        while self._ends:
            last = max(text.rfind(ch, 0, limit) for ch in self._ends)
            if last < 0:
                break
            same = _BREAKS if text[last] in _BREAKS else _STOPS
            first = last
            while first > 0 and text[first - 1] in same:
                first -= 1
            end = last + 1
            if end == limit == pos and text[pos] in same:
                pass  # the run goes on past `pos`: it ends a later sentence, if any
            elif same is _BREAKS or end == len(text) or _SPACE.match(text, end):
                return end
            limit = first
        return 0
