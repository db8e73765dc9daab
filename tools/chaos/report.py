"""The chaos run's final table, and its result as JSON."""

from __future__ import annotations

import dataclasses
from typing import Any

from tools.chaos.run import ChaosResult, SessionResult

_COLUMNS = (
    ("phase", 8), ("offered", 8), ("acked", 7), ("503", 6), ("429", 5), ("409", 5),
    ("conn.err", 9), ("unanswered", 11), ("events", 7), ("republ.", 8), ("alerts", 7),
    ("paged", 6), ("no page due", 12), ("lost", 5), ("dupl.", 6),
)  # fmt: skip


def _answers(session: SessionResult, status: str) -> int:
    return sum(n for answer, n in session.load.answers.items() if answer.split(":")[0] == status)


def _row(session: SessionResult, duplicates: int) -> list[str]:
    books = session.books
    return [
        session.phase,
        str(session.load.due),
        str(books.acknowledged),
        str(_answers(session, "503")),
        str(_answers(session, "429")),
        str(_answers(session, "409")),
        str(_answers(session, "error")),
        str(sum(session.unanswered.values())),
        str(books.events),
        str(books.republished),
        str(books.alerts) if session.desk_error is None else "n/a",
        str(books.paged),
        str(books.not_paged_level),
        str(books.lost),
        str(duplicates),
    ]


def session_duplicates(result: ChaosResult, session: SessionResult) -> int:
    return sum(
        n for (alert_id, _, _), n in result.duplicates.items() if alert_id in session.alert_ids
    )


def render(result: ChaosResult) -> str:
    lines = ["", "  ".join(name.rjust(width) for name, width in _COLUMNS)]
    for session in result.sessions:
        cells = _row(session, session_duplicates(result, session))
        lines.append("  ".join(c.rjust(w) for c, (_, w) in zip(cells, _COLUMNS, strict=True)))
    lines.append("")
    for session in result.sessions:
        for reason, ids in session.books.missing.items():
            shown = ", ".join(sorted(ids)[:5]) + (" …" if len(ids) > 5 else "")
            lines.append(
                f"LOST in {session.phase}: {len(ids)} acknowledged report(s): {reason}: {shown}"
            )
        if session.books.not_paged_level:
            lines.append(
                f"{session.phase}: {session.books.not_paged_level} acknowledged report(s) were"
                " scored below high by the scoring service (the texts were chosen as critical or"
                " high by the engine in this process): no page was due"
            )
        if session.desk_error:
            lines.append(f"{session.phase}: the alert desk could not be read: {session.desk_error}")
        if session.unanswered:
            detail = ", ".join(f"{k}: {v}" for k, v in sorted(session.unanswered.items()))
            lines.append(
                f"{session.phase}: never acknowledged (last answer: {detail}) — not promised, so"
                " not lost; see README 'Faults'"
            )
        for held in session.held:
            lines.append(
                f"FINDING: {session.phase}: intake answered 409 idempotency_key_in_progress to"
                f" every retry of report {held.report_id} until the end: its key was claimed"
                " by an intake that was then killed, and is never released (marked published:"
                f" {'yes' if held.published_mark else 'no'}; on the reports topic:"
                f" {'yes' if held.on_reports_topic else 'no'}; paged:"
                f" {'yes' if held.paged else 'no'})"
            )
    for finding in result.findings:
        lines.append(f"FINDING: {finding}")
    for (alert_id, channel, address), n in sorted(result.duplicates.items()):
        lines.append(f"DUPLICATE: {alert_id} {channel} to {address}: {n} extra")
    lines.append(
        f"deliveries by the gateway's channels: {result.deliveries};"
        f" run took {result.duration_s:.0f} s"
    )
    lines.append(f"lost={result.lost} duplicates={result.duplicate_count}")
    return "\n".join(lines)


def as_json(result: ChaosResult) -> dict[str, Any]:
    return {
        "lost": result.lost,
        "duplicates": result.duplicate_count,
        "passed": result.passed,
        "duration_s": round(result.duration_s, 1),
        "deliveries": result.deliveries,
        "sessions": [
            {
                "phase": s.phase,
                "offered": s.load.due,
                "acknowledged": s.books.acknowledged,
                "answers": s.load.answers,
                "unanswered": s.unanswered,
                "events": s.books.events,
                "republished": s.books.republished,
                "alerts": s.books.alerts,
                "paged": s.books.paged,
                "no_page_due": s.books.not_paged_level,
                "lost": s.books.lost,
                "missing": {k: sorted(v) for k, v in s.books.missing.items()},
                "duplicates": session_duplicates(result, s),
                "desk_error": s.desk_error,
                "held_keys": [dataclasses.asdict(h) for h in s.held],
            }
            for s in result.sessions
        ],
        "duplicate_deliveries": [
            {"alert_id": a, "channel": c, "address": d, "extra": n}
            for (a, c, d), n in sorted(result.duplicates.items())
        ],
        "findings": result.findings,
        "timeline": result.timeline,
    }
