"""Value types of the scoring domain: what goes out of the engine.

Everything is immutable, a named tuple or a string enum, so results can be shared, hashed,
compared in tests and serialised by the service edge without surprises. Named tuples rather
than frozen dataclasses: a report builds several, and a frozen dataclass's `__init__` runs as
Python even in the compiled engine (a named tuple is built in C, a tenth of the time).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Level(StrEnum):
    """Alert level, ordered LOW < MEDIUM < HIGH < CRITICAL."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for LOW up to 3 for CRITICAL."""
        return _LEVEL_RANK[self]

    def at_least(self, other: Level) -> bool:
        """True when this level is `other` or more severe."""
        return self.rank >= other.rank


_LEVEL_RANK: dict[Level, int] = {
    Level.LOW: 0,
    Level.MEDIUM: 1,
    Level.HIGH: 2,
    Level.CRITICAL: 3,
}


class Stage(StrEnum):
    """Where the person seems to be: still recruitable (prevention) or held now (emergency)."""

    NONE = "none"
    RECRUITMENT = "recruitment"
    DESTINATION = "destination"


class Evidence(NamedTuple):
    """A quote from the report; `text[start:end] == quote` on the ORIGINAL text."""

    start: int
    end: int
    quote: str


class IndicatorHit(NamedTuple):
    """One indicator (ILO code such as DOC, or a scam sign such as S-HUB) with its evidence."""

    code: str
    reason: str
    evidence: tuple[Evidence, ...]


class PlaceHit(NamedTuple):
    """A gazetteer place named in the report; `role`: hub, city, transit, crossing, interview."""

    name: str
    country: str
    role: str
    evidence: tuple[Evidence, ...]


class Assessment(NamedTuple):
    """The engine's verdict on one report."""

    score: int
    level: Level
    stage: Stage
    indicators: tuple[IndicatorHit, ...]
    places: tuple[PlaceHit, ...]
    explanation: str
    engine_version: str

    @property
    def codes(self) -> frozenset[str]:
        """The indicator codes found, for quick membership checks."""
        return frozenset(hit.code for hit in self.indicators)
