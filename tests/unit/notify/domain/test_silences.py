"""Silences mute matching alerts inside their window only."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from haruul_notify.domain.routing import Silence
from haruul_notify.domain.silences import matching_silence

UB = ZoneInfo("Asia/Ulaanbaatar")
STARTS = datetime(2026, 1, 10, 0, 0, tzinfo=UB)
ENDS = datetime(2026, 1, 12, 0, 0, tzinfo=UB)
TH_MEDIUM = Silence(
    id="sil-1",
    matchers={"desk": "th", "level": "medium"},
    starts=STARTS,
    ends=ENDS,
    created_by="staff-01",
    comment="duplicates",
)
ALERT = {"desk": "th", "level": "medium", "country": "TH", "case_id": "case-1"}


def test_a_matching_alert_inside_the_window_is_silenced() -> None:
    assert matching_silence([TH_MEDIUM], ALERT, STARTS) is TH_MEDIUM
    assert matching_silence([TH_MEDIUM], ALERT, ENDS - timedelta(seconds=1)) is TH_MEDIUM


def test_outside_the_window_nothing_is_silenced() -> None:
    assert matching_silence([TH_MEDIUM], ALERT, STARTS - timedelta(seconds=1)) is None
    assert matching_silence([TH_MEDIUM], ALERT, ENDS) is None


def test_every_matcher_must_match() -> None:
    inside = STARTS + timedelta(hours=1)
    assert matching_silence([TH_MEDIUM], {**ALERT, "level": "critical"}, inside) is None
    assert matching_silence([TH_MEDIUM], {**ALERT, "desk": "kh"}, inside) is None


def test_an_alert_without_the_matched_attribute_is_not_silenced() -> None:
    by_case = Silence("sil-2", {"case_id": "case-1"}, STARTS, ENDS, "staff-01")
    inside = STARTS + timedelta(hours=1)
    assert matching_silence([by_case], {"desk": "th", "level": "high"}, inside) is None
    assert matching_silence([by_case], ALERT, inside) is by_case


def test_matching_ignores_case() -> None:
    by_country = Silence("sil-3", {"country": "th"}, STARTS, ENDS, "staff-01")
    assert matching_silence([by_country], ALERT, STARTS) is by_country


def test_the_first_matching_silence_is_returned() -> None:
    other = Silence("sil-4", {"level": "medium"}, STARTS, ENDS, "staff-01")
    assert matching_silence([TH_MEDIUM, other], ALERT, STARTS) is TH_MEDIUM


def test_a_silence_must_name_something_to_match() -> None:
    with pytest.raises(ValueError, match="matcher"):
        Silence("sil-5", {}, STARTS, ENDS, "staff-01")
    with pytest.raises(ValueError, match="unknown"):
        Silence("sil-6", {"reporter": "x"}, STARTS, ENDS, "staff-01")
