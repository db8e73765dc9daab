"""Find indicator and place mentions in a folded report, honouring negation and context.

All rules and gazetteer spellings go into one index at import (`prefilter`), so one pass over
a report finds both, and a report only runs the rules whose anchors occur in it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from haruul_scoring.domain import (
    context,
    cues,
    gazetteer,
    lexicon_compound,
    lexicon_control,
    lexicon_exploitation,
    lexicon_recruitment,
)
from haruul_scoring.domain.benign_causes import (
    confined_by_a_benign_cause,
    copied_or_given_back,
    for_sale_cheaply,
    kept_with_consent,
    money_not_a_person,
    visited_for_leisure,
    visited_to_trade_or_tour,
)
from haruul_scoring.domain.chinese_script import to_simplified
from haruul_scoring.domain.context import Sentences
from haruul_scoring.domain.defrauded import a_fee_to_withdraw
from haruul_scoring.domain.gazetteer import Place
from haruul_scoring.domain.lawful_employers import (
    deducted_as_agreed,
    fined_for_lateness,
    notice_as_agreed,
)
from haruul_scoring.domain.lenders import (
    instalment_to_a_bank,
    owed_to_a_lender,
    threatened_with_court,
)
from haruul_scoring.domain.lexicon import Rule
from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.negation import denied_after, is_negated
from haruul_scoring.domain.own_affairs import (
    kept_by_an_office,
    paid_by_themselves,
    taken_by_family,
)
from haruul_scoring.domain.prefilter import build
from haruul_scoring.domain.sentence_cue import Explainer, read_on

ALL_RULES: tuple[Rule, ...] = (
    lexicon_control.RULES
    + lexicon_exploitation.RULES
    + lexicon_recruitment.RULES
    + lexicon_compound.RULES
)


# Rules first, then place spellings, retraction cues, statements of freedom and truth
# questions: an index below len(ALL_RULES) is a rule, one below _PLACE_END a place spelling, one
# below _RETRACTIONS_END a retraction, one below _FREEDOM_END a statement of freedom. The
# context cues are only watched for.
# Every regex is written in the script the text is folded to (`normalize.fold`): a
# traditional spelling left in a pattern would never match, so it becomes the simplified one.
_CUE_PARTS = [(name, part) for name, parts in cues.CUES.items() for part in parts]
_INDEX = build(
    map(
        to_simplified,
        [rule.regex for rule in ALL_RULES]
        + list(gazetteer.PATTERNS)
        + list(context.RETRACTIONS)
        + list(context.FREEDOM)
        + list(context.TRUTH_QUESTIONS),
    ),
    [to_simplified(part) for _, part in _CUE_PARTS],
)
_RULE_COUNT = len(ALL_RULES)
_PLACE_END = _RULE_COUNT + len(gazetteer.PATTERNS)
_RETRACTIONS_END = _PLACE_END + len(context.RETRACTIONS)
_FREEDOM_END = _RETRACTIONS_END + len(context.FREEDOM)
_CUES_START = _FREEDOM_END + len(context.TRUTH_QUESTIONS)

# A place said NOT to be where the person is: "not in Poipet", "не в Бавете", "不在西港", or
# Mongolian "Пойпетэд биш" (the place word, its case suffix, then "биш").
_NOT_BEFORE = re.compile(
    r"(?:\bnot (?:in|at|to|from)|\bне (?:в|во|на|из)|不在|没在|沒在|不是在|没有去|沒有去|没去|沒去)"
    r"\W{0,2}$"
)
_NOT_AFTER = re.compile(r"[\w-]*\W+" + expand(r"(?:биш|үгүй)\b"))


# Being driven or shipped towards a hub or crossing town, in the same sentence, is an
# irregular border crossing even without the word "border".
_LAND_TRANSPORT = re.compile(
    r"\b(?:by (?:car|van|bus|minibus|taxi|road|truck|boat)|drove|driven|driving|drive them"
    r"|drive (?:him|her|me|us)|in a (?:car|van|truck))\b"
    r"|\b(?:машин|микроавтобус|автобус|завь)\w*|\bна (?:машине|лодке|автобусе)"
    r"|(?:坐车|坐車|开车|開車|坐船)"
)


class Match(NamedTuple):  # NamedTuples: built in C, several per report
    code: str
    start: int  # folded offsets
    end: int


class PlaceMatch(NamedTuple):
    place: Place
    start: int
    end: int


class Hits(NamedTuple):
    """Raw (pattern, start, end) matches of one scan, split into rules and places."""

    rules: list[tuple[int, int, int]]
    places: list[tuple[int, int, int]]
    retractions: list[int]  # start of each retraction cue
    freedoms: list[int]  # start of each statement of freedom
    questions: list[tuple[int, int]]  # (start, end) of each truth question
    # The context cues (`cues.CUES`) that may occur in the report, each with the alternatives
    # of it that may: a sentence is searched for those only (`context.Sentences`).
    cues: dict[str, list[re.Pattern[str]]]


def scan(folded: str) -> Hits:
    """Every rule, place and retraction-cue match in the folded report, before negation and
    context."""
    rules: list[tuple[int, int, int]] = []
    places: list[tuple[int, int, int]] = []
    retractions: list[int] = []
    freedoms: list[int] = []
    questions: list[tuple[int, int]] = []
    found = _INDEX.find(folded)
    for hit in found.matches:
        if hit[0] < _RULE_COUNT:
            rules.append(hit)
        elif hit[0] < _PLACE_END:
            places.append(hit)
        elif hit[0] < _RETRACTIONS_END:
            retractions.append(hit[1])
        elif hit[0] < _FREEDOM_END:
            freedoms.append(hit[1])
        else:
            questions.append((hit[1], hit[2]))
    may_occur: dict[str, list[re.Pattern[str]]] = {}
    for number, alternatives in found.watched.items():
        may_occur.setdefault(_CUE_PARTS[number - _CUES_START][0], []).extend(alternatives)
    return Hits(rules, places, retractions, freedoms, questions, may_occur)


# A sign its own sentence explains away, by code: each check is given the folded text, the
# match, its sentence and `Sentences.says` (for the words it looks for, `cues.CUES`), and says
# whether the match is not what it looks like.
_EXPLAINED_AWAY: dict[str, tuple[Explainer, ...]] = {
    # a debt to a bank is a vulnerability; a fine for coming late, or a notice period the
    # contract sets, is a lawful employer's
    "DEBT": (owed_to_a_lender, fined_for_lateness, notice_as_agreed),
    # a storm, a quarantine or a curfew keeps people in; money, not a person, cannot get out
    "MOV": (confined_by_a_benign_cause, money_not_a_person),
    # a passport in a locker the person opens, only copied or handed back (said in its sentence
    # or the next), taken by an ex-husband, or kept by an embassy for its visa
    "DOC": (
        read_on(kept_with_consent),
        read_on(copied_or_given_back),
        taken_by_family,
        kept_by_an_office,
    ),
    "S-AID": (paid_by_themselves,),  # a fee the person paid herself
    # "угроз и насилия не было", "сүрдүүлэг байхгүй": named, then said not to have been
    # ... or is a creditor's threat to go to court, or an offer to sell something cheaply
    "THR": (denied_after, threatened_with_court, for_sale_cheaply),
    "COND": (fined_for_lateness,),  # a fine for coming late
    # tax, insurance or what the contract sets out; a bank loan's instalment taken from the pay
    "WAG": (deducted_as_agreed, instalment_to_a_bank),
    "VIO": (denied_after,),
    # money asked for to withdraw money from a "platform", or its "tax": the fraud's fee
    "S-RAN": (a_fee_to_withdraw,),
}


def find_indicators(folded: str, sentences: Sentences, hits: Hits) -> list[Match]:
    """Indicator matches that are neither negated, nor in a reported/legit-scheme sentence,
    nor explained away by their sentence (`_EXPLAINED_AWAY`: `lenders`, `benign_causes`,
    `lawful_employers`, `own_affairs`).

    Matches of one code never overlap (the earliest wins); different codes may share words,
    e.g. "forced her to provide sexual services" is both VIO and S-SEX.
    """
    accepted: set[tuple[str, int, int]] = set()
    for index, start, end in hits.rules:
        rule = ALL_RULES[index]
        if not sentences.allows(rule.code, start):
            continue
        sentence = sentences.bounds(start)
        if rule.negatable and is_negated(folded, start, end, rule.lang, sentence[0]):
            continue
        checks = _EXPLAINED_AWAY.get(rule.code, ())
        if any(explained(folded, start, end, sentence, sentences.says) for explained in checks):
            continue
        accepted.add((rule.code, start, end))
    found: list[Match] = []
    last_end: dict[str, int] = {}
    for code, start, end in sorted(accepted):
        if start >= last_end.get(code, -1):
            found.append(Match(code, start, end))
            last_end[code] = end
    return found


def find_place_mentions(folded: str, sentences: Sentences, hits: Hits) -> list[PlaceMatch]:
    """Gazetteer mentions outside reported sentences and not negated, in text order."""
    owners = gazetteer.OWNERS
    found = {(start, end, owners[index - _RULE_COUNT]) for index, start, end in hits.places}
    return [
        PlaceMatch(gazetteer.PLACES[owner], start, end)
        for start, end, owner in sorted(found)
        if sentences.allows("place", start) and not _place_negated(folded, start, end)
    ]


def _place_negated(folded: str, start: int, end: int) -> bool:
    return (
        _NOT_BEFORE.search(folded, max(0, start - 12), start) is not None
        or _NOT_AFTER.match(folded, end) is not None
    )


# Where a job is said to be, before the person turns up somewhere else: a lure city or country
# (`gazetteer.JOB_LURES`) in a sentence about work. Without the work, it is the route
# ("landed in Bangkok, driven to the river"), which S-XB reads.
_WORK = re.compile(
    # and job titles; not hotels or restaurants, which a tourist books too
    r"\b(?:jobs?|work\w*|position|employ\w*|hired|factory|company|office|salary|interview\w*"
    r"|собеседовани\w*|waiter|waitress"
    r"|cook|chef|cleaner|receptionist|maid|translator|interpreter|operator|dealer|model|nanny"
    r"|hostess|работ\w*|ваканси\w*|компани\w*|должност\w*|зарплат\w*|официант\w*|повар\w*"
    r"|уборщиц\w*|горничн\w*|администратор\w*|переводчи\w*|оператор\w*|дилер\w*|модел\w*"
    r"|няня|хостес)"
    r"|"
    + expand(
        r"\b(?:ажил|ажилла|цалин|компани|оффис|үйлдвэр|ярилцлага|зөөгч|тогооч|цэвэрлэгч|орчуулагч"
        r"|оператор"
        r"|дилер|загвар өмсөгч|үйлчлэгч)~"
    )
    + r"|工作|上班|打工|公司|月薪|招聘|面试|面試|服务员|服務員|厨师|廚師|翻译|翻譯|客服|荷官|模特"
    r"|保姆|前台"
)


def place_signs(folded: str, sentences: Sentences, places: list[PlaceMatch]) -> list[Match]:
    """S-HUB for hubs; S-XB for crossing towns (unless visited to trade or tour:
    `benign_causes.visited_to_trade_or_tour`) or road/boat transport towards a hub or crossing;
    none of them where the sentence tells of a holiday or tour there and of no work
    (`benign_causes.visited_for_leisure`); DEC for a job city followed by a hub in another
    country (see `_switched_place`)."""
    found = _switched_place(folded, sentences, places)
    for pm in places:
        sentence = sentences.bounds(pm.start)
        leisure = visited_for_leisure(folded, pm.start, pm.end, sentence, sentences.says)
        if leisure and _WORK.search(folded, *sentence) is None:  # a holiday, not a job found on it
            continue
        if pm.place.role == "hub":
            found.append(Match("S-HUB", pm.start, pm.end))
        if pm.place.role == "crossing" and not visited_to_trade_or_tour(
            folded, pm.start, pm.end, sentence, sentences.says
        ):
            found.append(Match("S-XB", pm.start, pm.end))
        if pm.place.role in ("hub", "crossing"):
            s, e = sentence
            transport = _LAND_TRANSPORT.search(folded, s, e)
            if transport is not None:
                found.append(Match("S-XB", transport.start(), transport.end()))
    return found


def _is_destination(place: Place) -> bool:
    """A hub, or a country of hubs named without one ("now she is in Cambodia")."""
    return place.role == "hub" or (
        place.role == "country" and place.name in gazetteer.HUB_COUNTRIES
    )


def _switched_place(folded: str, sentences: Sentences, places: list[PlaceMatch]) -> list[Match]:
    """DEC, quoting both places, when a report names a job lure and later a hub in another
    country, with the work said before the hub is ("a hotel job in Bangkok ... now he is in
    Poipet"): being taken elsewhere than promised is the commonest deception the advisory
    describes. The work must be named in the lure's sentence, before the hub: work named only
    at the hub ("via Bangkok to Poipet, as a dealer there") is an open offer, and a lure with no
    work is the route. Both mentions have already passed the context checks."""
    for lure in places:
        if lure.place.name not in gazetteer.JOB_LURES:
            continue
        sentence_start, sentence_end = sentences.bounds(lure.start)
        for hub in places:
            abroad = hub.place.country != lure.place.country
            if _is_destination(hub.place) and hub.start > lure.start and abroad:
                # the work in the lure's sentence, before the hub
                if _WORK.search(folded, sentence_start, min(sentence_end, hub.start)) is not None:
                    return [Match("DEC", lure.start, lure.end), Match("DEC", hub.start, hub.end)]
                break
    return []
