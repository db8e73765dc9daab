"""What came out of the platform, read from where a person would look, and the two figures.

- acknowledged reports: the load generator's `202`s (report ids);
- records on `haruul.reports.v1` and risk events on `haruul.risk-events.v1` (distinct report ids);
- alerts: the alert desk (`ListAlerts`, what `haruul alerts list --json` shows);
- deliveries: what the gateway's channels really sent — the SMS file sink's files and the
  SMTP sink's messages — each traced to its delivery's idempotency key (alert/recipient/
  channel/step) through the gateway's receipts, where one was written.

**lost**: an acknowledged report that is missing from the reports topic, has no risk event, has
no alert, or whose page never reached the officer on call (step 0, on any channel — a fallback to
the other channel counts); for a critical case also the escalation page to the secondary.
**duplicates**: the same (alert, recipient, channel, step) sent more than once by a channel — a
person paged twice. A risk event republished after a crash is at-least-once delivery between
services and is counted apart (`republished`), not as a duplicate: it pages nobody twice.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_notify.domain.lifecycle import alert_id_for_case
from tests.support.kafka import read_all
from tests.support.routing import PRIMARY_PHONE, SECONDARY_PHONE

PRIMARY = {PRIMARY_PHONE, "primary@consulate.example"}
SECONDARY = {SECONDARY_PHONE, "secondary@consulate.example"}
_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}
PAGED_FROM = "high"  # the routing pages high and critical at once; medium waits for a digest


def _address(value: str) -> str:
    value = value.strip()
    return "+" + re.sub(r"\D", "", value) if "@" not in value else value.casefold()


@dataclass(frozen=True)
class Delivery:
    alert_id: str
    channel: str
    address: str
    message_id: str
    step: str | None  # from the gateway's receipt; None when the gateway wrote none


@dataclass(frozen=True)
class RiskEvent:
    report_id: str
    level: str
    case_id: str

    @property
    def alert_id(self) -> str:
        return alert_id_for_case(self.case_id)


def read_report_ids(bootstrap: str) -> Counter[str]:
    return Counter((r.key or b"").decode() for r in read_all(bootstrap, REPORTS.name))


def read_risk_events(bootstrap: str) -> dict[str, list[RiskEvent]]:
    events: dict[str, list[RiskEvent]] = defaultdict(list)
    for record in read_all(bootstrap, RISK_EVENTS.name):
        data = json.loads(record.value)
        level = max(data["level"], data.get("case_level") or data["level"], key=_RANK.__getitem__)
        events[data["report_id"]].append(RiskEvent(data["report_id"], level, data["case_id"]))
    return events


@dataclass(frozen=True)
class HeldKey:
    """A report never acknowledged, as intake's idempotency store remembers its key."""

    report_id: str  # the id intake gave it when it claimed the key
    published_mark: bool  # intake marked it published (so a retry would replay the 202)
    on_reports_topic: bool
    paged: bool


def held_keys(
    intake_db: Path,
    keys: Iterable[str],
    reports: Counter[str],
    events: Mapping[str, list[RiskEvent]],
    deliveries: Iterable[Delivery],
) -> list[HeldKey]:
    """What became of reports whose every retry was refused: intake's state database names the
    report id it claimed for the key, and the topics and sinks tell whether it went out anyway."""
    paged = {d.alert_id for d in deliveries if d.address in PRIMARY}
    found = []
    with sqlite3.connect(f"file:{intake_db}?mode=ro", uri=True) as db:
        for key in keys:
            row = db.execute(
                "SELECT report_id, published FROM idempotency_keys WHERE idempotency_key = ?",
                (key,),
            ).fetchone()
            if row is None:
                continue
            report_id = str(row[0])
            alerts = {e.alert_id for e in events.get(report_id, [])}
            found.append(
                HeldKey(
                    report_id, bool(row[1]), reports.get(report_id, 0) > 0, bool(alerts & paged)
                )
            )
    return found


def _receipt_steps(receipts_db: Path) -> dict[str, str]:
    """channel message id -> the step of the delivery's idempotency key."""
    if not receipts_db.exists():
        return {}
    with sqlite3.connect(f"file:{receipts_db}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT channel_message_id, idempotency_key FROM receipts").fetchall()
    return {str(message_id): str(key).rsplit("/", 1)[-1] for message_id, key in rows}


class DeliveryReader:
    """Reads the channels' sinks; each file is parsed once (a run leaves thousands)."""

    def __init__(self, sms_dir: Path, email_dir: Path, receipts_db: Path) -> None:
        self._sms_dir, self._email_dir, self._receipts_db = sms_dir, email_dir, receipts_db
        self._parsed: dict[Path, tuple[str, str, str, str]] = {}
        self._parser = email.parser.BytesHeaderParser(policy=email.policy.default)

    def _sms(self, path: Path) -> tuple[str, str, str, str] | None:
        try:
            sms = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # written atomically; a half file is never renamed to .json
        return str(sms["alert_id"]), "sms", _address(sms["to"]), str(sms["message_id"])

    def _email(self, path: Path) -> tuple[str, str, str, str] | None:
        headers = self._parser.parsebytes(path.read_bytes())
        return (
            str(headers["X-Haruul-Alert-Id"] or ""),
            "email",
            _address(str(headers["To"] or "")),
            str(headers["Message-ID"] or ""),
        )

    def read(self) -> list[Delivery]:
        for directory, pattern, parse in (
            (self._sms_dir, "*.json", self._sms),
            (self._email_dir, "*.eml", self._email),
        ):
            for path in directory.glob(pattern) if directory.exists() else []:
                if path not in self._parsed:
                    parsed = parse(path)
                    if parsed is not None:
                        self._parsed[path] = parsed
        steps = _receipt_steps(self._receipts_db)
        return [
            Delivery(alert_id, channel, address, message_id, steps.get(message_id))
            for alert_id, channel, address, message_id in self._parsed.values()
        ]


def duplicates(deliveries: Iterable[Delivery]) -> dict[tuple[str, str, str], int]:
    """(alert, channel, address) -> messages beyond one per step. A message the gateway sent
    but could not record (killed between the send and its receipt) has no known step; with this
    routing a recipient is paged in one step of an alert, so it is counted with that step."""
    groups: dict[tuple[str, str, str], list[Delivery]] = defaultdict(list)
    for delivery in deliveries:
        groups[(delivery.alert_id, delivery.channel, delivery.address)].append(delivery)
    extra = {}
    for key, sent in groups.items():
        steps = {d.step for d in sent if d.step is not None}
        surplus = len(sent) - max(1, len(steps))
        if surplus > 0:
            extra[key] = surplus
    return extra


@dataclass
class PhaseAudit:
    phase: str
    acknowledged: int
    missing: dict[str, list[str]] = field(default_factory=dict)  # reason -> report ids
    lost_ids: set[str] = field(default_factory=set)
    events: int = 0  # acknowledged reports with a risk event
    alerts: int = 0  # acknowledged reports whose alert the desk shows
    paged: int = 0  # acknowledged reports whose officer on call was paged
    not_paged_level: int = 0  # scored below the paging level: no page expected
    republished: int = 0  # reports with more than one risk event (at-least-once, not a page)

    @property
    def lost(self) -> int:
        return len(self.lost_ids)


def audit_phase(
    phase: str,
    acknowledged: Iterable[str],
    reports: Counter[str] | None,
    events: Mapping[str, list[RiskEvent]],
    deliveries: Iterable[Delivery],
    alert_ids: set[str] | None,
    *,
    escalation_expected: bool,
) -> PhaseAudit:
    """Which acknowledged reports of `phase` went missing, and where. `reports` and
    `alert_ids` None skip those checks (while draining, only events and pages are awaited)."""
    paged_to: dict[str, set[str]] = defaultdict(set)
    for delivery in deliveries:
        paged_to[delivery.alert_id].add(delivery.address)
    ids = list(acknowledged)
    result = PhaseAudit(phase, len(ids))
    missing: dict[str, list[str]] = defaultdict(list)
    for report_id in ids:
        if reports is not None and reports.get(report_id, 0) == 0:
            missing["not on the reports topic"].append(report_id)
        found = events.get(report_id, [])
        if not found:
            missing["no risk event"].append(report_id)
            continue
        result.events += 1
        result.republished += len(found) > 1
        event = found[0]
        if alert_ids is not None and _RANK[event.level] >= _RANK[PAGED_FROM]:
            if event.alert_id in alert_ids:
                result.alerts += 1
            else:
                missing["no alert"].append(report_id)
        if _RANK[event.level] < _RANK[PAGED_FROM]:
            result.not_paged_level += 1
            continue
        reached = paged_to.get(event.alert_id, set())
        if reached & PRIMARY:
            result.paged += 1
        else:
            missing["officer on call not paged"].append(report_id)
        if event.level == "critical" and escalation_expected and not reached & SECONDARY:
            missing["escalation not paged"].append(report_id)
    result.missing = dict(missing)
    result.lost_ids = {report_id for found in missing.values() for report_id in found}
    return result
