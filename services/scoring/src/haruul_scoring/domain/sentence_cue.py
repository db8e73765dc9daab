"""How an explainer reads a match's sentence: whether part of it holds a cue's words
(`cues.CUES`, through `context.Sentences.says`, which searches only the words of the cue that
may occur in the report), and what is said right before the match."""

from __future__ import annotations

import re
from collections.abc import Callable

from haruul_scoring.domain.sentence_bounds import next_sentence_end

# says(cue, start, end): whether folded[start:end] holds the cue
Says = Callable[[str, int, int], bool]
# explained(folded, start, end, sentence, says): whether a match folded[start:end] in the
# sentence [sentence[0], sentence[1]) is not what it looks like
Explainer = Callable[[str, int, int, tuple[int, int], Says], bool]


def sentence_says(cue: str) -> Explainer:
    """The explainer that sets a match aside when anything in its sentence holds `cue`
    (`cues.CUES`): the cause may come before or after the match."""

    def explained(folded: str, start: int, end: int, sentence: tuple[int, int], says: Says) -> bool:
        return says(cue, *sentence)

    return explained


def read_on(explained: Explainer) -> Explainer:
    """`explained`, asked about the match's sentence and the one after it: the answer to a
    worry often comes next ("«паспорт забрали». Разобрались: ключ от ячейки у него самого")."""

    def explained_on(
        folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
    ) -> bool:
        told = (sentence[0], next_sentence_end(folded, sentence[1]))
        return explained(folded, start, end, told, says)

    return explained_on


def said_before(
    pattern: re.Pattern[str], folded: str, start: int, sentence: tuple[int, int], window: int
) -> bool:
    """Whether `pattern` (anchored at its end with `$`) matches right before `start`, within
    `window` characters and the sentence."""
    return pattern.search(folded, max(sentence[0], start - window), start) is not None
