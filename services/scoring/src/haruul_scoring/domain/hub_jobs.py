"""Someone working at a hub in a job described as lawful: its pay, papers and freedom named.

Casinos, hotels, ports and building sites in Sihanoukville, Poipet, Bavet or the Golden
Triangle employ foreigners lawfully too. "I work as a croupier at a licensed casino in Phnom
Penh … I rent my own flat, I'm flying home for Naadam", "Sihanoukville-d kazinod dealer hiigeed
3 jil bolj bn … ajliin zovshoorol, viz ni hevin, tsalingaa sar bvr avdag": the hub and the job
make a report high by the level rules (a named hub with a job), though nothing in it says the
person is held, cheated or out of reach. When the only signs are the hub and the job's own
(S-HUB, S-AD, S-SKILL, S-TRV) and the report names at least two marks of lawful work — the
passport in the person's hands, pay on time, a work visa or permit, their own flat, holidays
home — the report is medium (`score.lawful_job_at_a_hub`): worth an officer's look, since a
hub is a hub and a worker may be coached, but not an alert that pages anyone at night. Any
other sign (documents taken, lost contact, a fee, an "official" contract, deception) and the
level rules decide as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from haruul_scoring.domain.mongolian import expand

# The signs a lawful job at a hub shows of itself.
JOB_AND_PLACE = frozenset({"S-HUB", "S-AD", "S-SKILL", "S-TRV"})
# How many different marks of lawful work the report must name.
_MARKS_NEEDED = 2

_MARKS = [
    # the passport with its owner
    re.compile(
        r"\bpassports? (?:is |are |stays? )?(?:with (?:me|him|her|us)|in (?:my|his|her|our) (?:bag"
        r"|pocket|hands?))\b|\b(?:i|he|she|we) (?:has|have|keep|keeps) (?:my|his|her|our) (?:own )?"
        r"passports?\b|\bпаспорт\w* (?:у (?:меня|него|не[её]|нас)|на руках)\b"
        r"|"
        + expand(r"\bпаспорт~ (?:надад|өөр дээрээ|өөрт нь|өөрөө|гартаа)")
        + r"|(?:护照|護照)(?:也)?(?:一直)?(?:就)?(?:在(?:我|他|她)(?:自己)?(?:手里|手裡|包里|包裡"
        r"|身上)|自己拿着|自己拿著)"
    ),
    # pay on time, every month
    re.compile(
        r"\b(?:paid|pay (?:comes|arrives|is paid)) (?:monthly|on time|every month)\b"
        r"|\bovertime (?:is )?paid\b|\bзарплат\w* (?:приходит |платят )?(?:вовремя|каждый месяц)"
        r"|\bпереработки оплачива\w*"
        r"|"
        + expand(r"\bцалин~ (?:сар бүр|цагтаа|сарын \d+)")
        + r"|(?:工资|工資|薪水)(?:都)?按时|按时发(?:工资|工資)|每月(?:按时)?发(?:工资|工資)"
    ),
    # a work visa or permit
    re.compile(
        r"\bwork (?:visa|permit)s?\b|\bрабоч\w* виз\w*|\bразрешени\w* на работу\b"
        r"|"
        + expand(r"\bажлын зөвшөөрөл~|\bажлын виз~")
        + r"|工作签证|工作簽證|工签|工簽|工作许可|工作許可"
    ),
    # their own flat, holidays home
    re.compile(
        r"\brent (?:my|his|her|our) own (?:flat|apartment|place|room)\b|\bflying home\b"
        r"|\bgo(?:es)? home (?:every|each|for)\b|\bсним\w* (?:свою )?квартир\w*|\bлетаю домой\b"
        r"|"
        + expand(r"\bбайр~ өөрөө түрээсэл~|\bжилд \d удаа (?:ирж|ирдэг)")
        + r"|自己租房|回国休假|回國休假"
    ),
]


def works_there_lawfully(text: str, codes: Iterable[str]) -> bool:
    """Whether `text` (folded) has only the hub's and the job's signs (`codes`), and names at
    least two marks of lawful work."""
    if not set(codes) <= JOB_AND_PLACE:
        return False
    return sum(mark.search(text) is not None for mark in _MARKS) >= _MARKS_NEEDED
