"""The messages one staff member gets for one alert: the first page, an escalation page, an
update on the case — each a `Delivery` with an idempotency key that names the alert, the
recipient, the channel and the step, so that no retry, redelivery or restart pages twice.

Escalation steps are numbered per level (`step_code`): when a case's level rises, the new
level's chain starts without colliding with the steps already sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from haruul_notify.domain.alerts import LEVELS, AlertFacts, Channel, Delivery, level_rank
from haruul_notify.domain.lifecycle import Alert
from haruul_notify.domain.routing import Desk, Staff
from haruul_notify.domain.templates import (
    DigestItem,
    bundle_sms,
    digest_email,
    escalation_sms,
    page_email,
    page_sms,
    update_sms,
)

_PER_LEVEL = 100
# The step of a level's chain that is its digest rather than a page.
DIGEST_INDEX = 99


def step_code(level: str, index: int) -> int:
    return level_rank(level) * _PER_LEVEL + index


def step_of(code: int) -> tuple[str, int]:
    """(level, index in that level's chain) of a step code."""
    rank, index = divmod(code, _PER_LEVEL)
    return LEVELS[rank], index


def facts_of(alert: Alert) -> AlertFacts:
    return AlertFacts(
        report_id=alert.report_ids[-1],
        level=alert.level,
        score=alert.score,
        stage=alert.stage,
        indicator_codes=alert.indicator_codes,
        places=alert.places,
        explanation=alert.explanation,
        destination_country=alert.destination_country,
    )


def _key(alert: Alert, staff: Staff, channel: Channel, step: str) -> str:
    return f"{alert.alert_id}/{staff.id}/{channel.value}/{step}"


def _pair(
    alert: Alert,
    staff: Staff,
    step: str,
    sms: str,
    subject: str,
    body: str,
    channels: Sequence[Channel] = (Channel.SMS, Channel.EMAIL),
) -> tuple[Delivery, ...]:
    """The message on each of `channels`, each carrying its twin on the other channel as the
    fallback. The twin has the key the other channel has in this step, so a step that already
    uses both channels never sends the fallback twice."""
    both = {
        channel: Delivery(
            idempotency_key=_key(alert, staff, channel, step),
            alert_id=alert.alert_id,
            report_id=alert.report_ids[-1],
            recipient_id=staff.id,
            channel=channel,
            address=address,
            subject=title,
            body=text,
        )
        for channel, address, text, title in (
            (Channel.SMS, staff.phone, sms, ""),
            (Channel.EMAIL, staff.email, body, subject),
        )
        if address
    }
    return tuple(
        replace(both[channel], fallback=both.get(channel.other))
        for channel in channels
        if channel in both
    )


def page(
    alert: Alert,
    staff: Staff,
    code: int,
    waited: timedelta,
    desk_name: str,
    ack_link: str,
    channels: Sequence[Channel] = (Channel.SMS, Channel.EMAIL),
) -> tuple[Delivery, ...]:
    """The page of step `code` on `channels`: the first page, or "nobody acknowledged — you're
    next"."""
    facts = facts_of(alert)
    escalated = step_of(code)[1] > 0
    sms = (
        escalation_sms(staff.language, alert.alert_id, facts, waited, alert.ack_code)
        if escalated
        else page_sms(staff.language, alert.alert_id, facts, alert.ack_code)
    )
    email = page_email(
        staff.language, alert.alert_id, facts, desk_name, ack_link, waited if escalated else None
    )
    return _pair(alert, staff, f"step-{code}", sms, email.subject, email.body, channels)


def update(alert: Alert, staff: Staff, desk_name: str, ack_link: str) -> tuple[Delivery, ...]:
    """ "N new reports on case …" to someone already paged, instead of a second page."""
    new_reports = len(alert.report_ids) - 1
    sms = update_sms(staff.language, alert.alert_id, alert.case_id, new_reports, alert.ack_code)
    email = page_email(staff.language, alert.alert_id, facts_of(alert), desk_name, ack_link)
    subject = f"{email.subject} (+{new_reports})"
    return _pair(
        alert, staff, f"update-{len(alert.report_ids)}", sms, subject, sms + "\n\n" + email.body
    )


def digest_deliveries(
    desk: Desk, staff: Staff, level: str, day: date, alerts: Sequence[Alert]
) -> tuple[Delivery, ...]:
    """The e-mail of one desk's `level` alerts collected for `staff` on `day`."""
    if not staff.email or not alerts:
        return ()
    email = digest_email(
        staff.language,
        desk.name,
        level,
        day,
        [DigestItem(alert.alert_id, facts_of(alert)) for alert in alerts],
    )
    first = alerts[0]
    return (
        Delivery(
            idempotency_key=f"digest/{desk.id}/{level}/{day.isoformat()}/{staff.id}/"
            + ",".join(sorted(alert.alert_id for alert in alerts)),
            alert_id=first.alert_id,
            report_id=first.report_ids[-1],
            recipient_id=staff.id,
            channel=Channel.EMAIL,
            address=staff.email,
            subject=email.subject,
            body=email.body,
        ),
    )


def bundle_delivery(staff: Staff, alerts: Sequence[Alert]) -> Delivery:
    """One SMS for the alerts held back from `staff` by the rate limit."""
    ids = sorted(alert.alert_id for alert in alerts)
    return Delivery(
        idempotency_key=f"bundle/{staff.id}/" + ",".join(ids),
        alert_id=alerts[0].alert_id,
        report_id=alerts[0].report_ids[-1],
        recipient_id=staff.id,
        channel=Channel.SMS,
        address=staff.phone,
        subject="",
        body=bundle_sms(staff.language, [(a.alert_id, a.level, a.ack_code) for a in alerts]),
    )
