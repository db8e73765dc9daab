"""A report from someone defrauded online, in which no one is abroad or held.

`cues.DEFRAUDED` finds the writer's (or a relative's) loss: money put into an investment, a
crypto platform or a "trading site" and not coming back ("I put in $14,000 … before I can
withdraw", "投了二十万提不出来", "被杀猪盘骗了二十万"). In that sentence the fraudster's signs
are set aside (`context.DEFRAUDED_CODES`). The sentences around it often name the rest of the
fraud: "someone told me these people work from scam compounds in Cambodia", "派出所说是杀猪盘",
"现在人联系不上了", the USDT it was paid in. When every sign left in such a report is one a
fraud shows — the scam, the lie, the silence after, its fees, its "help", and a ransom that is
only the currency's name — none of them in a sentence about someone's relative, and no place
is named where a person would be, the report is the writer's loss, not a person at risk: low,
its signs listed for an officer to check (`score.defrauded_online`). Anything more — a hub or
a city, travel, a job offer, anyone held, moved or threatened, money demanded from a family, a
son out of contact — and the report is judged by its signs as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.public_warning import RELATIVE
from haruul_scoring.domain.sentence_cue import sentence_says

# The signs a fraud shows of itself, and the victim's own hardship (debts run up to pay it).
FRAUD_SIGNS = frozenset({"S-SCAM", "ISO", "DEC", "S-FEE", "S-AID", "S-RAN", "VUL"})
# A ransom read from the currency alone ("usdt", "2万u"): a fraud is paid in it too. A demand
# ("they want us to pay 5,000 USDT") is read from more words than these.
_CURRENCY_ONLY = re.compile(r"usdt|\d+(?:万|萬|千)?u")


def only_the_fraud(
    text: str,
    signs: Sequence[tuple[str, int, int]],
    bounds: Callable[[int], tuple[int, int]],
    named_places: int,
) -> bool:
    """Whether every sign found in `text` (folded; each as its code and span) is one a fraud
    shows of itself, none in a sentence (`bounds`) that names someone's relative, and no place
    is named where a person would be (a country alone does not count)."""
    if named_places:
        return False
    for code, start, end in signs:
        if code not in FRAUD_SIGNS:
            return False
        if code == "S-RAN" and _CURRENCY_ONLY.fullmatch(text, start, end) is None:
            return False
        if RELATIVE.search(text, *bounds(start)) is not None:
            return False
    return True


# A payment asked for in order to withdraw money ("pay a 20% 'withdrawal tax' before I can take
# anything out", "tatah gehed 'tatvar' gj mongo nehsen", "提现要先交税"): the fraud's fee on the
# writer's own money, not a ransom for a person. Not "вывести" alone, nor Mongolian "тата-"
# alone: "вывести его оттуда", "татаж гаргах" are getting a person out.
_WITHDRAWAL = (
    r"\bwithdraw\w*|\bcash(?:ing)? out\b|\btake (?:anything|it|the money|my money|money|profits?"
    r"|the profits?) out\b"
    r"|\bвывод\w*|\bвывести (?:деньги|средства|свои|прибыль)|\bсняти\w* средств"
    r"|" + expand(r"\bтатвар~|\bмөнгө~ тата~"),
    r"提现|提現|提款|出金|提币|提幣|解冻|解凍",
)


# A ransom-like demand whose sentence says the money is to withdraw money, or a tax on it.
a_fee_to_withdraw = sentence_says("withdrawal")


# What the explainer looks for in a sentence, as a cue (`cues.CUES`).
CUES: dict[str, tuple[str, ...]] = {"withdrawal": _WITHDRAWAL}
