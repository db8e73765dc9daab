"""How an explainer reads a match's sentence: whether part of it holds a cue's words
(`cues.CUES`, through `context.Sentences.says`, which searches only the words of the cue that
may occur in the report), and what is said right before the match."""

from __future__ import annotations

import re
from collections.abc import Callable

# says(cue, start, end): whether folded[start:end] holds the cue
Says = Callable[[str, int, int], bool]


def said_before(
    pattern: re.Pattern[str], folded: str, start: int, sentence: tuple[int, int], window: int
) -> bool:
    """Whether `pattern` (anchored at its end with `$`) matches right before `start`, within
    `window` characters and the sentence."""
    return pattern.search(folded, max(sentence[0], start - window), start) is not None
