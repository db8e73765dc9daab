"""Negation, reported speech and false friends: what must NOT raise an alert."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level

NEGATED_DOC = [
    "They did not take his passport.",
    "The employer never confiscated her passport.",
    "У него не забрали паспорт.",
    "Паспортыг нь аваагүй.",
    "Паспортыг нь хураагаагүй байна.",
    "公司没有收走护照。",
]


@pytest.mark.parametrize("text", NEGATED_DOC)
def test_negated_passport_retention_is_not_doc(text: str) -> None:
    assert "DOC" not in assess(text).codes


def test_negation_stays_in_its_clause() -> None:
    result = assess("He did not want to go, but they took his passport anyway.")
    assert "DOC" in result.codes


@pytest.mark.parametrize(
    "text",
    [
        "I read in the news about KK Park being demolished.",
        "Is it true that the scam centres in Myanmar are closed now?",
        "What if the employer takes my passport?",
        "Правда ли, что в Мьявадди забирают паспорта?",
        # News, raids and legal schemes count in every script and spelling.
        "Мэдээгээр Мьявадди дахь луйврын төвүүдийг хаасан гэж байна.",
        "medeegeer KK Park-iig nuraasan gesen.",
        "新闻说他们收走了护照，不让他离开。",
        "Police raided KK Park last week.",
        "他拿到奖学金，公司包机票。",
    ],
)
def test_news_and_hypothetical_questions_do_not_alert(text: str) -> None:
    result = assess(text)
    assert result.level is Level.LOW, result.explanation
    assert not result.indicators


@pytest.mark.parametrize(
    "text",
    [
        "We are planning a family holiday in Bangkok and Phuket in December.",
        "Би Солонгост EPS хөтөлбөрөөр ажиллахаар бүртгүүлсэн.",
        "The KK Khon Kaen textile fair was great this year.",
        "My scholarship covers the flight for my exchange semester in Bangkok.",
        "Please help me renew my passport at the embassy in Bangkok.",
        "We invite the consul to our Naadam celebration in Bangkok.",
    ],
)
def test_false_friends_stay_low(text: str) -> None:
    result = assess(text)
    assert result.level is Level.LOW, result.explanation


def test_kk_alone_is_not_kk_park() -> None:
    result = assess("We drove from KK to Udon Thani for the fair.")
    assert not result.places


def test_bangkok_is_listed_as_transit_not_a_hub() -> None:
    result = assess("He landed in Bangkok yesterday.")
    assert [(p.name, p.role) for p in result.places] == [("Bangkok", "transit")]
    assert "S-HUB" not in result.codes


def test_threat_of_sale_is_a_threat_not_a_sale() -> None:
    result = assess("They say she will be sold to another company if she tries to leave.")
    assert "THR" in result.codes
    assert "S-SOLD" not in result.codes


# A retraction withdraws an earlier worry's soft signs; a statement of freedom ("can come home
# whenever she wants") withdraws only where the person is and lost contact, not a deception.
FREEDOM_AFTER_DECEPTION = [
    "They promised her a reception job for 1,200 dollars, but she cleans rooms for 700. She can"
    " come home whenever she wants.",
    "Обещали администратором за 1200 долларов, а по факту она убирает номера за 700. Говорит,"
    " что может уехать когда захочет.",
]


@pytest.mark.parametrize("text", FREEDOM_AFTER_DECEPTION)
def test_freedom_leaves_a_deception_standing(text: str) -> None:
    assert "DEC" in assess(text).codes


@pytest.mark.parametrize(
    "text",
    [
        "We lost contact with her in Poipet for a week. Now she called: she can come home"
        " whenever she wants.",
        "Она в Пойпете, связи нет три дня. Сегодня написала: может вернуться домой когда захочет.",
    ],
)
def test_freedom_withdraws_place_and_lost_contact(text: str) -> None:
    result = assess(text)
    assert not result.codes & {"ISO", "S-HUB", "place"}
    assert result.level is Level.LOW


def test_a_retraction_still_withdraws_a_deception() -> None:
    text = (
        "They promised her a reception job for 1,200 dollars, but she cleans rooms for 700."
        " Sorry, it was all a misunderstanding, please ignore my earlier message."
    )
    assert "DEC" not in assess(text).codes


@pytest.mark.parametrize(
    ("text", "job_place", "hub"),
    [
        (
            "He went for a hotel job in Bangkok; now he sends his location from Poipet.",
            "Bangkok",
            "Poipet",
        ),
        (
            "A company offered him a job in Thailand. Yesterday he wrote that he is in Bavet.",
            "Thailand",
            "Bavet",
        ),
        (
            "Хүү маань Тайландад зочид буудалд ажиллана гээд явсан, одоо Баветээс бичиж байна.",
            "Тайландад",
            "Баветээс",
        ),
        (
            "Сын уехал работать на завод в Малайзию, а теперь пишет из Сиануквиля.",
            "Малайзию",
            "Сиануквиля",
        ),
        ("女儿说去泰国的酒店上班，现在却在妙瓦底。", "泰国", "妙瓦底"),
    ],
)
def test_a_job_city_then_a_hub_abroad_is_a_deception_about_the_place(
    text: str, job_place: str, hub: str
) -> None:
    deception = {hit.code: hit for hit in assess(text).indicators}.get("DEC")
    assert deception is not None
    quotes = [evidence.quote for evidence in deception.evidence]
    assert job_place in quotes  # where the job was said to be
    assert hub in quotes  # and where the person is


@pytest.mark.parametrize(
    "text",
    [
        # the route, not a promise
        "He landed in Bangkok and was driven to the river and across to Myawaddy.",
        # two places in one country
        "She had a job in Phnom Penh and then moved to Sihanoukville.",
        # the hub before the job city
        "He worked in Poipet last year; now he has a hotel job in Bangkok.",
        # a country with legal work schemes is not a lure
        "My son works in a factory in Japan; his friend is in Bavet.",
    ],
)
def test_places_without_a_switch_are_not_a_deception(text: str) -> None:
    assert "DEC" not in assess(text).codes


def test_a_country_named_for_the_job_is_not_listed_as_a_place() -> None:
    result = assess("A company offered him a job in Thailand.")
    assert [p.name for p in result.places] == []
