"""Alert texts in Mongolian and English: what each says, and that SMS stay within 2 segments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from haruul_notify.domain.alerts import AlertFacts
from haruul_notify.domain.routing import Language
from haruul_notify.domain.sms_length import segments
from haruul_notify.domain.templates import (
    ACK_LINK_PLACEHOLDER,
    DigestItem,
    digest_email,
    escalation_sms,
    page_email,
    page_sms,
    update_sms,
)

ALERT_ID = "alt-0123456789abcdef"
FACTS = AlertFacts(
    report_id="rep-0d9c3a7e-1b2f-4c55-9a10-77e2f1c0b6aa",
    level="critical",
    score=92,
    stage="destination",
    indicator_codes=("MOV", "DOC", "VIO", "ISO", "DEBT", "S-RAN", "S-XB", "THR"),
    places=("Shwe Kokko",),
    explanation="Passport taken; not allowed to leave the compound.",
    destination_country="MM",
)
FEW_SIGNS = AlertFacts(
    report_id="rep-1",
    level="high",
    score=71,
    stage="recruitment",
    indicator_codes=("S-AD", "S-TRV"),
    places=(),
    explanation="Lure job with paid travel.",
    destination_country="KH",
)
LANGUAGES: tuple[Language, ...] = ("mn", "en")


def test_english_page_says_level_country_alert_stage_signs_and_how_to_ack() -> None:
    text = page_sms("en", ALERT_ID, FEW_SIGNS, "4821")
    assert text == (
        "HARUUL HIGH KH alert alt-0123456789abcdef. "
        "Recruitment stage - can still be stopped before departure. "
        "Signs: S-AD,S-TRV. Reply ACK 4821"
    )
    assert segments(text).encoding == "GSM-7"


def test_mongolian_page_is_in_cyrillic_with_the_mongolian_ack_instruction() -> None:
    text = page_sms("mn", ALERT_ID, FEW_SIGNS, "4821")
    assert text.startswith("HARUUL ӨНДӨР KH дохио alt-0123456789abcdef.")
    assert "Элсүүлэх шат" in text
    assert "Шинж: S-AD,S-TRV." in text
    assert text.endswith("Хариу: ACK 4821")
    assert segments(text).encoding == "UCS-2"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_with_many_signs_are_shortened_to_two_segments(language: Language) -> None:
    text = page_sms(language, ALERT_ID, FACTS, "4821")
    assert segments(text).segments <= 2
    assert "MOV,DOC" in text  # the first signs survive
    assert "+" in text  # and the reader is told there are more
    assert text.endswith("ACK 4821")


@pytest.mark.parametrize("language", LANGUAGES)
def test_escalation_notice_says_how_long_nobody_answered(language: Language) -> None:
    text = escalation_sms(language, ALERT_ID, FACTS, timedelta(minutes=5), "4821")
    expected = {"en": "Not acknowledged after 5 min - you are next.", "mn": "5 минутад"}
    assert expected[language] in text
    assert ALERT_ID in text
    assert segments(text).segments <= 2


def test_english_texts_never_fall_back_to_ucs2() -> None:
    for level in ("critical", "high", "medium", "low"):
        for stage in ("destination", "recruitment", "unclear"):
            facts = AlertFacts("r", level, 50, stage, ("MOV",), (), "", "TH")
            for text in (
                page_sms("en", ALERT_ID, facts, "1"),
                escalation_sms("en", ALERT_ID, facts, timedelta(minutes=15), "1"),
                update_sms("en", ALERT_ID, "case-1", 3, "1"),
            ):
                assert segments(text).encoding == "GSM-7", text


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_names_the_count_and_the_case(language: Language) -> None:
    text = update_sms(language, ALERT_ID, "case-7f3a9c21", 3, "4821")
    assert "3" in text
    assert "case-7f3a9c21" in text
    assert segments(text).segments <= 2
    if language == "en":
        assert "3 new reports on case case-7f3a9c21" in text


def test_sms_carry_no_places_or_narrative() -> None:
    for language in LANGUAGES:
        text = page_sms(language, ALERT_ID, FACTS, "4821")
        assert "Shwe Kokko" not in text
        assert "Passport" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_email_carries_the_explanation_and_the_ack_link(language: Language) -> None:
    email = page_email(language, ALERT_ID, FACTS, "Myanmar desk")
    assert ALERT_ID in email.subject
    assert "MM" in email.subject
    assert FACTS.explanation in email.body
    assert FACTS.report_id in email.body
    assert "Shwe Kokko" in email.body
    assert ACK_LINK_PLACEHOLDER in email.body
    signed = page_email(language, ALERT_ID, FACTS, "Myanmar desk", ack_link="https://x/ack/s1g")
    assert "https://x/ack/s1g" in signed.body
    assert ACK_LINK_PLACEHOLDER not in signed.body


def test_email_subjects_by_language() -> None:
    assert page_email("en", ALERT_ID, FACTS, "d").subject == (
        "[Haruul CRITICAL MM] alert alt-0123456789abcdef"
    )
    assert page_email("mn", ALERT_ID, FACTS, "d").subject == (
        "[Haruul ЯАРАЛТАЙ MM] дохио alt-0123456789abcdef"
    )


def test_escalation_email_starts_with_the_notice() -> None:
    email = page_email("en", ALERT_ID, FACTS, "d", waited=timedelta(minutes=15))
    assert email.body.startswith("Not acknowledged after 15 min - you are next.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_digest_lists_every_alert(language: Language) -> None:
    items = [DigestItem(ALERT_ID, FEW_SIGNS), DigestItem("alt-ffff", FACTS)]
    email = digest_email(language, "Cambodia desk", "medium", date(2026, 1, 7), items)
    assert "2026-01-07" in email.subject
    assert "Cambodia desk" in email.subject
    assert " 2 " in email.subject
    assert ALERT_ID in email.body
    assert "alt-ffff" in email.body
    assert FEW_SIGNS.report_id in email.body
