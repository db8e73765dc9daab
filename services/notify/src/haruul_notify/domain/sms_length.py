"""How long an SMS is: encoding, length in the encoding's units, and number of segments.

GSM-7 (3GPP TS 23.038 default alphabet) when every character is in the basic table or the
extension table; extension characters (`^{}\\[~]|€` and form feed) take two septets (escape +
character). Anything else — Cyrillic, emoji — forces UCS-2, counted in UTF-16 code units, so
a character outside the Basic Multilingual Plane counts as two.

One segment holds 160 septets or 70 UCS-2 units; a concatenated message loses room to the
user-data header, leaving 153 septets or 67 units per segment. Like real handsets and SMSCs,
an escape pair or a surrogate pair is never split across segments, so a segment may end one
unit short; the count here packs segments the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("\f^{}\\[~]|€")
_GSM = _GSM_BASIC | _GSM_EXTENSION

SINGLE = {"GSM-7": 160, "UCS-2": 70}
MULTIPART = {"GSM-7": 153, "UCS-2": 67}


@dataclass(frozen=True)
class SmsSize:
    encoding: Encoding
    characters: int  # code points in the text
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int

    @property
    def fits_single(self) -> bool:
        return self.segments == 1


def is_gsm7(text: str) -> bool:
    return _GSM.issuperset(text)


def _double_units(text: str, encoding: Encoding) -> int:
    """How many characters take two units: escape pairs, or surrogate pairs."""
    if encoding == "GSM-7":
        return sum(map(text.count, _GSM_EXTENSION))
    return len(text.encode("utf-16-le")) // 2 - len(text)


def _unit_sizes(text: str, encoding: Encoding) -> list[int]:
    if encoding == "GSM-7":
        return [2 if char in _GSM_EXTENSION else 1 for char in text]
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def _pack(sizes: list[int], per_segment: int) -> int:
    segments, room = 1, per_segment
    for size in sizes:
        if size > room:
            segments, room = segments + 1, per_segment
        room -= size
    return segments


def segments(text: str) -> SmsSize:
    """Encoding, length and segment count of `text` as an SMS (an empty text is 1 segment)."""
    encoding: Encoding = "GSM-7" if is_gsm7(text) else "UCS-2"
    double = _double_units(text, encoding)
    units = len(text) + double
    if units <= SINGLE[encoding]:
        count = 1
    elif double:  # a pair is never split: pack unit by unit
        count = _pack(_unit_sizes(text, encoding), MULTIPART[encoding])
    else:
        count = -(-units // MULTIPART[encoding])
    return SmsSize(encoding=encoding, characters=len(text), units=units, segments=count)
