"""Fold a report for matching (NFKC + casefold, traditional Chinese as simplified) and map
folded offsets back to the original.

Patterns run on the folded text; evidence must quote the ORIGINAL text, so every folded
character remembers which original characters it came from. Most reports are already NFKC and
casefold one-to-one; they take a fast path with an identity map and no per-character work, as
do reports whose only odd characters are full-width forms (Chinese punctuation such as "，"),
swapped one-for-one. The others (combining accents, zero-width spaces) fold only the few odd
characters one cluster at a time and copy the plain stretches between them whole.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from haruul_scoring.domain.chinese_script import TRADITIONAL_BLOCKS, to_simplified

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
# `str.translate` with a dict costs a Python-level lookup per character; these characters are
# rare, so a regex finds them in C and only they are replaced.
_SAME_LENGTH_CHARS = re.compile("[" + "".join(chr(c) for c in _SAME_LENGTH) + "]")
_REPLACEMENT = {chr(c): str(r) for c, r in _SAME_LENGTH.items()}

# Characters that fold to themselves one-to-one (decided once per character, then remembered).
_PLAIN: dict[str, bool] = {}
# Blocks with no combining marks or invisible characters (anything outside them, e.g. an
# accent, takes the slow path); the fast paths only need to rule such characters out.
_UNSAFE = re.compile("[^\t-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u3000-\u3029\u4e00-\u9fff]")


def _special() -> re.Pattern[str]:
    """Invisible characters plus every character whose casefold contains one `_tidy` replaces
    (but "ё"): a text with none of them folds by `casefold` and one `replace`."""
    tidy = set(_REPLACEMENT) - {"\u0451"}
    chars = {
        chr(code)
        for code in range(0x3000)
        if tidy.intersection(chr(code).casefold()) or _INVISIBLE.match(chr(code))
    }
    chars |= {"\ufeff"}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


_SPECIAL = _special()
# The same, or a character of the blocks that hold every traditional character
# (`chinese_script.TRADITIONAL_BLOCKS`): one search tells the common case it has neither, and
# that the ~2.7 µs search for traditional characters can be skipped.
_SPECIAL_OR_CHINESE = re.compile(
    _SPECIAL.pattern[:-1] + "".join(f"{chr(a)}-{chr(b)}" for a, b in TRADITIONAL_BLOCKS) + "]"
)


class Folded(NamedTuple):
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
    """NFKC-normalise, casefold and tidy `text`, and write traditional Chinese characters as
    simplified ones (`chinese_script`), keeping an offset map into the original."""
    folded, chinese = _fold(text)
    if not chinese:
        return folded
    simplified = to_simplified(folded.text)
    return folded if simplified is folded.text else folded._replace(text=simplified)


def _fold(text: str) -> tuple[Folded, bool]:
    """The folded text, and whether it may hold Chinese characters (False only when the common
    case's search found none: an NFKC text without them folds to none)."""
    normalized = unicodedata.is_normalized("NFKC", text)  # ~1.4 µs a 1.6 KB report: asked once
    if normalized:
        found = None if text.isascii() else _SPECIAL_OR_CHINESE.search(text)
        # none of the special characters before `found`: only the rest is searched again
        if found is None or not _SPECIAL.search(text, found.start()):
            folded = text.casefold()  # nothing to drop, nothing to tidy but "ё": the common case
            if len(folded) == len(text):
                chinese = found is not None
                return Folded(original=text, text=folded.replace("\u0451", "\u0435")), chinese
    return _fold_further(text, normalized), True


def _fold_further(text: str, normalized: bool) -> Folded:
    """`_fold` beyond the common case: invisible characters, typographic ones, full-width forms
    or combining marks."""
    if normalized and _INVISIBLE.search(text) is None:
        folded = text.casefold()
        if len(folded) == len(text):
            return Folded(original=text, text=_tidy(folded))
    swapped = _fold_same_length(text)
    if swapped is not None:
        return Folded(original=text, text=_tidy(swapped))
    return _fold_slow(text)


def _fold_same_length(text: str) -> str | None:
    """The slow path's result when the only odd characters are full-width forms (Chinese
    punctuation such as "，"), each folding to one character: the offset map is the identity.
    None when anything else is odd (the checks below mirror the fast path's)."""
    swapped = text
    for wide, narrow in _COMMON_WIDE:  # `str.replace` is much faster than a regex here
        swapped = swapped.replace(wide, narrow)
    if not unicodedata.is_normalized("NFKC", swapped):
        swapped = _WIDE_CHARS.sub(_widen, swapped)
    if not unicodedata.is_normalized("NFKC", swapped) or _UNSAFE.search(swapped) is not None:
        return None
    folded = swapped.casefold()
    return folded if len(folded) == len(text) else None


def _widen(m: re.Match[str]) -> str:
    return _WIDE[m.group()]


def _tidy(folded: str) -> str:
    return _SAME_LENGTH_CHARS.sub(_replace, folded)


def _replace(m: re.Match[str]) -> str:
    return _REPLACEMENT[m.group()]


def _wide_forms() -> dict[str, str]:
    """Full-width forms and the ideographic space, each to the one character it folds to."""
    table: dict[str, str] = {}
    for code in [0x3000, *range(0xFF01, 0xFF5F)]:
        piece = _INVISIBLE.sub("", unicodedata.normalize("NFKC", chr(code)).casefold())
        if len(piece) == 1 and piece.casefold() == piece and not unicodedata.combining(piece):
            table[chr(code)] = piece
    return table


def _is_plain(ch: str) -> bool:
    plain = _PLAIN.get(ch)
    if plain is None:
        folded = ch.casefold()
        plain = (
            not unicodedata.combining(ch)
            and unicodedata.normalize("NFKC", ch) == ch
            and len(folded) == 1
            and _INVISIBLE.match(ch) is None
            and _INVISIBLE.match(folded) is None
        )
        _PLAIN[ch] = plain
    return plain


def _odd_clusters(text: str) -> re.Pattern[str]:
    """Matches the clusters (a character and its combining marks) that are not plain."""
    odd = [ch for ch in set(text) if not _is_plain(ch)]
    marks = "".join(re.escape(ch) for ch in odd if unicodedata.combining(ch))
    singles = "[" + "".join(re.escape(ch) for ch in odd) + "]" if odd else "(?!)"
    return re.compile(f"(?s:.)[{marks}]+|{singles}" if marks else singles)


def _fold_slow(text: str) -> Folded:
    """Fold cluster by cluster; every folded character maps to the cluster it came from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for m in _odd_clusters(text).finditer(text):
        i, j = m.span()
        if done < i:  # plain stretch: one folded character per original character
            out.append(text[done:i].casefold())
            starts.extend(range(done, i))
            ends.extend(range(done + 1, i + 1))
        if not _INVISIBLE.match(text, i):
            piece = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text[i:j]).casefold())
            out.append(piece)
            starts.extend([i] * len(piece))
            ends.extend([j] * len(piece))
        done = j
    if done < len(text):
        out.append(text[done:].casefold())
        starts.extend(range(done, len(text)))
        ends.extend(range(done + 1, len(text) + 1))
    folded = _tidy("".join(out))
    return Folded(original=text, text=folded, starts=tuple(starts), ends=tuple(ends))


_WIDE = _wide_forms()
_COMMON_WIDE = tuple((ch, _WIDE[ch]) for ch in "，！？：；（）　")
_WIDE_CHARS = re.compile("[" + "".join(map(re.escape, _WIDE)) + "]")
