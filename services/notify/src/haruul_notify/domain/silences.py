"""Silences: a matcher plus a time window that mutes matching alerts.

A silence matches when `starts <= now < ends` and every one of its matchers equals the
alert's attribute of the same name (compared without regard to case, so `kh` matches `KH`).
An alert that lacks a matched attribute (no case id, say) is not silenced by it. A silence
without matchers never matches: muting everything must be a deliberate, visible act.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from haruul_notify.domain.routing import Silence


def is_active(silence: Silence, now: datetime) -> bool:
    return silence.starts <= now < silence.ends


def silence_matches(silence: Silence, alert_attributes: Mapping[str, str], now: datetime) -> bool:
    if not silence.matchers or not is_active(silence, now):
        return False
    for key, wanted in silence.matchers.items():
        actual = alert_attributes.get(key)
        if actual is None or actual.casefold() != wanted.casefold():
            return False
    return True


def matching_silence(
    silences: Iterable[Silence], alert_attributes: Mapping[str, str], now: datetime
) -> Silence | None:
    """The first silence (in configuration order) that mutes this alert now, or None."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    for silence in silences:
        if silence_matches(silence, alert_attributes, now):
            return silence
    return None
