"""Amounts of money with a currency, normalised to "USD 8000", "MNT 2500000", "USDT 500".

Recognises the currency written before ("$8,000", "USD 8000", "₮500 000", "฿30,000") or after
the amount ("8000$", "1500 ам.доллар", "2.5 сая төгрөг", "30 000 бат", "5000 юань", "8000美元"),
and the multipliers сая/sai/million/млн (10⁶), мянга/thousand/тыс/k (10³), 万 (10⁴).
Thousands may be grouped with commas or spaces ("8,000", "8 000"); a comma followed by one or
two digits is a decimal comma ("2,5 сая"). An amount without a currency is not money here.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from haruul_scoring.domain.entities_model import Entity, EntityKind, make

_NUM = (
    r"(?:[0-9]{1,3}(?:[,\u00a0\u202f ][0-9]{3})+(?:\.[0-9]+)?"
    r"|[0-9]+(?:[.,][0-9]+)?)"
)
_MULT = (
    r"(?:\s?(?P<{name}>(?i:сая|sai|saya|million|mln|млн\.?|мянга(?:н)?|myanga|thousand|тыс\.?"
    r"|k(?![a-z]))|万|萬|千))?"
)
_ASCII_END = r"(?![A-Za-z])"
# Order matters: USDT before USD, 美元 before 元.
_CURRENCIES: tuple[tuple[str, str], ...] = (
    ("USDT", r"(?i:usdt|tether)" + _ASCII_END),
    (
        "USD",
        r"(?i:us\$|\$|usd" + _ASCII_END + r"|ам\.?\s?доллар\w*|доллар\w*|долл\.|dollar\w*)"
        r"|美元|美金",
    ),
    ("MNT", r"₮|(?i:mnt" + _ASCII_END + r"|төгрөг\w*|tugrug\w*|tugrik\w*|togrog\w*|tögrög\w*)"),
    (
        "THB",
        r"฿|(?i:thb|baht)" + _ASCII_END + r"|бат(?:ын|аар|ыг|ов|а)?(?![а-яёөүa-z\-])|泰铢|泰銖",
    ),
    ("CNY", r"¥|￥|(?i:cny|rmb|yuan)" + _ASCII_END + r"|(?i:юань\w*|юан\w*)|人民币|元|块"),
)
_PREFIX_CURRENCIES: tuple[tuple[str, str], ...] = (
    ("USDT", r"(?i:usdt)"),
    ("USD", r"(?i:us\$|\$|usd)"),
    ("MNT", r"₮|(?i:mnt)"),
    ("THB", r"฿|(?i:thb)"),
    ("CNY", r"¥|￥|(?i:cny|rmb)"),
)


def _alternation(prefix: str, table: tuple[tuple[str, str], ...]) -> str:
    return "|".join(f"(?P<{prefix}{code}>{pattern})" for code, pattern in table)


_MONEY = re.compile(
    r"(?=[0-9$₮฿¥￥UuMmTtCcRr])"  # lets the regex engine skip ahead to plausible starts
    r"(?<![0-9A-Za-z])"
    r"(?:"
    rf"(?:{_alternation('p', _PREFIX_CURRENCIES)})\s?(?P<pnum>{_NUM}){_MULT.format(name='pmult')}"
    r"(?![0-9])"
    r"|"
    rf"(?P<snum>{_NUM}){_MULT.format(name='smult')}\s?(?:{_alternation('s', _CURRENCIES)})"
    r")"
)

# Every currency above contains one of these (lower-cased); text without any has no money.
_CURRENCY_HINTS = (
    "$", "₮", "฿", "¥", "￥", "元", "块", "美", "泰", "usd", "mnt", "thb", "cny", "rmb",
    "tether", "долл", "dollar", "төгрөг", "tugr", "togr", "tögr", "baht", "бат", "юан", "yuan",
)  # fmt: skip

_MULTIPLIERS: dict[str, int] = {
    "сая": 1_000_000,
    "sai": 1_000_000,
    "saya": 1_000_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "млн": 1_000_000,
    "мянга": 1_000,
    "мянган": 1_000,
    "myanga": 1_000,
    "thousand": 1_000,
    "тыс": 1_000,
    "k": 1_000,
    "万": 10_000,
    "萬": 10_000,
    "千": 1_000,
}
_CODES = tuple(code for code, _ in _CURRENCIES)
_COMMA_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def _amount(number: str, multiplier: str | None) -> Decimal | None:
    compact = number.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if _COMMA_THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    else:
        compact = compact.replace(",", ".")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    if multiplier:
        value *= _MULTIPLIERS.get(multiplier.lower().rstrip("."), 1)
    return value


def _format(code: str, value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{code} {int(value)}"
    return f"{code} {format(value.normalize(), 'f')}"


def find_money(text: str, lowered: str) -> list[Entity]:
    """Every amount with a currency, in text order."""
    found: list[Entity] = []
    if not any(hint in lowered for hint in _CURRENCY_HINTS):
        return found
    for m in _MONEY.finditer(text):
        prefixed = m.group("pnum") is not None
        side = "p" if prefixed else "s"
        code = next((c for c in _CODES if m.group(side + c) is not None), None)
        if code is None:
            continue
        value = _amount(m.group(side + "num"), m.group(side + "mult"))
        if value is None:
            continue
        found.append(make(EntityKind.MONEY, text, m.start(), m.end(), _format(code, value)))
    return found
