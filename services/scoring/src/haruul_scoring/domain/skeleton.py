"""The skeleton of a folded text: the spelling in which rules' anchors and heads are looked for.

Letters that Mongolian patterns treat as interchangeable (х/h/x, с/s/ш, the vowels о/o/ө/у/u/ү
...) become one letter and runs of a letter collapse, so a Latin-typed pattern such as
`[хhx]+[уuү]+[рr]+` has one exact spelling whatever the text's ("hur", "khuur", "хур").
Characters outside cp1251 (e.g. Chinese) all become "?". Everything here runs in C: one
encode, one translate, and big-integer arithmetic to find and drop repeated letters.

`Skeleton` keeps the way back to the folded text, and a copy in which every non-word character
is a space (with one in front), where a word start is a space followed by the word.
"""

from __future__ import annotations

import re
from itertools import accumulate

from haruul_scoring.domain import mongolian

# Letters cp1251 lacks, each to a letter it is interchangeable with.
_BEFORE_ENCODING = (("ө", "о"), ("ү", "у"), ("ö", "o"), ("ü", "u"))


def _encode(text: str) -> bytes:
    if not text.isascii():
        for letter, same in _BEFORE_ENCODING:
            text = text.replace(letter, same)
    return text.encode("cp1251", "replace")


def _byte_table() -> bytes:
    """cp1251 byte -> byte of the smallest letter it is interchangeable with. NUL becomes
    \\x01 so that a zero byte can mark a dropped letter."""
    parent = list(range(256))

    def root(b: int) -> int:
        while parent[b] != b:
            b = parent[b]
        return b

    for spelling in [*mongolian._LETTER.values(), mongolian._I_RUN, *mongolian._SOFT.values()]:
        for group in re.findall(r"\[([^\]]+)\]", spelling):
            codes = _encode(group)
            for b in codes[1:]:
                low, high = sorted((root(codes[0]), root(b)))
                parent[high] = low
    parent[0] = 1
    return bytes(root(b) for b in range(256))


_TABLE = _byte_table()
# Runs of a letter collapse; other characters (digits, spaces, "?" for anything outside
# cp1251) are kept as they are.
_LETTER_BYTES = frozenset(
    b for b in set(_TABLE) if bytes([b]).decode("cp1251", "replace").isalpha()
)
LETTERS = frozenset(chr(b) for b in _LETTER_BYTES)
_NOT_LETTER = bytes(0 if b in _LETTER_BYTES else 1 for b in range(256))
_KEEP = bytes([0] + [0xFF] * 255)  # zero (a dropped letter) stays zero, anything else: all ones
_WORD_BYTES = frozenset(
    b for b in range(256) if re.match(r"\w", bytes([b]).decode("cp1251", "replace"))
)
# The skeleton with every non-word character (and "?": it may stand for either) as a space.
_SPACES = bytes(b if b in _WORD_BYTES else 0x20 for b in range(256))


def _collapse(data: bytes) -> tuple[bytes, bytes]:
    """`data` without every letter equal to the one before it, and the byte string whose zero
    bytes mark those letters (zero at i: data[i + 1] was dropped). Equal neighbours are found
    with one big-integer XOR of the text and itself shifted by one, all in C; OR-ing a mask
    that is non-zero at non-letters keeps those."""
    if len(data) < 2:
        return data, b""
    head = data[:-1]
    diff = (
        int.from_bytes(head, "big") ^ int.from_bytes(data[1:], "big")
        | int.from_bytes(head.translate(_NOT_LETTER), "big")
    ).to_bytes(len(data) - 1, "big")
    if diff.find(0) < 0:
        return data, diff
    keep = int.from_bytes(b"\xff" + diff.translate(_KEEP), "big")
    kept = (int.from_bytes(data, "big") & keep).to_bytes(len(data), "big")
    return kept.translate(None, b"\x00"), diff


def skeleton(text: str) -> str:
    """The folded text with interchangeable letters merged and runs of a letter collapsed."""
    return _collapse(_encode(text).translate(_TABLE))[0].decode("latin-1")


def join(a: str, b: str) -> str:
    """Join two skeleton pieces: only the letter where they meet can repeat."""
    if a and b and a[-1] == b[0] and b[0] in LETTERS:
        return a + b[1:]
    return a + b


class Skeleton:
    """The skeleton of one folded text with every non-word character as a space and one space
    in front (`words`), and the way back to folded offsets."""

    __slots__ = ("_diff", "_dropped", "words")

    def __init__(self, folded: str) -> None:
        data, self._diff = _collapse(_encode(folded).translate(_TABLE))
        self.words = " " + data.translate(_SPACES).decode("latin-1")
        self._dropped: list[int] | None = None

    def dropped(self) -> list[int]:
        """For each dropped letter, in order, how many skeleton characters come before it: the
        folded offset of skeleton offset `o` is `o + bisect_left(dropped, o)`."""
        dropped = self._dropped
        if dropped is None:
            # Before the i-th dropped letter the skeleton has (zero byte's position - i)
            # characters: the running length of the pieces between zero bytes.
            pieces = self._diff.split(b"\x00")
            dropped = self._dropped = list(accumulate(map(len, pieces[:-1])))
        return dropped


def spell(text: str) -> str:
    """`text` (e.g. a piece of a rule) as `Skeleton.words` spells it."""
    return as_words(skeleton(text))


def as_words(skeleton_text: str) -> str:
    """A skeleton string with every non-word character as a space, as in `Skeleton.words`."""
    return skeleton_text.encode("latin-1").translate(_SPACES).decode("latin-1")
