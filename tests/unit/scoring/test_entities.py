"""Recruiter contacts and amounts are pulled out of reports, normalised, with their quotes."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.entities import Entity, EntityKind, extract_entities


def _of(text: str, kind: EntityKind) -> list[str]:
    return [e.normalized for e in extract_entities(text) if e.kind is kind]


def _assert_quotes(text: str, entities: tuple[Entity, ...]) -> None:
    for e in entities:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.quote == e.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Утас: +976 9911 2233 руу залга", "+97699112233"),
        ("утас 99112233-аас залгасан", "+97699112233"),
        ("дугаар нь 88112233.", "+97688112233"),
        ("номер 9911-2233 гэж өгсөн", "+97699112233"),
        ("The agent's number is +855 12 345 678 in Phnom Penh", "+85512345678"),
        ("Call (+855) 97 123 4567 after 6pm", "+855971234567"),
        ("тайланд дугаар 0066-81-234-5678", "+66812345678"),
        ("Thai: +66 81 234 5678", "+66812345678"),
        ("Myanmar number +95 9 250 123 456", "+959250123456"),
        ("微信同号 +86 138 0013 8000", "+8613800138000"),
        ("Камбож дугаар 85512345678 гэж бичсэн", "+85512345678"),
    ],
)
def test_phone_written_in_many_forms_is_one_e164_number(text: str, expected: str) -> None:
    assert _of(text, EntityKind.PHONE) == [expected]
    _assert_quotes(text, extract_entities(text))


def test_two_numbers_side_by_side_are_two_phones() -> None:
    assert _of("99112233 88112233 утаснууд", EntityKind.PHONE) == ["+97699112233", "+97688112233"]


def test_phone_evidence_quotes_the_number_as_written() -> None:
    text = "Бат ах: утас +976 9911 2233, эсвэл 99112233"
    phones = [e for e in extract_entities(text) if e.kind is EntityKind.PHONE]
    assert len(phones) == 1  # the same number twice is one entity, first mention kept
    assert phones[0].evidence.quote == "+976 9911 2233"
    assert text[phones[0].evidence.start : phones[0].evidence.end] == "+976 9911 2233"


@pytest.mark.parametrize(
    "text",
    [
        "2025 онд явсан",
        "цалин $8,000 гэсэн",
        "16 hours a day, 7 days a week",
        "left on 2025-11-03 and called 03/11/2025",
        "worked there 2024-2025",
        "2024 2025 he was away",
        "8 000 000 төгрөг авсан",
        "12 345 678 төгрөгийн өр",
        "passport no E1234567 taken",
        "see example.com/job/99112233 and 99112233@gmail.com",
        "Банкны данс 5012345678",
    ],
)
def test_years_amounts_dates_and_ids_are_not_phones(text: str) -> None:
    assert _of(text, EntityKind.PHONE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He wrote on telegram to @Recruit_Jobs", "recruit_jobs"),
        ("телеграм: @Recruit_Jobs", "recruit_jobs"),
        ("tg @recruit_jobs", "recruit_jobs"),
        ("@Recruit_Jobs (тг) гэдэг хүн", "recruit_jobs"),
        ("link https://t.me/Recruit_Jobs", "recruit_jobs"),
        ("t.me/recruit_jobs руу бич", "recruit_jobs"),
        ("телеграм recruit_jobs гэж хайгаарай", "recruit_jobs"),
        ("Telegram: recruitjobs", "recruitjobs"),
        ("Telegram-аар @HR_Bavet2025 холбогдсон", "hr_bavet2025"),
    ],
)
def test_telegram_handles(text: str, expected: str) -> None:
    assert _of(text, EntityKind.TELEGRAM) == [expected]
    _assert_quotes(text, extract_entities(text))


@pytest.mark.parametrize(
    "text",
    [
        "follow @recruit_jobs on instagram",  # no Telegram in sight
        "they added me to a telegram group",
        "mail hr@recruit_jobs.com about telegram",
        "t.me/joinchat",
    ],
)
def test_not_telegram_handles(text: str) -> None:
    assert _of(text, EntityKind.TELEGRAM) == []


def test_whatsapp_link_gives_a_whatsapp_contact_and_a_phone() -> None:
    text = "Write to https://wa.me/85512345678 today"
    assert _of(text, EntityKind.WHATSAPP) == ["+85512345678"]
    assert _of(text, EntityKind.PHONE) == ["+85512345678"]
    assert _of(text, EntityKind.URL) == []


def test_number_after_whatsapp_word_is_a_whatsapp_contact() -> None:
    text = "WhatsApp: +66 81 234 5678"
    assert _of(text, EntityKind.WHATSAPP) == ["+66812345678"]
    assert _of(text, EntityKind.PHONE) == ["+66812345678"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Add WeChat ID: Recruit888 for details", "recruit888"),
        ("wechat lucky_job88", "lucky_job88"),
        ("请加微信：lucky_job88", "lucky_job88"),
        ("加微信abc123", "abc123"),
        ("微信号 wxid_ab12cd", "wxid_ab12cd"),
        ("вичат ID: abc_123 гэж өгсөн", "abc_123"),
        ("вичат: goodjob77", "goodjob77"),
    ],
)
def test_wechat_ids_in_english_chinese_and_mongolian(text: str, expected: str) -> None:
    assert _of(text, EntityKind.WECHAT) == [expected]
    _assert_quotes(text, extract_entities(text))


def test_wechat_word_without_an_id_is_nothing() -> None:
    assert _of("I talked to them on WeChat yesterday", EntityKind.WECHAT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apply at https://Jobs.Example.COM/apply/ now", "jobs.example.com/apply"),
        ("see http://www.bavet-jobs.com.", "bavet-jobs.com"),
        ("сайт: www.ajil-zar.mn/", "ajil-zar.mn"),
        ("анкет нь goldenjob.asia/form?id=7 дээр", "goldenjob.asia/form?id=7"),
    ],
)
def test_urls_are_normalised(text: str, expected: str) -> None:
    assert _of(text, EntityKind.URL) == [expected]
    _assert_quotes(text, extract_entities(text))


def test_email_is_lower_cased_and_its_domain_is_not_a_url() -> None:
    text = "CV-гээ HR.Bavet@Gmail.com хаяг руу явуул"
    assert _of(text, EntityKind.EMAIL) == ["hr.bavet@gmail.com"]
    assert _of(text, EntityKind.URL) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("salary $8,000 a month", "USD 8000"),
        ("цалин 8 000 доллар", "USD 8000"),
        ("сард 1500 ам.доллар өгнө", "USD 1500"),
        ("3000$ цалинтай", "USD 3000"),
        ("зарплата 2000 долларов", "USD 2000"),
        ("USD 10000 bonus", "USD 10000"),
        ("2.5 сая төгрөг зээлсэн", "MNT 2500000"),
        ("2,5 сая ₮", "MNT 2500000"),
        ("₮500 000 урьдчилгаа", "MNT 500000"),
        ("500 000 tugrug", "MNT 500000"),
        ("pay 500 USDT ransom", "USDT 500"),
        ("золиос 10000 usdt", "USDT 10000"),
        ("30,000 baht per month", "THB 30000"),
        ("30 000 бат", "THB 30000"),
        ("฿30000", "THB 30000"),
        ("5000 юань", "CNY 5000"),
        ("月薪8000元", "CNY 8000"),
        ("¥5000", "CNY 5000"),
        ("工资3万元", "CNY 30000"),
        ("8000美元", "USD 8000"),
        ("8k$ a month", "USD 8000"),
    ],
)
def test_money_in_each_currency_and_language(text: str, expected: str) -> None:
    assert _of(text, EntityKind.MONEY) == [expected]
    assert _of(text, EntityKind.PHONE) == []
    _assert_quotes(text, extract_entities(text))


@pytest.mark.parametrize("text", ["16 hours", "2025 онд", "Бат 500 авсан", "10000 people"])
def test_numbers_without_a_currency_are_not_money(text: str) -> None:
    assert _of(text, EntityKind.MONEY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He works for Golden Star LLC in Bavet", "golden star"),
        ("contract with Golden Star Co., Ltd.", "golden star"),
        ("«Алтан Зам» ХХК гэрээ байгуулсан", "алтан зам"),
        ("The Kingdom Tech ХХК зуучилсан", "kingdom tech"),
        ("a company called Blue Ocean Trading offered", "blue ocean trading"),
        ("金边鑫达科技有限公司招聘", "金边鑫达科技"),
    ],
)
def test_company_names_marked_as_companies(text: str, expected: str) -> None:
    assert _of(text, EntityKind.COMPANY) == [expected]
    _assert_quotes(text, extract_entities(text))


def test_one_entity_per_contact_with_the_first_mention_as_evidence() -> None:
    text = "телеграм @Recruit_Jobs. Later: t.me/recruit_jobs and телеграм recruit_jobs"
    telegram = [e for e in extract_entities(text) if e.kind is EntityKind.TELEGRAM]
    assert [e.normalized for e in telegram] == ["recruit_jobs"]
    assert telegram[0].evidence.quote == "@Recruit_Jobs"


def test_a_full_report_in_mixed_languages() -> None:
    text = (
        "Миний хүү 2025 онд Камбож явсан. Зуучлагч телеграм @Recruit_Jobs, утас +855 12 345 678, "
        "цалин $1500 гэсэн. Одоо золиос 5000 USDT нэхэж байна. Сайт: www.bavet-jobs.com"
    )
    entities = extract_entities(text)
    _assert_quotes(text, entities)
    assert [(e.kind.value, e.normalized) for e in entities] == [
        ("telegram", "recruit_jobs"),
        ("phone", "+85512345678"),
        ("money", "USD 1500"),
        ("money", "USDT 5000"),
        ("url", "bavet-jobs.com"),
    ]


def test_plain_text_has_no_entities() -> None:
    assert extract_entities("") == ()
    assert extract_entities("Сайн байна уу, ажлын зар харсан.") == ()
