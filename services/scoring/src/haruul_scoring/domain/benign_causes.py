"""Kept in by a storm, a quarantine, a cancelled flight or a curfew, a passport kept with the
person's consent and key, or only copied and handed back, a border town visited to trade, to
tour or on holiday, money (not a person) that cannot be got out, a phone "sold cheaply":
everyday things in the words of being held, smuggled or threatened (a strict employer's fines
and deductions: `lawful_employers`).

"Cannot leave the hotel, the typhoon flooded the streets", "неделю никому нельзя выходить,
карантин": the words of restricted movement (MOV) with an everyday cause named in the same
sentence. A MOV match is set aside when its sentence names such a cause; the other signs in
it (violence, a taken passport) still count.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.mongolian import expand
from haruul_scoring.domain.sentence_cue import Says, said_before, sentence_says

_CAUSE = (
    r"\b(?:quarantine\w*|lockdown|storms?|typhoons?|hurricanes?|floods?|flooding|blizzard"
    r"|snowstorm|curfew|(?:flights?|planes?) (?:was |were |got )?(?:cancel\w*|delayed|grounded)"
    r"|outbreak|epidemic)\b"
    r"|\b(?:карантин\w*|локдаун\w*|шторм\w*|тайфун\w*|ураган\w*|наводнени\w*|метел\w*|буран\w*"
    r"|комендантск\w*|эпидеми\w*|вспышк\w*|рейс\w* (?:отмен|задерж)\w*)"
    # a curfew by the clock: "after 11 pm", "после полуночи", "орой 11 цагаас хойш", "晚上十点以后"
    r"|\b(?:after|past) (?:\d{1,2}(?::\d\d)?\s*(?:pm|p\.m\.|o'?clock)?|ten|eleven|midnight)\b"
    r"|\bпосле (?:\d{1,2}(?::\d\d)?|полуночи|отбоя|десяти|одиннадцати)\b|\bотбой\b"
    r"|"
    + expand(
        r"\b(?:хорио~|хар салхи~|үер~|шуурга~|цасан шуурга~|нислэг~ (?:цуцлагд|хойшл)~)"
        r"|\b\d{1,2}(?::\d\d)? цагаас (?:хойш|хойно)|\bшөнө дунд~ (?:хойш|хойно)"
    ),
    r"隔离|隔離|封控|封城|台风|颱風|暴雨|洪水|疫情|航班(?:取消|延误|延誤)|(?:\d{1,2}|十|十一|十二)点(?:以后|之后|后)",
)


# Restricted movement whose sentence names a storm, a quarantine, a flood or a cancelled flight.
confined_by_a_benign_cause = sentence_says("benign cause")


# How far back the word right before a match may start (`said_before`).
_RIGHT_BEFORE = 16

# Money, not a person, that cannot be got out: "мөнгөө гаргаж чадахгүй", "5 сая төгрөг хийгээд
# гаргаж чадахгүй" (from a crypto app).
_MONEY_BEFORE = re.compile(
    r"(?:\bmoney|\bденьги|"
    + expand(r"\b(?:мөнгө|төгрөг|доллар)~(?: (?:хийгээд|оруулаад|шилжүүлээд|хийсэн|оруулсан))?")
    + r"|钱)\s*$"
)


def money_not_a_person(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a match folded[start:end] of restricted movement has money for its object,
    named right before it ("мөнгөө гаргаж чадахгүй": cannot withdraw the money)."""
    return said_before(_MONEY_BEFORE, folded, start, sentence, _RIGHT_BEFORE)


# A thing offered for sale, not a person threatened with sale: "iPhone хямдхан зарна гэсэн".
_PRICED_BEFORE = re.compile(r"(?:\bcheap\w*|\bдешев\w*|" + expand(r"\bхямд~|\bүнээр") + r")\s*$")


def for_sale_cheaply(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when a threat match folded[start:end] is an offer to sell something cheaply, said
    right before it."""
    return said_before(_PRICED_BEFORE, folded, start, sentence, _RIGHT_BEFORE)


# A passport in a locker the person opens, kept with their written consent.
_CONSENT = (
    r"\b(?:(?:his|her|their) own key|holds? the only key"
    r"|can take (?:it|his|hers|theirs|them) (?:out|back) (?:whenever|any ?time)"
    r"|agreed to (?:this|it) in writing|with (?:his|her|their) (?:written )?consent)\b"
    r"|\bс (?:его|е[её]|их) (?:письменного )?согласия\b|\bсвой ключ\b"
    r"|\bключ\w* (?:от \w+ )?у (?:него|не[её]|них) сам\w*|\bбер[её]т,? когда (?:нужно|надо)\b"
    r"|\b(?:может|могут) (?:забрать|взять) (?:его |е[её] )?в любо[йе] (?:момент|время)\b"
    r"|" + expand(r"\b(?:өөрийн түлхүүр~|хүссэн үедээ авч болно|зөвшөөрл~ (?:авч|аваад))"),
    r"自己有钥匙|自己有鑰匙|随时可以拿|隨時可以拿|本人同意",
)


# Kept documents whose sentence says they are kept with the person's consent, in a place they
# can open ("each worker has his own key and can take his out whenever he wants").
kept_with_consent = sentence_says("consent")


# A passport only copied, or handed straight back: "HR took a copy", "сняли копию и сразу
# вернули", "хуулбар аваад буцааж өгсөн" — unless the sentence also denies the return ("took it
# for a copy and never gave it back", "не вернули", "буцааж өгөөгүй"). A return months later
# ("вернули только в январе") is not straight back.
_COPIED = (
    r"\b(?:photo ?)?cop(?:y|ies)\b|\bphotocop\w*|\bscann?(?:ed|ing)?\b"
    r"|\b(?:gave|handed) (?:it |them )?(?:straight |right )?back (?:at once|right away|immediately"
    r"|straight away|the same day)\b|\b(?:at once|right away|immediately|straight away) (?:gave"
    r"|handed) (?:it |them )?back\b"
    # kept aboard and handed back for each shore leave; back in the owner's hands
    r"|\b(?:hands?|gives?) (?:it|them) back (?:whenever|every time|each time)\b"
    r"|\b(?:is|are|was|were) (?:handed|given) back (?:whenever|every time|each time)\b"
    r"|\b(?:gets?|got) (?:it|them|his|hers|theirs|mine|ours) back (?:whenever|every time"
    r"|each time)\b|\bback in (?:my|his|her|their|our) (?:own )?hands\b"
    r"|\b(?:mine|it|they|ours|theirs|the passports?) came back (?:on|after|with|within)\b"
    # "скан", "сканировали", not "скандал"
    r"|\b(?:ксеро)?копи\w*|\bскан(?:ир\w*|\b)|\b(?:сразу|тут же) (?:же )?(?:вернули|отдали)\b"
    # handed back with the visa it was taken for
    r"|\b(?:returned|gave|given|handed) (?:it |them )?(?:back )?with (?:the |a |his |her |their )?"
    r"(?:new |renewed )?(?:visa|permit|residence permit)\b|\bвернули (?:\w+ )?с (?:новой |готовой |"
    r"продл[её]нной )?(?:визой|вс[её]м)\b"
    r"|" + expand(r"\b(?:хуулбар~|хуулж ав~|(?:шууд|тэр дороо|даруй) буцааж өг(?:сөн|чихсөн)~)"),
    r"复印|複印|(?:马上|馬上|当场|當場|立刻)(?:就)?(?:还给|還給)"
    r"|(?:分钟|分鐘|小时|小時|当天|當天)(?:以?后|以?後)?(?:就)?(?:还给|還給|还回|還回)"
    r"|(?:\d|[一二两三四五六七八九十几]){1,2}天(?:以?后|以?後)?(?:就)?(?:都)?(?:还给|還給|还回|還回)"
    r"|(?:护照|護照)(?:现在)?(?:就)?在我(?:的)?(?:包里|包裡|手里|手裡|手上|身上)"
    # handed back with the renewed visa: "三天后就都还回来了，新签证也贴好了"
    r"|(?:还回来|還回來|还给我们|還給我們)[^。！？!?\n]{0,12}?(?:签证|簽證)",
)
_NOT_RETURNED = (
    r"(?:\bnever|\bnot|n't|\b(?:hasnt|havent|hadnt|didnt|doesnt|dont|wont|cant)|\brefuse[sd]? to)"
    r" (?:\w+ )?(?:give|gave|given|hand|handed"
    r"|return|returned)\b|\b(?:take|takes|took|keep|keeps|kept) (?:it|them) (?:back )?again\b"
    r"|\bне (?:\w+ )?(?:вернул\w*|верн[её]т\w*|отда\w*|возвраща\w*)"
    r"|" + expand(r"\b(?:буцааж )?(?:өгөөгүй|өгөхгүй|өгдөггүй)"),
    r"没还|沒還|不还|不還|没有还|沒有還",
)


def copied_or_given_back(
    folded: str, start: int, end: int, sentence: tuple[int, int], says: Says
) -> bool:
    """True when the sentence of a match folded[start:end] of taken documents says only a copy
    was taken, or the document was handed back, and does not say it was kept."""
    return says("copied", *sentence) and not says("not returned", *sentence)


# A border town's market, trade, customs or a tour in the same sentence: "Mae Sot market",
# "экскурсия в Мэсай — там рынок", "Мэй Сай хотын хилийн захаас кофе авч зардаг", "湄索邊境市場做
# 玉石生意". Not "зах" alone inside another word ("захиалах", to order).
_TRADE_OR_TOUR = (
    r"\b(?:markets?|bazaars?|traders?|trading|trade|wholesale|customs|tourists?|tours?|excursions?"
    r"|sightseeing|day trips?|shopping)\b"
    r"|\b(?:рын(?:ок|ка|ке|ки|ков)|базар\w*|торгу\w*|торгов\w*|таможн\w*|туристи?\w*|экскурси\w*"
    r"|шопинг\w*)"
    r"|"
    + expand(
        r"\b(?:зах(?:аас|ад|ын|д|аар)?\b|худалдаа(?:ны|гаар)?\b|худалдаачин~|гааль~|аялал~"
        r"|жуулчин~)"
    ),
    r"市场|市場|生意|贸易|貿易|旅游|旅遊|观光|觀光|海关|海關|游客|遊客",
)


# A border town's mention whose sentence says it was visited for its market, for trade or as a
# tourist: a crossing point, not a crossing.
visited_to_trade_or_tour = sentence_says("trade or tour")


# The writer's or their family's own leisure trip in the same sentence: a holiday, a tour
# group, a few days of gambling ("we fly to Bangkok for 10 days, then by bus through Poipet",
# "旅行团从胡志明市坐大巴去金边", "去西港的赌场玩几天"). Not "tourist" alone: going on a tourist
# visa is how many are taken.
_LEISURE = (
    r"\b(?:on (?:a |an |our |my |their |his |her )?(?:holiday|vacation|honeymoon)|holidays? in"
    r"|vacations? in|sightseeing|tour group|guided tour|package tour|to gamble|gambling trip"
    r"|(?:we|i)(?:'re| are| am| will be)? (?:flying|going|travel\w*) (?:to \w+ )?for (?:a week"
    r"|\d+ days|(?:two|three) weeks))\b"
    r"|\b(?:в отпуск\w*|в отпуске|путешеств\w*|турпо[её]здк\w*|(?:по)?летим|едем отдыхать"
    r"|на отдых\b|игра\w* в казино)"
    r"|"
    + expand(r"\b(?:амралтаараа|амралтаар|аялж|аялалаар|жуулчлал~|казинод тогло~|мөрийтэй тогло~)"),
    r"旅行团|旅行團|跟团|跟團|导游|導遊|度假|蜜月|玩几天|玩幾天|去玩|游玩|遊玩"
    r"|(?:赌场|賭場)[^。，！？!?\n]{0,3}?玩",
)


# A hub's or border town's mention whose sentence tells of the writer's or their family's own
# holiday, tour or gambling trip there.
visited_for_leisure = sentence_says("leisure")


# The words the explainers above look for in a match's sentence, as cues (`cues.CUES`), each in
# two groups, spaced scripts and Chinese, as `cues` gives its own: `detect` indexes them with the
# rules, so a sentence is only searched for those that may occur in the report (searched whole,
# they cost ~12 µs a 1.6 KB report).
CUES: dict[str, tuple[str, ...]] = {
    "benign cause": _CAUSE,
    "consent": _CONSENT,
    "copied": _COPIED,
    "not returned": _NOT_RETURNED,
    "trade or tour": _TRADE_OR_TOUR,
    "leisure": _LEISURE,
}
