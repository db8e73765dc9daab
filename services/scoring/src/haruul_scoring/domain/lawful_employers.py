"""A strict but lawful employer's fines and deductions: the words of punishment and withheld
pay, set out by the rules everyone works under.

"Начальник штрафует за опоздания", "迟到罚款": a fine for coming late or missing work, which
lawful employers impose too, not the fines for missed quotas that hold a person in a compound
(COND). "Tax and insurance deductions as set out in his contract": pay taken at source by the
contract or the law, not deductions that swallow the pay (WAG). Each match is set aside only
when it is the fine or the deduction itself and its sentence names the lawful ground.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.sentence_cue import Says

_LATENESS = (
    r"\b(?:late|lateness|tardiness|absen\w*)\b|\b(?:опоздани\w*|опаздыва\w*|прогул\w*)"
    r"|" + expand(r"\bхоцор~|\bхоцорсон~|\bтасалсан~"),
    r"迟到|遲到|旷工|曠工",
)
_FINE = re.compile(r"\bfine[sd]?\b|\bштраф\w*|" + expand(r"\bторго~|\bторгууль~") + r"|罚款|罰款")


def fined_for_lateness(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of penalties is a fine, and its sentence says it is
    for being late or absent."""
    return _FINE.match(folded, start) is not None and says("lateness", *sentence)


# The contract, income tax, insurance or a pension as the ground of a deduction ("as set out in
# his contract", "подоходный налог и страховка", "гэрээнд заасан", "合同里写的", "社保"), or the
# worker's own request (a dormitory taken "хүсэлтээр"). Not "taxes" alone: a compound calls its
# own deductions that too.
_AS_AGREED = (
    r"\b(?:in|by|under|per|as per) (?:the|my|his|her|our|their) (?:contract|agreement)\b"
    r"|\b(?:written|set out|stated|listed|agreed) in (?:the |my |his |her |our |their )?"
    r"contract\b|\bincome tax\b|\bsocial (?:insurance|security)\b|\bhealth insurance\b"
    r"|\bpension\b"
    r"|\bпо (?:договору|контракту)\b|\bв (?:договоре|контракте)\b|\bподоходн\w*|\bстраховк\w*"
    r"|\bстраховы\w* взнос\w*|\bпенсионн\w*"
    # or the worker's own choice of a service paid from the pay: "(хүсэлтээр)", "on request"
    r"|\b(?:on|upon|at (?:the )?worker'?s) request\b|\bпо (?:желанию|заявлению)\b"
    r"|" + expand(r"\bгэрээнд (?:заасан|бичсэн|тусгасан)~|\bдаатгал~|\bтэтгэвэр~|\bхүсэлтээр\b"),
    r"合同(?:里|裡|上)?(?:写|寫|规定|規定|约定|約定)|社保|个税|個稅|保险|保險|公积金|公積金|自愿|自願",
)
_DEDUCTION = re.compile(r"deduct|вычет|удерж|" + expand(r"хасда|хасаг|суутга"))


def deducted_as_agreed(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of withheld pay is a deduction, and its sentence
    names the contract, income tax, insurance or a pension as its ground."""
    return _DEDUCTION.search(folded, start, end) is not None and says("as agreed", *sentence)


# Days or weeks to work before leaving: a notice period ("отработать 30 дней", "work out 30 days'
# notice"), not a sum to work off.
_NOTICE = re.compile(
    r"(?:отработ\w*|work(?:ing)? out)\s+(?:\d+|две|два|три|one|two|three|four)\s+(?:дн|недел|day"
    r"|week)"
)


def notice_as_agreed(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of debt is days or weeks to work out before leaving,
    and its sentence names the contract as their ground."""
    return _NOTICE.match(folded, start) is not None and says("as agreed", *sentence)


# The words the explainers above look for in a match's sentence, as cues (`cues.CUES`), in two
# groups, spaced scripts and Chinese, as `benign_causes.CUES`.
CUES: dict[str, tuple[str, ...]] = {
    "lateness": _LATENESS,
    "as agreed": _AS_AGREED,
}
