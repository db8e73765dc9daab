"""A public warning that names no one is read as low; one that names someone is not."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level

WARNINGS = [
    # written for this test in each language: the scheme told in general terms, then advice
    "PSA: fake job offers are going round on Telegram, '$3,000 a month in Cambodia, free "
    "ticket'. People who went had their passports taken and were forced to scam. Please share.",
    "Памятка, перешлите родным: рассылают вакансии «оператор в Камбодже, 3000$, билет за счёт "
    "компании». Людей вывозят в Пойпет, забирают паспорта. Не верьте.",
    "АНХААРУУЛГА. Камбожид оператор, сард 3000$, тийз үнэгүй гэх зараар явсан иргэдийн "
    "паспортыг хураан авч луйвар хийлгэдэг. Түгээж туслаарай.",
    "Zaaval unshaarai! KK park-d undur tsalintai ajil gej huurch avaachaad passport-iig n "
    "huraadag. Share hiigeerei.",
    "转发提醒：柬埔寨客服月薪3万包机票都是骗局，去了的人护照会被收走，被逼搞网络诈骗。",
    # "so-called" names no one who called
    "Beware of so-called customer service jobs in Cambodia: those who went had their passports "
    "taken. Please share.",
    # "by" in English is not the Mongolian "би" (I)
    "[PSA] posted by the moderator: recruiters offer jobs in Thailand; on arrival people are "
    "driven to Poipet and their passports are taken. Share widely.",
]


@pytest.mark.parametrize("text", WARNINGS, ids=lambda text: text[:30])
def test_a_warning_that_names_no_one_is_low_and_keeps_its_signs(text: str) -> None:
    result = assess(text)
    assert result.level is Level.LOW, result.explanation
    assert "DOC" in result.codes  # the signs stay listed for an officer to check
    assert "public warning" in result.explanation


NAMED = [
    # the same warnings naming someone: the writer, a relative, a caller, a person's age
    "PSA, please share: my brother went for a '$3,000 a month' job in Cambodia and his "
    "passport was taken, he is forced to scam.",
    "Памятка, перешлите родным: мой сын уехал в Пойпет, там забрали паспорт.",
    "Түгээж туслаарай! Дүү маань Камбожид очоод паспортыг нь хураасан.",
    "转发提醒：我弟弟去了柬埔寨，护照被收走，被逼搞网络诈骗。",
    "Please share. I went to KK Park for a job and they took my passport.",
    "Warning! Bat (23) went to Poipet; the company took his passport.",
    "Warning! Bat (23, male) went to Poipet; the company took his passport.",
    # recruiters handing out leaflets is recruiting, not a warning
    "Recruiters handed out leaflets at the market: jobs in Poipet, the company keeps passports.",
    # a recruiter's warning to keep quiet, told by the family: "warned" is not a public warning
    "Компани манай хүүд Тайландад ажил санал болгосон. Онгоцны тийзийг нь төлнө гэсэн. Хэнд ч"
    " битгий хэл гэж хэлсэн. Паспортыг нь хураасан. Хуваалцаарай.",
]


@pytest.mark.parametrize("text", NAMED, ids=lambda text: text[:30])
def test_a_warning_that_names_someone_stays_an_alert(text: str) -> None:
    result = assess(text)
    assert result.level.at_least(Level.HIGH), result.explanation
    assert "public warning" not in result.explanation
