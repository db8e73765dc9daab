"""Online recruiter contacts: Telegram handles, WeChat IDs, web addresses and e-mail addresses.

Rules, so an officer can predict what is picked up:

- Telegram: a t.me/… (or telegram.me/…) link; an @handle when "telegram", "телеграм", "tg" or
  "тг" is written within a line or so of it; or a handle written right after such a word
  ("телеграм recruit_jobs", "Telegram: recruitjobs") when it follows a colon or contains a digit
  or "_" (so "telegram group" is not taken for a handle). Normalised to lower case without "@".
- WeChat: an ID after "WeChat", "微信", "вичат" (optionally "ID"/"号" and a colon). Lower case.
- Web address: http(s)://… or www.… or a bare domain with a common ending (.com, .mn, .kh …).
  Normalised without scheme or "www.", host in lower case, no trailing "/" or punctuation.
- E-mail: normalised to lower case.
"""

from __future__ import annotations

import re

from haruul_scoring.domain.entities_model import Entity, EntityKind, make

_HANDLE = r"[A-Za-z][A-Za-z0-9_]{3,31}(?![A-Za-z0-9_])"
_TG_RESERVED = frozenset(
    {"joinchat", "addstickers", "addemoji", "share", "proxy", "socks", "setlanguage", "login"}
)
_TME = re.compile(
    r"(?=[hHwWtT])(?<![\w.])(?:(?i:https?)://)?(?:(?i:www)\.)?(?i:t|telegram)\.(?i:me|dog)/(?:s/)?"
    rf"(?P<h>{_HANDLE})"
)
_TG_WORD_RE = r"(?i:telegram\w*|телеграмм?\w*|телег[аеу]\b|\btg\b|\bтг\b)"
_TG_WORD = re.compile(_TG_WORD_RE)
_TG_AFTER_WORD = re.compile(
    r"(?=[tTтТ])"
    + _TG_WORD_RE
    + r"(?P<marker>\s*(?i:id|username|user|ник|nick|хаяг|аккаунт|account)\b)?"
    r"\s*(?P<sep>[:：=\-–—])?\s*(?P<at>@)?"
    rf"(?P<h>{_HANDLE})"
)
_AT_HANDLE = re.compile(rf"(?=@)(?<![\w.@])@(?P<h>{_HANDLE})")
_TG_TELLTALE = re.compile(r"[0-9_]")
_WECHAT_TELLTALE = re.compile(r"[0-9_\-]")
_TG_HINTS = ("telegram", "телег", "tg", "тг")
_TG_BEFORE = 80
_TG_AFTER = 40
_NOT_HANDLES = frozenset(
    {
        "group",
        "channel",
        "account",
        "chat",
        "deer",
        "message",
        "messenger",
        "number",
        "dugaar",
        "username",
        "holboo",
        "bichij",
        "bichsen",
        "contact",
    }
)

_WECHAT = re.compile(
    r"(?P<kw>(?i:we\s?chat|weixin)|微信|(?i:вич[аэ]т|вийчат|в[эе]чат))(?:号|號)?"
    r"(?P<marker>\s*(?:(?i:id|хаяг|аккаунт|account)\b|号|號))?"
    r"\s*(?P<sep>[:：=\-–])?\s*"
    r"(?P<id>[A-Za-z][A-Za-z0-9_\-]{5,19})(?![A-Za-z0-9_\-])"
)

_WECHAT_HINTS = ("chat", "微信", "weixin", "чат", "чэт")
_TLDS = (
    "com|net|org|info|biz|io|co|me|mn|kh|th|cn|ru|la|mm|vn|ph|my|hk|sg|tw|jp|kr|us|uk|xyz|top"
    "|asia|site|online|app|vip|cc|club|shop|work|jobs|live|pro|tv"
)
_URL = re.compile(
    r"(?<![\w@.\-])"
    r"(?:(?P<scheme>(?i:https?)://)[^\s/?#<>\"'，。、）]+"
    r"|(?:(?i:www)\.)?(?:[A-Za-z0-9\-]+\.)+(?i:" + _TLDS + r")(?![A-Za-z0-9\-]))"
    r"(?:[/?#][^\s<>\"'，。、）]*)?"
)
_URL_HINT = re.compile(r"://|\.(?:" + _TLDS + r")(?![A-Za-z0-9\-])", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}»\"'…"
_SCHEME = re.compile(r"^(?i:https?)://")

_EMAIL = re.compile(
    r"(?=[A-Za-z0-9._%+\-])(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9\-])"
)


def find_telegram(text: str, lowered: str) -> list[Entity]:
    """Telegram handles (see the module docstring for when a bare handle counts)."""
    found: list[Entity] = []
    has_link = ".me/" in lowered or ".dog/" in lowered
    has_word = any(word in lowered for word in _TG_HINTS)
    if not has_link and not has_word:
        return found
    for m in _TME.finditer(text) if has_link else ():
        handle = m.group("h").lower()
        if handle not in _TG_RESERVED:
            found.append(make(EntityKind.TELEGRAM, text, m.start(), m.end(), handle))
    if not has_word:
        return found
    for m in _TG_AFTER_WORD.finditer(text):
        raw = m.group("h")
        handle = raw.lower()
        explicit = m.group("at") or m.group("sep") or m.group("marker")
        if not explicit and (handle in _NOT_HANDLES or not _TG_TELLTALE.search(raw)):
            continue
        start = m.start("at") if m.group("at") else m.start("h")
        found.append(make(EntityKind.TELEGRAM, text, start, m.end("h"), handle))
    if "@" in text:
        for m in _AT_HANDLE.finditer(text):
            window = (max(0, m.start() - _TG_BEFORE), min(len(text), m.end() + _TG_AFTER))
            if _TG_WORD.search(text, *window):
                found.append(make(EntityKind.TELEGRAM, text, m.start(), m.end(), m["h"].lower()))
    return found


def find_wechat(text: str, lowered: str) -> list[Entity]:
    """WeChat IDs written after "WeChat"/"微信"/"вичат"."""
    found: list[Entity] = []
    if not any(word in lowered for word in _WECHAT_HINTS):
        return found
    for m in _WECHAT.finditer(text):
        raw = m.group("id").rstrip("-")
        explicit = m.group("sep") or m.group("marker") or m.group("kw") == "微信"
        if not explicit and (raw.lower() in _NOT_HANDLES or not _WECHAT_TELLTALE.search(raw)):
            continue
        start = m.start("id")
        found.append(make(EntityKind.WECHAT, text, start, start + len(raw), raw.lower()))
    return found


def _normalize_url(url: str) -> str:
    bare = _SCHEME.sub("", url)
    cut = min((i for i in (bare.find(c) for c in "/?#") if i >= 0), default=len(bare))
    host, rest = bare[:cut].lower(), bare[cut:]
    host = host.removeprefix("www.")
    return (host + rest).rstrip("/")


def find_urls(text: str) -> list[Entity]:
    """Web addresses, with trailing sentence punctuation left out of the span."""
    found: list[Entity] = []
    if _URL_HINT.search(text) is None:
        return found
    for m in _URL.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in _URL_TRAILING:
            end -= 1
        url = text[start:end]
        normalized = _normalize_url(url)
        if "." not in normalized:
            continue
        found.append(make(EntityKind.URL, text, start, end, normalized))
    return found


def find_emails(text: str) -> list[Entity]:
    """E-mail addresses."""
    if "@" not in text:
        return []
    return [
        make(EntityKind.EMAIL, text, m.start(), m.end(), m.group().lower())
        for m in _EMAIL.finditer(text)
    ]
