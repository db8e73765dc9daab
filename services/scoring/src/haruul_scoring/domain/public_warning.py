"""A public warning: a post, memo or leaflet that tells everyone how the scam works, naming no one.

Awareness posts hold every sign of a compound in general terms ("fake $3,000 jobs in Cambodia;
people who went had their passports taken; share!"). An officer files them as low: the text
knows of nobody at risk. A report reads so when it warns the public (`cues.WARNING`) and names no
particular person: no writer speaking of themselves ("I", "мне", "би", "我"), no one's own
relative ("my son", "дүү маань", "мой брат"), no one who called or came forward, no one with
an age. Anything that names someone stays as the signs make it, so a family's "please share: my
brother is held in KK Park" is still an alert.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.mongolian import expand

_KIN_EN = (
    r"son|daughter|brother|sister|husband|wife|mother|father|mom|mum|dad|cousin|nephew|niece"
    r"|friend|classmate|colleague|neighbou?r|boyfriend|girlfriend|partner|fianc\w*|uncle|aunt"
    r"|grandson|granddaughter|child|kid|relative"
)
_KIN_RU = (
    r"сын|доч|брат|сестр|муж|жен|мам|пап|мат|от[её]ц|отц|друг|подруг|племянни|внук|реб[её]н"
    r"|родственни|коллег|сосед"
)
_KIN_MN = r"хүү|охин|дүү|ах|эгч|нөхөр|эхнэр|ээж|аав|найз|хүүхэд|зээ|хамаатан"
# A kin word's case endings ("манай хүүд", to our son), spelt out: "ах~" would also be "ахлах"
# (senior), "манай сургуулийн ахлах анги" no one's brother.
_MN_CASE = r"(?:-?(?:ыг|ийг|г|д|ад|эд|од|өд|ын|ийн|н|аа|ээ|оо|өө|тай|тэй|той))?"
_RELATIVE_EN = (
    rf"\b(?:my|our) (?:(?:younger|older|little|big|elder|eldest|youngest|best) )?(?:{_KIN_EN})s?\b"
)
_RELATIVE_RU = rf"\b(?:мо|наш)\w* (?:\w+ )?(?:{_KIN_RU})\w*"
# Someone's own relative or friend, the person a report is usually about: "my son", "наш брат",
# "дүү маань", "манай хүүд", "我弟弟" (`defrauded` asks whether a sign is about one).
RELATIVE = re.compile(
    rf"{_RELATIVE_EN}|{_RELATIVE_RU}|"
    + expand(
        rf"\b(?:(?:{_KIN_MN})~ (?:маань|минь)|(?:миний|манай) (?:\w+ )?(?:{_KIN_MN}){_MN_CASE})\b"
    )
    + r"|(?:我|我们|我們)的?(?:儿子|兒子|女儿|女兒|孩子|弟弟|哥哥|姐姐|妹妹|丈夫|老公|妻子|老婆|爸"
    r"|妈|媽|父亲|父親|母亲|母親|表哥|表弟|表姐|表妹|朋友|同学|同學)"
)
_SOMEONE = re.compile(
    # the writer, someone's own relative, someone who called, someone with an age
    r"\b(?:i|me|i'm|i've|i'd)\b"
    rf"|{_RELATIVE_EN}"
    r"|\bcaller\b|(?<!so-)(?<!so )\b(?:called|phoned|rang)\b"  # not "so-called jobs"
    r"|\(\d{1,2}[),]|\baged? \d{1,2}\b|\b\d{1,2}[- ]years?[- ]old\b"  # "(19)", "(19, male)"
    rf"|\b(?:я|мне|меня|мной)\b|{_RELATIVE_RU}"
    r"|\bзаявител\w*|\bобратил(?:ся|ась)\b|\b(?:по)?звони(?:т|л|ла|ли)\b"
    r"|\b\d{1,2} (?:лет|год|года)\b|\bлет \d{1,2}\b"
    r"|"
    + expand(
        r"\b(?:надад|намайг"
        rf"|(?:{_KIN_MN})~ (?:маань|минь)|(?:миний|манай) (?:\w+ )?(?:{_KIN_MN}){_MN_CASE}\b"
        r"|залгасан|залгав|\d{1,2} настай|иргэн \w\.)\b"
    )
    # "би" spelt out: expanded, it would also be the English "by"
    + r"|\bби\b|\bbi\b"
    r"|我(?!们|們)|我们的(?:儿子|女儿|孩子)|来电|來電|\d{1,2}岁|\d{1,2}歲"
)


def warns_the_public(text: str, warnings: list[re.Pattern[str]]) -> bool:
    """Whether `text` (folded) is a public warning that names no one: it holds one of
    `warnings` (the alternatives of `cues.WARNING` that may occur in it) and no person."""
    return any(w.search(text) for w in warnings) and _SOMEONE.search(text) is None
