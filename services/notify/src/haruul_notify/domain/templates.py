"""Alert texts in Mongolian and English, chosen by the recipient's language.

SMS carry ids, level, country, stage and indicator codes only — never names, places or
narrative: an SMS may be read over someone's shoulder. They aim for two segments at most
(306 GSM-7 septets, or 134 UCS-2 units for Cyrillic): when a text would be longer, the list of
signs is shortened (`+N` more) and, as a last resort, the stage line dropped. English SMS
stay within the GSM-7 alphabet (no dashes or quotes outside it), so they are never UCS-2.

E-mails carry the engine's explanation and a link to acknowledge; the link is signed at the
edge, so the body holds `ACK_LINK_PLACEHOLDER` unless the caller passes the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from haruul_notify.domain.alerts import AlertFacts
from haruul_notify.domain.routing import Language
from haruul_notify.domain.sms_length import segments

ACK_LINK_PLACEHOLDER = "{ack_link}"
MAX_SMS_SEGMENTS = 2
_MAX_CODES = 6

_LEVEL = {
    "en": {"critical": "CRITICAL", "high": "HIGH", "medium": "MEDIUM", "low": "LOW"},
    "mn": {"critical": "ЯАРАЛТАЙ", "high": "ӨНДӨР", "medium": "ДУНД", "low": "БАГА"},
}
_STAGE = {
    "en": {
        "destination": "Person likely held now - emergency.",
        "recruitment": "Recruitment stage - can still be stopped before departure.",
        "": "Stage unclear.",
    },
    "mn": {
        "destination": "Хохирогч одоо хоригдож байж магадгүй - яаралтай.",
        "recruitment": "Элсүүлэх шат - явахаас нь өмнө зогсоох боломжтой.",
        "": "Шат тодорхойгүй.",
    },
}
_WORDS = {
    "en": {
        "alert": "alert",
        "signs": "Signs",
        "ack": "Reply ACK {code}",
        "escalated": "Not acknowledged after {minutes} min - you are next.",
        "update": "{count} new reports on case {case_id} (alert {alert_id}).",
        "ack_link": "Acknowledge: {link}",
        "report": "Report",
        "level": "Level",
        "score": "score",
        "stage": "Stage",
        "indicators": "Indicators",
        "places": "Places",
        "none": "none",
        "why": "Why",
        "desk": "Desk",
        "digest_subject": "[Haruul] {desk}: {count} {level} alerts for {day}",
        "digest_intro": "Alerts collected for the start of your working day:",
        "desk_tool": "Open the alert desk (`haruul alerts list`) for the evidence.",
    },
    "mn": {
        "alert": "дохио",
        "signs": "Шинж",
        "ack": "Хариу: ACK {code}",
        "escalated": "{minutes} минутад хариу өгөөгүй - одоо таны ээлж.",
        "update": "Хэрэг {case_id} дээр {count} шинэ мэдээлэл ирлээ (дохио {alert_id}).",
        "ack_link": "Хүлээн авснаа батлах: {link}",
        "report": "Мэдээлэл",
        "level": "Түвшин",
        "score": "оноо",
        "stage": "Шат",
        "indicators": "Шинж тэмдэг",
        "places": "Газар",
        "none": "байхгүй",
        "why": "Тайлбар",
        "desk": "Ширээ",
        "digest_subject": "[Haruul] {desk}: {day}-ны {count} {level} дохио",
        "digest_intro": "Ажлын өдрийн эхэнд цуглуулсан дохионууд:",
        "desk_tool": "Нотлох баримтыг дохионы ширээнээс үзнэ үү (`haruul alerts list`).",
    },
}


@dataclass(frozen=True)
class EmailText:
    subject: str
    body: str


@dataclass(frozen=True)
class DigestItem:
    alert_id: str
    facts: AlertFacts


def _level(language: Language, level: str) -> str:
    return _LEVEL[language].get(level, level.upper())


def _stage(language: Language, stage: str) -> str:
    table = _STAGE[language]
    return table.get(stage, table[""])


def _signs_variants(codes: Sequence[str]) -> list[str]:
    shown = list(codes[:_MAX_CODES])
    variants = []
    for keep in range(len(shown), -1, -1):
        hidden = len(codes) - keep
        listed = ",".join(shown[:keep])
        more = f"+{hidden}" if hidden else ""
        variants.append(",".join(part for part in (listed, more) if part) or "-")
    return variants


def _fit_sms(
    head: str, notice: str, stage: str, label: str, codes: Sequence[str], tail: str
) -> str:
    """The richest variant within MAX_SMS_SEGMENTS; the shortest if none fits."""
    text = ""
    for with_stage in (True, False):
        for signs in _signs_variants(codes):
            parts = [head, notice, stage if with_stage else "", f"{label}: {signs}.", tail]
            text = " ".join(part for part in parts if part)
            if segments(text).segments <= MAX_SMS_SEGMENTS:
                return text
    return text


def _sms(language: Language, alert_id: str, facts: AlertFacts, ack_code: str, notice: str) -> str:
    words = _WORDS[language]
    where = f" {facts.destination_country}" if facts.destination_country else ""
    head = f"HARUUL {_level(language, facts.level)}{where} {words['alert']} {alert_id}."
    return _fit_sms(
        head,
        notice,
        _stage(language, facts.stage),
        words["signs"],
        facts.indicator_codes,
        words["ack"].format(code=ack_code),
    )


def page_sms(language: Language, alert_id: str, facts: AlertFacts, ack_code: str) -> str:
    """The first page of an alert."""
    return _sms(language, alert_id, facts, ack_code, notice="")


def escalation_sms(
    language: Language, alert_id: str, facts: AlertFacts, waited: timedelta, ack_code: str
) -> str:
    """The page for a later escalation step: nobody acknowledged in `waited`."""
    minutes = int(waited.total_seconds() // 60)
    notice = _WORDS[language]["escalated"].format(minutes=minutes)
    return _sms(language, alert_id, facts, ack_code, notice=notice)


def update_sms(
    language: Language, alert_id: str, case_id: str, new_reports: int, ack_code: str
) -> str:
    words = _WORDS[language]
    update = words["update"].format(count=new_reports, case_id=case_id, alert_id=alert_id)
    return f"HARUUL {update} {words['ack'].format(code=ack_code)}"


def page_email(
    language: Language,
    alert_id: str,
    facts: AlertFacts,
    desk_name: str,
    ack_link: str = ACK_LINK_PLACEHOLDER,
    waited: timedelta | None = None,
) -> EmailText:
    """Subject and body for an alert; `waited` marks an escalation step."""
    words = _WORDS[language]
    where = f" {facts.destination_country}" if facts.destination_country else ""
    subject = f"[Haruul {_level(language, facts.level)}{where}] {words['alert']} {alert_id}"
    lines = []
    if waited is not None:
        minutes = int(waited.total_seconds() // 60)
        lines += [words["escalated"].format(minutes=minutes), ""]
    lines += [
        f"{words['desk']}: {desk_name}",
        f"{words['alert'].capitalize()}: {alert_id}",
        f"{words['report']}: {facts.report_id}",
        f"{words['level']}: {_level(language, facts.level)} ({words['score']} {facts.score}/100)",
        f"{words['stage']}: {_stage(language, facts.stage)}",
        f"{words['indicators']}: {', '.join(facts.indicator_codes) or words['none']}",
        f"{words['places']}: {', '.join(facts.places) or words['none']}",
        "",
        f"{words['why']}:",
        facts.explanation,
        "",
        words["ack_link"].format(link=ack_link),
        words["desk_tool"],
    ]
    return EmailText(subject=subject, body="\n".join(lines))


def digest_email(
    language: Language, desk_name: str, level: str, day: date, items: Sequence[DigestItem]
) -> EmailText:
    """One e-mail listing the `level` alerts collected for `day`'s start of work."""
    words = _WORDS[language]
    subject = words["digest_subject"].format(
        desk=desk_name, count=len(items), level=_level(language, level), day=day.isoformat()
    )
    lines = [words["digest_intro"], ""]
    for item in items:
        facts = item.facts
        where = f" {facts.destination_country}" if facts.destination_country else ""
        codes = ",".join(facts.indicator_codes) or "-"
        lines.append(
            f"- {item.alert_id}{where} ({words['report']} {facts.report_id}, "
            f"{words['score']} {facts.score}/100): {_stage(language, facts.stage)} "
            f"{words['signs']}: {codes}"
        )
    lines += ["", words["desk_tool"]]
    return EmailText(subject=subject, body="\n".join(lines))


def bundle_sms(language: Language, alerts: Sequence[tuple[str, str, str]]) -> str:
    """One SMS for several alerts held back by the rate limit: (alert id, level, ack code)."""
    head = {"en": f"HARUUL {len(alerts)} alerts:", "mn": f"HARUUL {len(alerts)} дохио:"}[language]
    items = [f"{alert_id} {_level(language, level)} ACK {code}" for alert_id, level, code in alerts]
    return " ".join([head, "; ".join(items)])
