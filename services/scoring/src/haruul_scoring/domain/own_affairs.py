"""The person's own family, the person themselves, or an embassy, where a recruiter or captor
would be.

- A passport taken by a husband, an ex-husband or a parent ("бывший муж забрал паспорт сына и
  не отдаёт", "my husband keeps my passport in his safe") is a family quarrel for other
  services, not a compound's hold on a worker. A DOC match is set aside when a family member
  is named as its subject: right before a match that starts with the taking verb.
  Not in Mongolian, which leaves the taker unsaid: "ах маань паспортыг нь хураасан" is "my
  brother: (they) took his passport" — unless an ex-husband or ex-wife is named inside the
  match, between the passport and the taking ("паспортыг хуучин нөхөр нь … аваад"). So is a
  passport an embassy, a consulate or a visa centre keeps while it issues the visa ("the
  embassy kept my passport for the stamp").
- Fees or bills the person paid themselves ("she paid the test fee and the medical check
  herself") are not financial help from a recruiter (S-AID): an S-AID match whose subject is
  a pronoun or the family and whose sentence says the payer paid it themselves is set aside.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.sentence_cue import Says, said_before

# How far before the match its subject may begin ("my ex-husband ", "бывший муж ").
_SUBJECT_WINDOW = 30

_FAMILY_SUBJECT = re.compile(
    r"\b(?:ex-?)?(?:husband|wife|father|mother|dad|mum|mom|parents|grandmother|grandfather"
    r"|stepfather|stepmother|mother-in-law|father-in-law|in-laws)\W+$"
    r"|\b(?:бывш(?:ий|ая) )?(?:муж|жена|отец|мать|мама|папа|родители|бабушка|дедушка"
    r"|свекровь|свекор|свёкор|тёща|теща|тесть|отчим|мачеха)\W+$"
    r"|(?:前夫|前妻|丈夫|老公|妻子|老婆|爸爸|妈妈|父亲|母亲|婆婆|公公|岳母|继父|繼父)(?:把|将|將)?$"
)
# The taking verbs a DOC match can start with, in English, Russian and Chinese.
_TAKING = re.compile(
    r"(?:took|take|takes|taken|taking|confiscat|seiz|holds?|held|keeps?|kept|has|have|had"
    r"|won't)\b"
    r"|(?:забрал|отобрал|отнял|изъял|взял|держ|удержива|не отда)"
    r"|(?:收走|没收|沒收|扣押|扣留|拿走|扣了|收了|拿了|扣下)"
)


# In Mongolian the taker comes between the passport and the taking, inside the match.
_EX_SPOUSE_MN = re.compile(expand(r"\bхуучин (?:нөхөр|эхнэр)~"))


def taken_by_family(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of taken documents starts with the taking and a
    family member, right before it, is the one taking, or (Mongolian) names an ex-spouse
    inside it."""
    return (
        _taken_by(_FAMILY_SUBJECT, folded, start, sentence)
        or _EX_SPOUSE_MN.search(folded, start, end) is not None
    )


# An embassy, a consulate or a visa centre holding a passport for the visa it issues: the
# office itself named as the one keeping it ("the embassy kept my passport for the stamp"),
# not a recruiter who says the embassy needs it.
_OFFICE_SUBJECT = re.compile(
    r"\b(?:the )?(?:embassy|consulate|visa (?:centre|center|office|section)|immigration office)"
    r"\W+$"
    r"|\b(?:посольств\w*|консульств\w*|визов\w* центр\w*)\W+$"
    r"|(?:大使馆|大使館|领事馆|領事館|签证中心|簽證中心)(?:把|将|將)?$"
)


def kept_by_an_office(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of taken documents starts with the taking and an
    embassy, a consulate or a visa centre, right before it, is the one keeping them."""
    return _taken_by(_OFFICE_SUBJECT, folded, start, sentence)


def _taken_by(subject: re.Pattern[str], folded: str, start: int, sentence: tuple[int, int]) -> bool:
    """The match at `start` starts with the taking, and `subject` names the taker right before."""
    return _TAKING.match(folded, start) is not None and said_before(
        subject, folded, start, sentence, _SUBJECT_WINDOW
    )


_PRONOUN_SUBJECT = re.compile(
    r"\b(?:she|he|they|i|we|(?:the|her|his|their|our|my) (?:family|parents))\W+(?:\w+\W+)?$"
)
_OWN_MONEY = re.compile(
    r"\b(?:herself|himself|themselves|myself|ourselves"
    r"|(?:with|from|out of) (?:her|his|their|my|our) own (?:money|savings|pocket))\b"
)


def paid_by_themselves(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when an S-AID match folded[start:end] ("paid the test fee and the medical") has a
    pronoun for its subject and its sentence says the payer paid it themselves."""
    return (
        said_before(_PRONOUN_SUBJECT, folded, start, sentence, _SUBJECT_WINDOW)
        and _OWN_MONEY.search(folded, start, sentence[1]) is not None
    )
