"""Phone numbers, e-mail addresses and personal fields never reach a log line; ids do."""

from __future__ import annotations

import json
import logging
import sys

import pytest
import structlog
from hypothesis import given
from hypothesis import strategies as st

from haruul_common import scrub
from haruul_common.logs import RepeatFilter, ScrubbingFormatter
from haruul_common.scrub import EMAIL_MARK, PHONE_MARK, REDACTED, scrub_event, scrub_text
from tests.support.logs import captured_logs


@pytest.mark.parametrize(
    "phone",
    [
        "+97699112233",
        "+976 9911 2233",
        "+976-9911-2233",
        "(976) 9911-2233",
        "99112233",
        "9911 2233",
        "+855 12 345 678",
        "+7 (912) 345-67-89",
        "+86 138 0013 8000",
    ],
)
def test_a_phone_number_in_any_common_writing_is_masked(phone: str) -> None:
    scrubbed = scrub_text(f"could not reach {phone} today")
    assert scrubbed == f"could not reach {PHONE_MARK} today"


def test_an_email_address_is_masked() -> None:
    assert scrub_text("bounced: dorj.bat+x@mail.example.mn") == f"bounced: {EMAIL_MARK}"


@pytest.mark.parametrize(
    "identifier",
    [
        "3f1c2a9e-8d7b-4c6a-9e5f-123456789012",
        "12345678-1234-4234-8234-123456789012",
        "alt-0123456789abcdef",
        "2026-11-25T06:31:02.123456+00:00",
        "rep-20261125-00012345",
        "haruul.reports.v1",
        "127.0.0.1:50051",
        "case-9f8e7d6c",
        "alt-1/officer-primary/sms/step-300",
    ],
)
def test_ids_timestamps_and_addresses_of_services_keep_their_shape(identifier: str) -> None:
    assert scrub_text(f"id {identifier} done") == f"id {identifier} done"


def test_personal_fields_are_replaced_whole_and_nested_values_scrubbed() -> None:
    event = {
        "event": "delivery_failed",
        "alert_id": "alt-0123456789abcdef",
        "name": "Bat-Erdene Dorj",
        "text": "my sister Saraa is in Poipet",
        "failure": "554 rejected +97699112233",
        "extra": {"reporter": {"phone": "+97699112233"}, "note": ["call 99112233"]},
        "offset": 12345678,
    }
    scrubbed = scrub_event(None, "error", event)
    assert scrubbed["alert_id"] == "alt-0123456789abcdef"
    assert scrubbed["name"] == REDACTED
    assert scrubbed["text"] == REDACTED
    assert scrubbed["failure"] == f"554 rejected {PHONE_MARK}"
    assert scrubbed["extra"] == {"reporter": REDACTED, "note": [f"call {PHONE_MARK}"]}
    assert scrubbed["offset"] == 12345678  # numbers are counts and offsets, not phones


def test_a_configured_logger_scrubs_what_it_writes() -> None:
    with captured_logs() as lines:
        structlog.get_logger("t").error("sms_failed", failure="to +97699112233", phone="99112233")
    line = json.loads(lines.getvalue().strip().splitlines()[-1])
    assert line["failure"] == f"to {PHONE_MARK}"
    assert line["phone"] == REDACTED
    assert line["service"] == "test"


def test_library_log_lines_and_tracebacks_are_scrubbed() -> None:
    try:
        raise ValueError("invalid recipient dorj@mail.example.mn / +97699112233")
    except ValueError:
        record = logging.LogRecord(
            "aiokafka", logging.ERROR, __file__, 1, "send to %s", ("99112233",), None
        )
        record.exc_info = sys.exc_info()
    formatted = ScrubbingFormatter("%(name)s %(message)s").format(record)
    assert "99112233" not in formatted
    assert "dorj@" not in formatted
    assert f"invalid recipient {EMAIL_MARK} / {PHONE_MARK}" in formatted


def test_a_library_repeating_itself_is_held_back_and_counted() -> None:
    now = [0.0]
    repeats = RepeatFilter(every_s=10, clock=lambda: now[0])

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("aiokafka", logging.ERROR, __file__, 1, message, (), None)

    assert repeats.filter(record("Unable to connect to node %s"))
    for _ in range(1_700):
        assert not repeats.filter(record("Unable to connect to node %s"))
    assert repeats.filter(record("another message"))
    now[0] = 10.0
    later = record("Unable to connect to node %s")
    assert repeats.filter(later)
    assert later.msg.endswith("(1700 more like this held back)")


def _every_pattern(text: str) -> str:
    """What scrub_text gives without its shortcuts: each pattern applied in turn."""
    text = scrub._EMAIL.sub(EMAIL_MARK, text)
    text = scrub._INTERNATIONAL.sub(PHONE_MARK, text)
    return scrub._LOCAL.sub(PHONE_MARK, text)


@given(st.text(alphabet="0123456789-_.:/@+() abcxyzT", max_size=40))
def test_the_shortcuts_never_change_what_is_masked(text: str) -> None:
    assert scrub_text(text) == _every_pattern(text)


@pytest.mark.parametrize(
    "value", ["99112233", "99-11-22-33", "9911-2233", "+97699112233", "dorj@mail.mn"]
)
def test_a_field_holding_only_a_phone_number_or_address_is_masked(value: str) -> None:
    assert scrub_text(value) in {PHONE_MARK, EMAIL_MARK}
    assert scrub_event(None, "info", {"detail": value})["detail"] in {PHONE_MARK, EMAIL_MARK}


def test_ids_and_counts_of_a_log_line_pass_unchanged() -> None:
    event = {
        "event": "report_scored",
        "report_id": "3f1c2a9e-8d7b-4c6a-9e5f-123456789012",
        "case_id": "case-9f8e7d6c01234567",
        "timestamp": "2026-11-25T06:31:02.123456Z",
        "score": 71,
        "ratio": 0.5,
        "indicators": ["passport_confiscated", "kk_park"],
        "phone": 97699112233,  # a personal field is replaced whatever its type
        "subject": None,
    }
    scrubbed = scrub_event(None, "info", dict(event))
    assert scrubbed == {**event, "phone": REDACTED}
