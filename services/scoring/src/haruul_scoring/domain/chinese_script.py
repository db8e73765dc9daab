"""Traditional Chinese characters folded to simplified ones, one character for one.

Reports come in both scripts ("護照被收走" / "护照被收走"). Folded this way, a pattern written
in simplified characters reads both, instead of every rule listing both spellings (and missing
some: "英語流利", "電擊"). The table is OpenCC's TSCharacters dictionary, shipped as a text file
with the opencc-python-reimplemented package and read once at import (a packaged table, like
phonenumbers' metadata; no report is read or written). Only one-to-one pairs are kept, so the
folded text keeps its length and its offsets, and evidence still quotes the original
characters.
"""

from __future__ import annotations

import re
from importlib.resources import files


def _table() -> dict[str, str]:
    """Traditional character -> its first simplified form, where both are one character."""
    source = files("opencc") / "dictionary" / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ")[0] if simplified else ""
        # Basic-plane characters only: one outside it in the class below makes every search
        # ~100 times slower, and such characters are all but unknown in reports.
        single = len(traditional) == 1 and len(first) == 1 and first != traditional
        if single and traditional <= "\uffff":
            table[traditional] = first
    return table


_SIMPLIFIED = _table()
_TRADITIONAL = re.compile("[" + "".join(sorted(_SIMPLIFIED)) + "]")
# The blocks every traditional character with a simplified form is in (CJK Unified Ideographs,
# its Extension A, the compatibility ideographs): a text with none of their characters has
# nothing to simplify.
TRADITIONAL_BLOCKS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
if not all(any(a <= ord(c) <= b for a, b in TRADITIONAL_BLOCKS) for c in _SIMPLIFIED):
    raise ValueError("a traditional character outside TRADITIONAL_BLOCKS")


def _simplify(m: re.Match[str]) -> str:
    return _SIMPLIFIED[m.group()]


def to_simplified(text: str) -> str:
    """`text` with each traditional character that has a one-character simplified form
    replaced by it; same length, same offsets."""
    if text.isascii():
        return text
    return _TRADITIONAL.sub(_simplify, text)
