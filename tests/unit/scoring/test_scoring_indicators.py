"""Each indicator fires on its wording in every supported language (Cyrillic Mongolian,
Latin-typed Mongolian, English, Russian, Chinese) — sentences not taken from the dev set."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.engine import assess

CASES: list[tuple[str, str, str]] = [
    # DOC — identity documents held
    ("DOC", "en", "The boss confiscated our passports on the first day."),
    ("DOC", "mn", "Ажил олгогч паспортыг нь хураасан."),
    ("DOC", "mn-latn", "ajil olgogch passport-iig ni khuraasan"),
    ("DOC", "ru", "Начальник отобрал у неё паспорт."),
    ("DOC", "zh", "老板把他的护照收走了。"),
    # MOV — movement restricted
    ("MOV", "en", "She is not allowed to leave the building."),
    ("MOV", "mn", "Охиныг маань гадагш гаргахгүй байна."),
    ("MOV", "mn-latn", "ohiniig maani gadagsh gargahgui baina"),
    ("MOV", "ru", "Его не выпускают с территории."),
    ("MOV", "zh", "他们不让他离开公司。"),
    # ISO — isolation
    ("ISO", "en", "They took her phone away on arrival."),
    ("ISO", "mn", "Хүү маань утсаа авахгүй байна."),
    ("ISO", "ru", "Сын уже неделю не выходит на связь."),
    ("ISO", "zh", "我儿子已经失联两周了。"),
    # VIO — violence
    ("VIO", "en", "The supervisors punched him and used an electric shock baton."),
    ("VIO", "mn", "Тэднийг өдөр бүр зоддог."),
    ("VIO", "ru", "Там людей избивают."),
    ("VIO", "zh", "他在那里被打了。"),
    # THR — threats
    ("THR", "en", "They threatened to sell her organs."),
    ("THR", "mn", "Ээжийг нь алана гэж сүрдүүлсэн."),
    ("THR", "ru", "Ему угрожают расправой."),
    ("THR", "zh", "他们威胁要把他卖掉。"),
    # DEBT — debt bondage
    ("DEBT", "en", "The company says he owes them for the flight and food."),
    ("DEBT", "mn", "Тийзний мөнгө гээд өртэй гэж хэлж байна."),
    ("DEBT", "ru", "Говорят, что она должна компании 5000 долларов."),
    ("DEBT", "zh", "公司说他欠公司两万块。"),
    # WAG — wages withheld
    ("WAG", "en", "He has not been paid for three months."),
    ("WAG", "mn", "Цалин огт өгдөггүй."),
    ("WAG", "ru", "Зарплату не платят уже два месяца."),
    ("WAG", "zh", "公司一直不发工资。"),
    # OT — excessive hours
    ("OT", "en", "They work 15 hours per day with no day off."),
    ("OT", "mn", "Өдөрт 16 цаг ажиллуулдаг."),
    ("OT", "ru", "Работают по 16 часов без выходных."),
    # S-SCAM — forced fraud
    ("S-SCAM", "en", "They make him run romance scams with fake profiles."),
    ("S-SCAM", "mn", "Луйврын ажил хийлгэж байна."),
    ("S-SCAM", "ru", "Их заставляют обманывать людей по интернету."),
    ("S-SCAM", "zh", "他被逼着做杀猪盘诈骗。"),
    # S-RAN — ransom
    ("S-RAN", "en", "They demand a ransom of 20,000 dollars."),
    ("S-RAN", "mn", "Золиос нэхэж байна."),
    ("S-RAN", "ru", "Требуют выкуп за её освобождение."),
    ("S-RAN", "zh", "对方要赎金才放人。"),
    # S-SOLD, S-SEX
    ("S-SOLD", "en", "She was sold to another compound last week."),
    ("S-SOLD", "ru", "Его перепродали другой компании."),
    ("S-SEX", "en", "They forced her into prostitution."),
    ("S-SEX", "mn", "Биеэ үнэлэхийг албадаж байна."),
    # Recruitment signs
    ("S-AD", "en", "An agent is hiring customer service staff for Cambodia, $2,500 a month."),
    ("S-AD", "mn-latn", "undur tsalintai ajil sanal bolgoson"),
    ("S-AD", "ru", "Предложили работу оператором в Таиланде."),
    ("S-SKILL", "en", "They want people who speak fluent English."),
    ("S-SKILL", "mn", "Хятад хэлтэй хүн хайж байна."),
    ("S-TRV", "en", "The company will buy his plane ticket and arrange the visa."),
    ("S-TRV", "mn", "Онгоцны тийзийг компани нь даана гэсэн."),
    ("S-TRV", "mn-latn", "ongotsnii tiiziig kompani ni tulnu gesen"),
    ("S-FEE", "en", "The agency wants a placement fee before departure."),
    ("S-FEE", "zh", "中介要先交中介费。"),
    ("S-OFF", "en", "They showed an official employment contract with a government stamp."),
    ("S-OFF", "mn", "Хамтын ажиллагааны гэрээ байгуулна гэсэн."),
    ("S-CONF", "en", "The recruiter told her not to tell her parents."),
    ("S-CONF", "mn", "Хэнд ч битгий хэл гэсэн."),
    ("S-CONF", "mn-latn", "hend ch bitgii hel gesen"),
    ("S-CONF", "ru", "Сказали никому не говорить о работе."),
    ("S-CONF", "zh", "他们说不要告诉家人。"),
    ("S-AID", "en", "A stranger paid off her student loan and then offered a job."),
    ("S-XB", "en", "They crossed the river by boat at night."),
    ("S-XB", "ru", "Его перевезли через реку на лодке."),
    ("S-HUB", "en", "He is now in Poipet."),
    ("S-HUB", "mn", "Тэр одоо КК парк-д байгаа."),
    ("S-HUB", "ru", "Сейчас она в Мьявадди."),
    ("S-HUB", "zh", "他现在在妙瓦底。"),
]


@pytest.mark.parametrize(("code", "lang", "text"), CASES, ids=[f"{c}-{lg}" for c, lg, _ in CASES])
def test_indicator_fires(code: str, lang: str, text: str) -> None:
    result = assess(text)
    assert code in result.codes, result.explanation


@pytest.mark.parametrize(("code", "lang", "text"), CASES, ids=[f"{c}-{lg}" for c, lg, _ in CASES])
def test_evidence_quotes_the_original_text(code: str, lang: str, text: str) -> None:
    result = assess(text)
    for hit in result.indicators:
        assert hit.evidence, hit
        for ev in hit.evidence:
            assert text[ev.start : ev.end] == ev.quote
            assert ev.quote.strip() == ev.quote
            assert ev.quote
        assert hit.reason
        assert "\n" not in hit.reason
