"""Mongolian spelling fold: one Cyrillic pattern matches Cyrillic and Latin-typed Mongolian.

Mongolians often type Mongolian in Latin letters on phones ("passport-iig hurааsan",
"undur tsalin", "ongotsnii tiiziig"), sometimes with Cyrillic letters mixed into a Latin word.
Instead of transliterating every report (slow, and it breaks offsets), each Cyrillic letter of
a Mongolian *pattern* is expanded into a class that accepts the letter and its usual Latin
spellings (х → х/h/kh/x, ц → ц/ts/c, ө → ө/o/u/ö, ү → ү/u/v/ü, ы/и/й → i/y/ii ...). Repeated
letters collapse (long vowels are often typed short), and every letter accepts repetition, so
"хураасан" matches "hurasan" and "khuraasan".

The pattern mini-language (after expansion it is an ordinary regex):
  ~   the rest of the word, including a hyphenated suffix ("паспорт~" matches "passport-iig")
  -   an optional hyphen at a suffix boundary
  …   a short gap inside the same sentence, then a word start
  (space) one or more non-word characters
Anything else (groups, alternation, \\b, Latin letters, digits, character classes such as
"[0-7]") passes through unchanged.
Do not put a quantifier directly after a Cyrillic letter: write alternatives instead.
"""

from __future__ import annotations

_LETTER: dict[str, str] = {
    "а": "[аa]",
    "б": "[бb]",
    "в": "[вvw]",
    "г": "[гg]",
    "д": "[дd]",
    "е": "(?:[еэeё]|ye)",
    "ё": "(?:[ёеe]|yo)",
    "ж": "(?:[жj]|zh)",
    "з": "(?:[зz]|dz)",
    "к": "[кk]",
    "л": "[лl]",
    "м": "[мm]",
    "н": "[нn]",
    "о": "[оoө]",
    "ө": "(?:[өоуoöu]|oe)",
    "п": "[пp]",
    "р": "[рr]",
    "с": "[сs]",
    "т": "[тt]",
    "у": "[уuү]",
    "ү": "(?:[үуuüv]|ue)",
    "ф": "[фf]",
    "х": "(?:[хhx]|kh)",
    "ц": "(?:[цc]|ts)",
    "ч": "(?:[чc]|ch)",
    "ш": "(?:[шs]|sh)",
    "щ": "(?:щ|sh)",
    "э": "[эеe]",
    "ю": "(?:[юү]|yu|iu|yo)",
    "я": "(?:я|ya|ia)",
}
# "явсан", "явуулна" are typed "yvsan", "yvuulna": before в, я may be a bare y. Only there:
# a y for every я would find Mongolian heads inside English words and cost ~8 % of the engine.
_YA_BEFORE_V = "(?:я|ya|ia|y)"
_I_RUN_LETTERS = frozenset("ийы")
_I_RUN = "[ийыiy]+"
_SOFT = {"ь": "[ьi]?", "ъ": "[ъi]?"}

REST_OF_WORD = r"[\w-]*"
# The rest of the word, then up to 60 characters inside the sentence, then a word boundary.
# Written as "[\w-]*(?:[^.!?\n]|\.(?=\S)){0,60}?\b" it backtracks into the word for every
# step of the gap, and each step of a repeated group is slow in `re`. This form finds the same
# match: from the end of the word, first a repeated character class (fast) up to the first
# dot, as the short form tries first; then, only if a dot that does not end the sentence is
# in reach, the short form's gap from the start again; only if all of that fails, the places
# inside the word (after a hyphen), the only ones the short form's backtracking adds.
GAP = (
    r"(?:[\w-]*+(?:[^.!?\n]{0,60}?|(?=[^.!?\n]{0,59}\.(?=\S))(?:[^.!?\n]|\.(?=\S)){0,60}?)"
    r"|[\w-]*)\b"
)
SPACE = r"\W+"


def expand(pattern: str) -> str:
    """Turn a Cyrillic Mongolian pattern into a regex that also matches Latin typing."""
    out: list[str] = []
    previous = ""
    escaped = False
    in_class = False  # a character class ("[0-7]") is copied as it is: its "-" is a range
    for at, ch in enumerate(pattern):
        if in_class:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == "]":
                in_class = False
            continue
        if escaped:
            out.append(ch)
            escaped = False
            previous = ""
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            previous = ""
            continue
        if ch in _I_RUN_LETTERS:
            if previous != "i-run":
                out.append(_I_RUN)
            previous = "i-run"
            continue
        if ch in _LETTER:
            if ch != previous:
                before_v = ch == "я" and pattern[at + 1 : at + 2] == "в"
                out.append((_YA_BEFORE_V if before_v else _LETTER[ch]) + "+")
            previous = ch
            continue
        previous = ""
        if ch == "[":
            out.append(ch)
            in_class = True
        elif ch in _SOFT:
            out.append(_SOFT[ch])
        elif ch == "~":
            out.append(REST_OF_WORD)
        elif ch == "-":
            out.append("-?")
        elif ch == "…":
            out.append(GAP)
        elif ch == " ":
            out.append(SPACE)
        else:
            out.append(ch)
    return "".join(out)
