"""Fold a report for matching (NFKC + casefold) and map folded offsets back to the original.

Patterns run on the folded text; evidence must quote the ORIGINAL text, so every folded
character remembers which original characters it came from. Most reports are already NFKC and
casefold one-to-one; they take a fast path with an identity map and no per-character work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# One-to-one replacements applied after casefolding: typographic quotes and dashes, odd spaces,
# and Russian "ё" (usually typed as "е").
_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u0451": "\u0435",
    }
)

# Invisible format characters (zero-width spaces/joiners, bidi marks, soft hyphen, BOM) are
# dropped so that "pass\u200bport" still reads as "passport".
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


@dataclass(frozen=True)
class Folded:
    """The folded text plus the way back to the original."""

    original: str
    text: str
    starts: tuple[int, ...] | None = None  # None: identity map (fast path)
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering folded [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def fold(text: str) -> Folded:
    """NFKC-normalise, casefold and tidy `text`, keeping an offset map into the original."""
    if unicodedata.is_normalized("NFKC", text) and _INVISIBLE.search(text) is None:
        folded = text.casefold()
        if len(folded) == len(text):
            return Folded(original=text, text=folded.translate(_SAME_LENGTH))
    return _fold_slow(text)


def _fold_slow(text: str) -> Folded:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if not _INVISIBLE.fullmatch(cluster[0]):
            piece = _INVISIBLE.sub("", unicodedata.normalize("NFKC", cluster).casefold())
            for ch in piece:
                out.append(ch)
                starts.append(i)
                ends.append(j)
        i = j
    folded = "".join(out).translate(_SAME_LENGTH)
    return Folded(original=text, text=folded, starts=tuple(starts), ends=tuple(ends))
