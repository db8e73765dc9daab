"""The skeleton of a folded text: the spelling in which rules' anchors and heads are looked for.

Letters that Mongolian patterns treat as interchangeable (х/h/x, с/s/ш, the vowels о/o/ө/у/u/ү
...) become one letter, every character that is not a word character (and anything outside
cp1251, e.g. Chinese) becomes a space, and runs of a letter or of spaces collapse. So a
Latin-typed pattern such as `[хhx]+[уuү]+[рr]+` has one exact spelling whatever the text's
("hur", "khuur", "хур"), and so has `\\W+` between two words: one space. The skeleton starts
and ends with a space, so a word always has a space before and after it. Everything here runs in
C: one encode, one translate, and big-integer arithmetic to find and drop repeats.

The spelling of a whole text is the spelling of its characters one by one, with repeats
dropped: what a match spells is always somewhere in the skeleton of the text it is in.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Any

from haruul_scoring.domain import mongolian
from haruul_scoring.domain.regex_tree import class_chars

# Letters cp1251 lacks, each to a letter it is interchangeable with.
_BEFORE_ENCODING = (("ө", "о"), ("ү", "у"), ("ö", "o"), ("ü", "u"))
_SPACE = 0x20


def _encode(text: str) -> bytes:
    if text.isascii():
        return text.encode("ascii")  # the same bytes as cp1251, much faster
    for letter, same in _BEFORE_ENCODING:
        text = text.replace(letter, same)
    return text.encode("cp1251", "replace")


def _is_word(b: int) -> bool:
    return re.match(r"\w", bytes([b]).decode("cp1251", "replace")) is not None


def _byte_table() -> bytes:
    """cp1251 byte -> the byte it is spelt with: the smallest letter it is interchangeable
    with, itself for other word characters, a space for the rest ("?" stands for anything
    outside cp1251, word character or not)."""
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
    return bytes(root(b) if _is_word(b) else _SPACE for b in range(256))


_TABLE = _byte_table()
# Runs of one letter, and runs of spaces, collapse; digits and other word characters do not.
_REPEATABLE = frozenset(
    b for b in set(_TABLE) if b == _SPACE or bytes([b]).decode("cp1251", "replace").isalpha()
)
REPEATABLE = frozenset(chr(b) for b in _REPEATABLE)
_NOT_REPEATABLE = bytes(0 if b in _REPEATABLE else 1 for b in range(256))
_KEEP = bytes([0] + [0xFF] * 255)  # zero (a dropped repeat) stays zero, anything else: all ones


def _collapse(data: bytes) -> tuple[bytes, bytes]:
    """`data` without every letter or space equal to the one before it, and the byte string
    whose zero bytes mark those (zero at i: data[i + 1] was dropped). Equal neighbours are
    found with one big-integer XOR of the text and itself shifted by one, all in C; OR-ing a
    mask that is non-zero where a character cannot repeat keeps those. `data` has no zero
    bytes (the table leaves none)."""
    size = len(data)
    if size < 2:
        return data, b""
    whole = int.from_bytes(data, "big")
    # each byte against the next: the text without its last byte, XOR without its first
    diff = (
        (whole >> 8) ^ (whole & ((1 << (8 * size - 8)) - 1))
        | int.from_bytes(data.translate(_NOT_REPEATABLE), "big") >> 8
    ).to_bytes(size - 1, "big")
    if diff.find(0) < 0:
        return data, diff
    keep = int.from_bytes(b"\xff" + diff.translate(_KEEP), "big")
    return (whole & keep).to_bytes(size, "big").translate(None, b"\x00"), diff


def character_spellings() -> tuple[bytes, bytes]:
    """What `Skeleton` spells each character with, for `haruul_native.KeyIndex`: one byte a code
    point up to the highest that cp1251 has (a character it lacks: "?"'s spelling, which is
    also that of every higher code point), and which bytes collapse when repeated (1)."""
    unknown = _TABLE[ord("?")]
    by_code = bytearray([unknown]) * (
        max(ord(c) for c in bytes(range(256)).decode("cp1251", "ignore")) + 1
    )
    for b in range(256):
        try:
            char = bytes([b]).decode("cp1251")
        except UnicodeDecodeError:
            continue  # a byte cp1251 leaves undefined
        by_code[ord(char)] = _TABLE[b]
    for letter, same in _BEFORE_ENCODING:
        by_code[ord(letter)] = by_code[ord(same)]
    return bytes(by_code), bytes(b in _REPEATABLE for b in range(256))


def spell(text: str) -> str:
    """`text` (e.g. a piece of a rule) in the skeleton's spelling, without the leading space."""
    return _collapse(_encode(text).translate(_TABLE))[0].decode("latin-1")


def spell_class(items: Any, widest: int) -> set[str] | None:
    """The spellings of the characters a class (`[...]`) accepts: as `regex_tree.class_chars`,
    and `\\W` or `\\s` (a space); None when they cannot be listed."""
    spellings: set[str] = set()
    for op, value in items:
        if str(op) == "CATEGORY" and str(value) in ("CATEGORY_NOT_WORD", "CATEGORY_SPACE"):
            spellings.add(" ")
            continue
        chars = class_chars([(op, value)], widest, digits=True)
        if chars is None:
            return None
        spellings.update(spell(c) for c in chars)
    return spellings


def join(a: str, b: str) -> str:
    """Join two pieces of skeleton: a letter or space where they meet does not repeat."""
    if a and b and a[-1] == b[0] and b[0] in REPEATABLE:
        return a + b[1:]
    return a + b


class Skeleton:
    """The skeleton of one folded text (`words`) and the way back to folded offsets."""

    __slots__ = ("_diff", "_dropped", "_starts", "beyond_cp1251", "data", "words")

    def __init__(self, folded: str) -> None:
        encoded = _encode(folded)
        # Characters outside cp1251 were encoded as "?": the text has some (e.g. Chinese) when
        # it has more "?" encoded than before.
        self.beyond_cp1251 = not folded.isascii() and encoded.count(b"?") != folded.count("?")
        self.data, self._diff = _collapse(b" " + encoded.translate(_TABLE) + b" ")
        self.words = self.data.decode("latin-1")  # `data` as text, one character a byte
        self._dropped: list[int] | None = None
        self._starts: dict[tuple[str, int], list[int]] = {}

    def dropped(self) -> list[int]:
        """For each dropped repeat, in order, how many skeleton characters come before it."""
        dropped = self._dropped
        if dropped is None:
            # Before the i-th dropped repeat the skeleton has (its zero byte's position - i)
            # characters: the running length of the pieces between zero bytes.
            pieces = self._diff.split(b"\x00")
            dropped = self._dropped = list(accumulate(map(len, pieces[:-1])))
        return dropped

    def starts(self, key: str, where: int) -> list[int]:
        """Folded offsets at the places `key` occurs, which starts with a space: the offset of
        the character after that space (`where` 1: a word start), of every character of the
        run of non-word characters the space stands for (0), or both (2)."""
        found = self._starts.get((key, where))
        if found is not None:
            return found
        words = self.words
        dropped = self.dropped()
        found = []
        at = words.find(key)
        while at >= 0:
            # skeleton offset o is folded offset o + bisect_left(dropped, o) - 1
            after = at + 1 + bisect_left(dropped, at + 1) - 1
            if where == 1:
                found.append(after)
            else:
                run = max(0, at + bisect_left(dropped, at) - 1)
                found.extend(range(run, after + 1 if where == 2 else after))
            at = words.find(key, at + 1)
        self._starts[(key, where)] = found
        return found

    def folded(self, offset: int) -> int:
        """The folded offset of skeleton `offset` (of the first character of a run); -1 for
        the leading space."""
        return offset + bisect_left(self.dropped(), offset) - 1
