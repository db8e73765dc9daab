"""Debt owed to a bank or a lender is a vulnerability, not debt bondage; its collectors'
threat of a lawsuit is the law, not a threat of harm.

"Still owes the bank for the apartment", "банкинд их өртэй", "欠网贷" describe the debt a
recruiter exploits (VUL, and "financial help first", S-AID, when the recruiter pays it off);
debt bondage (DEBT) is a debt to the employer, recruiter or compound that keeps the person
there. A DEBT match is set aside when a lender is named right beside it, within its clause. (Not pay
"deducted for the loan": that loan is often the captors' own, "зээлийг нь төлнө гээд".)
"""

from __future__ import annotations

import re

from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.sentence_cue import Says, sentence_says

# How far from the debt words the lender may be named: after them as the creditor ("owes the
# bank for the flat", "долг по кредиту"), or just before them ("банкинд их өртэй", "欠银行的").
# Room before for an amount ("банкинд нийт 7 саяын өртэй", "bankind 20 saya ortei"); a new
# clause starts at "now": "paid off her bank loan and now she owes the company" is bondage.
_AFTER = 32
_BEFORE = 24

_LENDER = (
    r"\b(?:banks?|loans?|loan apps?|lenders?|microfinance|mortgage|credit cards?|pawn\w*)\b"
    r"|\b(?:банк\w*|кредит\w*|займ\w*|микрозайм\w*|ипотек\w*|ломбард\w*)"
    r"|" + expand(r"\b(?:банк|зээл|ломбард|бичил санхүү|карт)~"),
    r"银行|貸款|贷款|网贷|網貸|信用卡|借(?:给|給|了)",
)
_LENDER_RE = re.compile("|".join(_LENDER))
_CLAUSE_BREAK = re.compile(
    r"[;:()\"，、；：]|\s-\s|\b(?:but|and then|now|но|а потом|теперь)\b|" + expand(r"\bодоо\b")
)


def owed_to_a_lender(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when folded[start:end], a debt wording, names or sits beside a lender in its
    clause of the sentence [sentence[0], sentence[1])."""
    if not says("lender", *sentence):  # the index's quick answer for most sentences
        return False
    left = max(sentence[0], start - _BEFORE)
    right = min(sentence[1], end + _AFTER)
    before = folded[left:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        left += breaks[-1].end()
    after_break = _CLAUSE_BREAK.search(folded, end, right)
    if after_break is not None:
        right = after_break.start()
    return _LENDER_RE.search(folded, left, right) is not None


# A creditor's threat to go to court ("угрожают подать в суд", "шүүхэд өгнө гэж сүрдүүлсэн",
# "threatened to take me to court", "威胁起诉"): a lawful recourse, not the threats of harm or
# of denunciation (to the police, to immigration) that keep a person in forced labour.
_COURT = (
    r"\b(?:court|sue|suing|sued|lawsuit|legal action|bailiffs?)\b"
    r"|\b(?:суд\w*|иск\w*|пристав\w*)"
    r"|" + expand(r"\b(?:шүүх|нэхэмжлэл|шийдвэр гүйцэтгэ)~"),
    r"起诉|起訴|法院|打官司",
)


# A threat whose sentence says the threat is to go to court.
threatened_with_court = sentence_says("court")


# A bank itself, not a "loan" a compound says its workers owe ("zeeliig n tolno gj bugdiig n
# avdag": they take it all, saying it pays her loan). The text is folded: no traditional 銀行.
_BANK = re.compile(r"\bbanks?\b|" + expand(r"\bбанк~") + r"|银行")


def instalment_to_a_bank(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of withheld pay is a bank loan's instalment taken
    from the pay: its sentence names a bank ("Хаан банкны зээл … цалин буухаар шууд суутгаад").
    A bank is a lender: the lender cue is the quick answer for most sentences."""
    return says("lender", *sentence) and _BANK.search(folded, *sentence) is not None


# What the explainers look for in a sentence, as cues (`benign_causes.CUES`).
CUES: dict[str, tuple[str, ...]] = {"lender": _LENDER, "court": _COURT}
