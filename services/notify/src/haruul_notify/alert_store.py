"""Alerts, their audit trail and their escalation timers, persisted (SQLite, or PostgreSQL
shared by several notify instances).

Everything a restarted notify needs to carry on: open alerts with their state, and for each
escalation step whether it is pending, done or cancelled and when it is due. A step is marked
done only after its deliveries went out; a crash between the two re-runs the step, and the
delivery ledger makes the re-run send nothing twice.

Several instances share the timers safely: an instance *claims* due steps (and held SMS
bundles) for a lease before firing them, so no two fire the same step; a claim left by an
instance that died lapses with its lease. Alerts change by compare-and-set (`replace`), so an
acknowledgement on one instance is never overwritten by an update computed on another.

A new alert with its timers, and a finished step, are committed together with those of
concurrent callers (group commit): each caller still waits for its own to be synced.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from haruul_common.state_db import GroupCommit, StateDb, StateLocation
from haruul_notify.domain.alerts import LEVELS, level_rank
from haruul_notify.domain.lifecycle import PURGED, Alert, AlertState, AuditEntry

_SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    alert_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE,
    ack_code TEXT NOT NULL,
    state TEXT NOT NULL,
    level_rank INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_by_ack_code ON alerts (ack_code);
CREATE TABLE IF NOT EXISTS escalation_timers (
    alert_id TEXT NOT NULL,
    step INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    claimed_by TEXT,
    claimed_until TEXT,
    PRIMARY KEY (alert_id, step)
);
CREATE INDEX IF NOT EXISTS timers_pending ON escalation_timers (status, due_at);
CREATE TABLE IF NOT EXISTS sms_bundles (
    staff_id TEXT NOT NULL,
    alert_id TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    claimed_by TEXT,
    claimed_until TEXT,
    PRIMARY KEY (staff_id, alert_id)
);
"""


_ALERT_FIELDS = tuple(field.name for field in fields(Alert))
_AUDIT_FIELDS = tuple(field.name for field in fields(AuditEntry))


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _encode(alert: Alert) -> str:
    """The stored body: what `json.dumps(dataclasses.asdict(alert))` gives, to the byte (an
    alert changes by compare-and-set on it), without asdict's deep copies."""
    data: dict[str, Any] = {name: getattr(alert, name) for name in _ALERT_FIELDS}
    data["audit"] = [
        {name: getattr(entry, name) for name in _AUDIT_FIELDS} for entry in alert.audit
    ]
    return json.dumps(data, default=_json_default, ensure_ascii=False)


def _decode(body: str) -> Alert:
    data: dict[str, Any] = json.loads(body)
    data["state"] = AlertState(data["state"])
    data["opened_at"] = datetime.fromisoformat(data["opened_at"])
    data["updated_at"] = datetime.fromisoformat(data["updated_at"])
    data["indicator_codes"] = tuple(data["indicator_codes"])
    data["report_ids"] = tuple(data["report_ids"])
    data["places"] = tuple(data.get("places", ()))
    if data.get("accepted_at"):
        data["accepted_at"] = datetime.fromisoformat(data["accepted_at"])
    data["audit"] = tuple(
        AuditEntry(**{**entry, "at": datetime.fromisoformat(entry["at"])})
        for entry in data["audit"]
    )
    return Alert(**data)


_INSERT_ALERT = (
    "INSERT INTO alerts (alert_id, case_id, ack_code, state, level_rank, opened_at, body)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
_INSERT_TIMER = (
    "INSERT INTO escalation_timers (alert_id, step, due_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
)


def _timer_rows(alert_id: str, steps: Iterable[tuple[int, datetime]]) -> list[tuple[str, int, str]]:
    return [(alert_id, step, due_at.isoformat()) for step, due_at in steps]


class AlertStore:
    def __init__(self, path: StateLocation) -> None:
        self._db = StateDb(path, _SCHEMA)
        for table in ("escalation_timers", "sms_bundles"):
            self._db.add_missing_columns(table, {"claimed_by": "TEXT", "claimed_until": "TEXT"})
        self._writes = GroupCommit(path, "notify-timers")

    def get(self, alert_id: str) -> Alert | None:
        row = self._db.execute("SELECT body FROM alerts WHERE alert_id = ?", (alert_id,)).fetchone()
        return _decode(row[0]) if row else None

    def by_ack_code(self, code: str) -> Alert | None:
        row = self._db.execute(
            "SELECT body FROM alerts WHERE ack_code = ? ORDER BY opened_at DESC LIMIT 1",
            (code.upper(),),
        ).fetchone()
        return _decode(row[0]) if row else None

    async def insert(self, alert: Alert, steps: Iterable[tuple[int, datetime]] = ()) -> bool:
        """Store a new alert with its escalation steps, in one commit (synced when this
        returns); False, and nothing stored, when its case has one already (another instance
        won)."""
        row = (
            alert.alert_id,
            alert.case_id,
            alert.ack_code,
            alert.state.value,
            level_rank(alert.level),
            alert.opened_at.isoformat(),
            _encode(alert),
        )
        timers = _timer_rows(alert.alert_id, steps)

        def write(db: StateDb) -> bool:
            if db.execute(_INSERT_ALERT, row).rowcount != 1:
                return False
            if timers:
                db.executemany(_INSERT_TIMER, timers)
            return True

        return await self._writes.write(write)

    def replace(self, before: Alert, after: Alert) -> bool:
        """Store `after` only if the alert is still `before`; False when it changed meanwhile."""
        rows = self._db.execute(
            "UPDATE alerts SET state = ?, level_rank = ?, body = ? WHERE alert_id = ? AND body = ?",
            (
                after.state.value,
                level_rank(after.level),
                _encode(after),
                before.alert_id,
                _encode(before),
            ),
        )
        return rows.rowcount == 1

    def alerts(
        self,
        states: Iterable[AlertState] = (),
        min_level: str = "low",
        limit: int = 100,
        offset: int = 0,
    ) -> list[Alert]:
        wanted = [state.value for state in states] or [state.value for state in AlertState]
        rows = self._db.execute(
            "SELECT body FROM alerts WHERE level_rank >= ?"  # noqa: S608 - placeholders only
            f" AND state IN ({','.join('?' * len(wanted))})"
            " ORDER BY level_rank DESC, opened_at DESC LIMIT ? OFFSET ?",
            (level_rank(min_level), *wanted, limit, offset),
        ).fetchall()
        return [_decode(row[0]) for row in rows]

    def not_purged_before(self, cutoff: datetime) -> list[str]:
        """Ids of alerts opened before `cutoff` whose personal data is still there: the purge
        reads each old alert once, not again every hour."""
        rows = self._db.execute(
            "SELECT alert_id FROM alerts WHERE opened_at < ? AND body NOT LIKE ?"
            " ORDER BY opened_at",
            (cutoff.isoformat(), f'%"action": "{PURGED}"%'),
        ).fetchall()
        return [str(row[0]) for row in rows]

    def open_counts(self) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT level_rank, COUNT(*) FROM alerts WHERE state = 'open' GROUP BY level_rank"
        ).fetchall()
        return {LEVELS[int(rank)]: int(count) for rank, count in rows}

    def schedule(self, alert_id: str, steps: Iterable[tuple[int, datetime]]) -> None:
        """Persist escalation steps (one commit for all); steps already known keep their state."""
        with self._db.exclusive("notify-timers"):
            self._db.executemany(_INSERT_TIMER, _timer_rows(alert_id, steps))

    def due_steps(self, now: datetime) -> list[tuple[str, int]]:
        rows = self._db.execute(
            "SELECT alert_id, step FROM escalation_timers WHERE status = 'pending'"
            " AND due_at <= ? ORDER BY due_at, alert_id, step",
            (now.isoformat(),),
        ).fetchall()
        return [(str(alert_id), int(step)) for alert_id, step in rows]

    def claim_due_steps(self, now: datetime, owner: str, lease: timedelta) -> list[tuple[str, int]]:
        """The due steps no other live instance holds, now held by `owner` until the lease ends
        (or it finishes or releases them). `owner` may take back its own claims at once."""
        rows = self._db.execute(
            "UPDATE escalation_timers SET claimed_by = ?, claimed_until = ?"
            " WHERE status = 'pending' AND due_at <= ?"
            " AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?)"
            " RETURNING alert_id, step, due_at",
            (owner, (now + lease).isoformat(), now.isoformat(), now.isoformat(), owner),
        ).fetchall()
        ordered = sorted((str(due_at), str(alert_id), int(step)) for alert_id, step, due_at in rows)
        return [(alert_id, step) for _, alert_id, step in ordered]

    def release_step(self, alert_id: str, step: int, owner: str) -> None:
        """Not fired this time (a delivery failed, quiet hours): due again at the next tick."""
        self._db.execute(
            "UPDATE escalation_timers SET claimed_by = NULL, claimed_until = NULL"
            " WHERE alert_id = ? AND step = ? AND claimed_by = ?",
            (alert_id, step, owner),
        )

    def next_due(self) -> datetime | None:
        row = self._db.execute(
            "SELECT MIN(due_at) FROM escalation_timers WHERE status = 'pending'"
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    async def finish_step(self, alert_id: str, step: int) -> None:
        """The step went out (synced when this returns)."""
        await self._writes.write(
            lambda db: db.execute(
                "UPDATE escalation_timers SET status = 'done' WHERE alert_id = ? AND step = ?",
                (alert_id, step),
            )
        )

    def cancel_steps(self, alert_id: str) -> None:
        """Acknowledged or resolved: no further step fires."""
        self._db.execute(
            "UPDATE escalation_timers SET status = 'cancelled'"
            " WHERE alert_id = ? AND status = 'pending'",
            (alert_id,),
        )

    def step_status(self, alert_id: str) -> dict[int, str]:
        rows = self._db.execute(
            "SELECT step, status FROM escalation_timers WHERE alert_id = ?", (alert_id,)
        ).fetchall()
        return {int(step): str(status) for step, status in rows}

    def hold_sms(self, staff_id: str, alert_id: str, due_at: datetime) -> None:
        """An SMS held back by the rate limit, to go out in the staff member's next bundle."""
        self._db.execute(
            "INSERT INTO sms_bundles (staff_id, alert_id, due_at) VALUES (?, ?, ?)"
            " ON CONFLICT (staff_id, alert_id) DO UPDATE SET status = 'pending'",
            (staff_id, alert_id, due_at.isoformat()),
        )

    def claim_due_bundles(
        self, now: datetime, owner: str, lease: timedelta
    ) -> dict[str, list[str]]:
        """staff id -> alert ids whose held SMS may go now (every one held for that person),
        claimed by `owner` like escalation steps."""
        due_staff = [
            str(row[0])
            for row in self._db.execute(
                "SELECT DISTINCT staff_id FROM sms_bundles WHERE status = 'pending'"
                " AND due_at <= ?",
                (now.isoformat(),),
            ).fetchall()
        ]
        bundles: dict[str, list[str]] = {}
        for staff_id in due_staff:
            rows = self._db.execute(
                "UPDATE sms_bundles SET claimed_by = ?, claimed_until = ?"
                " WHERE staff_id = ? AND status = 'pending'"
                " AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?)"
                " RETURNING alert_id, due_at",
                (owner, (now + lease).isoformat(), staff_id, now.isoformat(), owner),
            ).fetchall()
            if rows:
                bundles[staff_id] = [str(a) for _, a in sorted((str(d), str(a)) for a, d in rows)]
        return bundles

    def release_bundle(self, staff_id: str, owner: str) -> None:
        self._db.execute(
            "UPDATE sms_bundles SET claimed_by = NULL, claimed_until = NULL"
            " WHERE staff_id = ? AND status = 'pending' AND claimed_by = ?",
            (staff_id, owner),
        )

    def finish_bundle(self, staff_id: str, alert_ids: list[str]) -> None:
        self._db.executemany(
            "UPDATE sms_bundles SET status = 'sent' WHERE staff_id = ? AND alert_id = ?",
            [(staff_id, alert_id) for alert_id in alert_ids],
        )

    def close(self) -> None:
        self._writes.close()
        self._db.close()
