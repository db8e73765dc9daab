"""From the set of indicators found to a level, a stage and a 0–100 score.

Level rules (the first that applies wins; each names why):
  CRITICAL  violence, ransom, sale between compounds or sexual exploitation (any one), or two
            or more different signs of being held/exploited now (HELD below).
  HIGH      one HELD sign; an irregular border crossing (S-XB); a red-flag recruitment sign
            (secrecy, official-looking contract, financial help first) with any other sign;
            a named scam hub or deception together with a job offer, lost contact or another
            sign; lost contact together with a hub or a job offer; four or more different
            recruitment signs.
  MEDIUM    any other indicator (e.g. a job ad abroad with a high salary, a fee, silence);
            raised to HIGH when the second reader (`second_reader`) reads the report as an
            alert, naming the words that weighed most.
  LOW       nothing found; or a public warning that names no one (`public_warning`), or a report
            of money lost to an online fraud with no one abroad or held (`defrauded`), their
            signs kept for an officer to check.
A HIGH reached only by a rule, with the signs' weights alone below the high band and fewer
than four recruitment signs (`borderline_high`), is lowered to MEDIUM when the second reader
reads an alert as very unlikely, naming the words that weighed most against one.
The score is the sum of indicator weights, clamped into the band of the level, so a higher
level always has a higher score and more evidence moves a report up inside its band.

Stage: DESTINATION when any sign of being held or exploited now is present (an emergency);
RECRUITMENT when only pre-departure signs are (prevention is still possible); else NONE.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from haruul_scoring.domain.model import Level, Stage

WEIGHTS: dict[str, int] = {
    "VIO": 40,
    "S-RAN": 40,
    "S-SOLD": 35,
    "S-SEX": 35,
    "DOC": 30,
    "MOV": 30,
    "THR": 30,
    "DEBT": 25,
    "S-SCAM": 25,
    "S-XB": 25,
    "WAG": 20,
    "S-CONF": 20,
    "ISO": 15,
    "COND": 15,
    "OT": 15,
    "DEC": 15,
    "S-HUB": 15,
    "S-OFF": 15,
    "S-AID": 15,
    "S-AD": 10,
    "S-TRV": 10,
    "S-FEE": 10,
    "S-SKILL": 5,
    "VUL": 5,
}

SEVERE = frozenset({"VIO", "S-RAN", "S-SOLD", "S-SEX"})
HELD = frozenset({"MOV", "DOC", "THR", "DEBT", "WAG", "OT", "COND", "S-SCAM"}) | SEVERE
RED_FLAG_RECRUITMENT = frozenset({"S-CONF", "S-OFF", "S-AID"})
RECRUITMENT = frozenset({"S-AD", "S-SKILL", "S-TRV", "S-FEE", "S-OFF", "S-CONF", "S-AID"})
DESTINATION = HELD | {"ISO"}
MANY_RECRUITMENT_SIGNS = 4  # different ones: HIGH by themselves

BANDS: dict[Level, tuple[int, int]] = {
    Level.LOW: (0, 19),
    Level.MEDIUM: (20, 49),
    Level.HIGH: (50, 74),
    Level.CRITICAL: (75, 100),
}

# Order in which codes are listed to an officer: the most serious first.
ORDER: tuple[str, ...] = tuple(sorted(WEIGHTS, key=lambda c: -WEIGHTS[c]))


@dataclass(frozen=True)
class Verdict:
    level: Level
    stage: Stage
    score: int
    why: str


def _level(codes: frozenset[str]) -> tuple[Level, str]:
    severe = codes & SEVERE
    held = codes & HELD
    recruitment = codes & RECRUITMENT
    if severe:
        return Level.CRITICAL, "violence, ransom, sale or sexual exploitation is reported"
    if len(held) >= 2:
        return Level.CRITICAL, "two or more signs that the person is held or exploited now"
    if held:
        return Level.HIGH, "a sign that the person is held or exploited now"
    if "S-XB" in codes:
        return Level.HIGH, "an irregular border crossing on the known scam-compound routes"
    others = codes - RED_FLAG_RECRUITMENT
    if codes & RED_FLAG_RECRUITMENT and (others or len(codes & RED_FLAG_RECRUITMENT) > 1):
        return Level.HIGH, (
            "a red-flag recruitment tactic (secrecy, an official-looking contract or money"
            " given first) with other signs"
        )
    if "S-HUB" in codes and codes - {"S-HUB"}:
        return Level.HIGH, "a named scam-compound hub together with other signs"
    if "DEC" in codes and codes & {"S-TRV", "S-HUB", "ISO"}:
        return Level.HIGH, "deception about the job or place together with travel or lost contact"
    if "ISO" in codes and (recruitment or "DEC" in codes):
        return Level.HIGH, "lost contact after a job offer abroad"
    if len(recruitment) >= MANY_RECRUITMENT_SIGNS:
        return Level.HIGH, "many recruitment warning signs together"
    if codes:
        return Level.MEDIUM, "warning signs that are not conclusive on their own"
    return Level.LOW, "no trafficking indicators were found"


def _stage(codes: frozenset[str]) -> Stage:
    if codes & DESTINATION:
        return Stage.DESTINATION
    if codes & (RECRUITMENT | {"S-XB", "DEC"}):
        return Stage.RECRUITMENT
    return Stage.NONE


@lru_cache(maxsize=4096)  # few sets of codes recur; a verdict is immutable
def judge(codes: frozenset[str]) -> Verdict:
    """Level, stage and score for a set of indicator codes."""
    level, why = _level(codes)
    return _verdict(level, codes, why)


def _weight(codes: frozenset[str]) -> int:
    return sum(WEIGHTS.get(code, 0) for code in codes)


def _verdict(level: Level, codes: frozenset[str], why: str) -> Verdict:
    """The verdict at `level`: the indicators' weights clamped into its band, the stage."""
    low, high = BANDS[level]
    return Verdict(
        level=level, stage=_stage(codes), score=min(high, max(low, _weight(codes))), why=why
    )


def borderline_high(verdict: Verdict, codes: frozenset[str]) -> bool:
    """HIGH by a rule, with the signs' weights alone below the high band (one sign of being
    held, a hub with a job offer): the only alerts the second reader may lower. Not four or
    more recruitment signs: the advisory's whole lure (a job, its pay, paid tickets, secrecy) is
    a rule of its own, whatever else the report says; a reader of words, having learnt that
    pasted adverts are mostly lawful, once lowered exactly that ("оператор, 3000$, тийзийг бид
    хариуцна, бусдад бүү ярь")."""
    return (
        verdict.level is Level.HIGH
        and _weight(codes) < BANDS[Level.HIGH][0]
        and len(codes & RECRUITMENT) < MANY_RECRUITMENT_SIGNS
    )


_SECOND_READER = "a second reader (a word-weight model trained on labelled reports)"


def _quoted(words: list[str]) -> str:
    return ", ".join(f'"{word}"' for word in words)


def raised_by_second_reader(codes: frozenset[str], probability: float, words: list[str]) -> Verdict:
    """HIGH for a report whose indicators alone make it medium, read as an alert by the second
    reader: the score in the high band, the stage from the indicators, and why, with the words
    an officer can check."""
    why = (
        f"the signs found are not conclusive on their own, but {_SECOND_READER} reads the report"
        f" as an alert ({probability:.2f}); the words that weighed most: {_quoted(words)}"
    )
    return _verdict(Level.HIGH, codes, why)


def public_warning(codes: frozenset[str]) -> Verdict:
    """LOW for a public warning that names no one (`public_warning`): its signs describe how
    the scam works, not a person at risk; they stay listed for an officer to check."""
    why = (
        "the report is a public warning (an awareness post, memo or leaflet) that names no one"
        " at risk; its signs describe how the scam works"
    )
    # nobody is at a stage: the signs are the scheme's, not a person's
    return replace(_verdict(Level.LOW, codes, why), stage=Stage.NONE)


def defrauded_online(codes: frozenset[str]) -> Verdict:
    """LOW for a report of money lost to an online fraud whose every sign is the fraud's own and
    that names no hub (`defrauded`): the writer is its victim, no one is said to be held; the
    signs stay listed for an officer to check."""
    why = (
        "the report tells of money lost to an online fraud; its signs (the scam, the silence, the"
        " fees) are the fraudster's, and no one is said to be abroad or held"
    )
    return replace(_verdict(Level.LOW, codes, why), stage=Stage.NONE)


def lawful_job_at_a_hub(codes: frozenset[str]) -> Verdict:
    """MEDIUM for a report whose only signs are a hub and a job there described as lawful, with
    its pay, papers or freedom (`hub_jobs`): worth an officer's look, not an alert."""
    why = (
        "the only signs are a hub and a job there, and the report describes the job as lawful"
        " (its pay, papers or freedom); nothing says the person is held, cheated or out of reach"
    )
    return _verdict(Level.MEDIUM, codes, why)


def lowered_by_second_reader(
    codes: frozenset[str], rule: str, probability: float, words: list[str]
) -> Verdict:
    """MEDIUM for a borderline HIGH (`borderline_high`) that the second reader reads as very
    unlikely to be an alert: the rule that made it high, the reading, and the words that
    weighed most against an alert, so an officer can weigh them."""
    why = (
        f"{rule}, but the signs are few and {_SECOND_READER} reads an alert as very unlikely"
        f" ({probability:.2f}); the words that weighed most against one: {_quoted(words)}"
    )
    return _verdict(Level.MEDIUM, codes, why)
