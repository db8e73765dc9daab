"""How an explainer asks whether part of a sentence holds a cue's words (`cues.CUES`):
`context.Sentences.says`, which searches only the words of the cue that may occur in the
report."""

from __future__ import annotations

from collections.abc import Callable

# says(cue, start, end): whether folded[start:end] holds the cue
Says = Callable[[str, int, int], bool]
