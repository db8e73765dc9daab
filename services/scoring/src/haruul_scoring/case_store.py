"""The case index: which reports belong together, and which hashed contacts point at which case.

A store reached by URL, not keyed Kafka state: a report may name several contacts, each of which
may already belong to a different case, so linking is a small transaction over all of them
(join, or merge cases) — which a database does in one step, while keyed state would need a
repartition topic per contact and a second pass to merge. SQLite (WAL) serves one scoring
instance; several instances in one consumer group need a shared database (PostgreSQL by URL,
the same schema), since their partitions' reports can name the same recruiter.

Only keyed hashes of contact values are stored (see `hash_contact_key`); never the values.
Linking is idempotent per report, so a redelivered report does not count twice.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from haruul_common.state_db import StateDb, StateLocation
from haruul_scoring.domain.cases import case_id_for, case_level, link_report

_SCHEMA = """
CREATE TABLE IF NOT EXISTS contact_cases (
    contact_hash TEXT PRIMARY KEY,
    case_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_cases_by_case ON contact_cases (case_id);
CREATE TABLE IF NOT EXISTS case_reports (
    report_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    level TEXT NOT NULL,
    source TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS case_reports_by_case ON case_reports (case_id);
"""


@dataclass(frozen=True)
class LinkRequest:
    """One report to link: its id, the hashes of the contacts it names, its level, its source,
    and when it was accepted (`None`: now), which dates its links for the retention purge."""

    report_id: str
    contact_hashes: frozenset[str]
    level: str
    source: str
    at: datetime | None = None


@dataclass(frozen=True)
class CaseView:
    case_id: str
    level: str
    report_count: int
    independent_sources: int
    merged_case_ids: tuple[str, ...] = ()


class CaseStore:
    def __init__(self, path: StateLocation) -> None:
        self._db = StateDb(path, _SCHEMA)
        self._db.add_missing_columns(
            "case_reports", {"seq": "INTEGER NOT NULL DEFAULT 0", "linked_at": "TEXT"}
        )
        self._db.add_missing_columns("contact_cases", {"linked_at": "TEXT"})

    def link(
        self,
        report_id: str,
        contact_hashes: Iterable[str],
        level: str,
        source: str,
        at: datetime | None = None,
    ) -> CaseView:
        """Put the report in its case (joining or merging cases); return the case as it is now.
        `at` (when the report was accepted) dates the links for the retention purge."""
        [view] = self.link_all(
            [LinkRequest(report_id, frozenset(contact_hashes), level, source, at)]
        )
        return view

    def link_all(self, requests: Sequence[LinkRequest]) -> list[CaseView]:
        """Link reports in order, in one transaction (one disk sync for all of them): each sees
        the links of those before it, so reports naming one contact share a case. All or
        nothing: when one fails, none is linked."""
        if not requests:
            return []
        with self._db.exclusive("scoring-cases"):
            # seq orders reports as they were linked (the lock makes MAX + 1 safe).
            top = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM case_reports").fetchone()
            sequence = itertools.count(int(top[0]) + 1)
            return [self._link(request, sequence) for request in requests]

    def _link(self, request: LinkRequest, sequence: Iterator[int]) -> CaseView:
        report_id = request.report_id
        hashes = sorted(request.contact_hashes)
        linked_at = (request.at or datetime.now(UTC)).isoformat()
        known = self._db.execute(
            "SELECT case_id FROM case_reports WHERE report_id = ?", (report_id,)
        ).fetchone()
        if known is not None:
            return self._view(str(known[0]))
        existing = self._cases_of(hashes)
        decision = link_report(
            report_id,
            hashes,
            existing,
            case_id_for(report_id),
            opened=self._opened(set(existing.values())),
        )
        for merged in decision.merged_case_ids:
            for table in ("contact_cases", "case_reports"):
                self._db.execute(
                    f"UPDATE {table} SET case_id = ? WHERE case_id = ?",  # noqa: S608
                    (decision.case_id, merged),
                )
        self._db.executemany(
            "INSERT INTO contact_cases (contact_hash, case_id, linked_at) VALUES (?, ?, ?)"
            " ON CONFLICT (contact_hash) DO UPDATE SET case_id = excluded.case_id",
            [(h, decision.case_id, linked_at) for h in decision.new_links],
        )
        if hashes:  # a contact named again keeps its link alive
            self._db.execute(
                "UPDATE contact_cases SET linked_at = ?"  # noqa: S608 - placeholders only
                f" WHERE contact_hash IN ({_placeholders(len(hashes))}) AND linked_at < ?",
                (linked_at, *hashes, linked_at),
            )
        self._db.execute(
            "INSERT INTO case_reports (report_id, case_id, level, source, seq, linked_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (report_id, decision.case_id, request.level, request.source, next(sequence), linked_at),
        )
        view = self._view(decision.case_id)
        return CaseView(
            view.case_id,
            view.level,
            view.report_count,
            view.independent_sources,
            decision.merged_case_ids,
        )

    def _cases_of(self, hashes: list[str]) -> dict[str, str]:
        """contact hash -> case id, for the hashes already in the index."""
        if not hashes:
            return {}
        rows = self._db.execute(
            "SELECT contact_hash, case_id FROM contact_cases"  # noqa: S608 - placeholders only
            f" WHERE contact_hash IN ({_placeholders(len(hashes))})",
            hashes,
        ).fetchall()
        return {str(contact_hash): str(case_id) for contact_hash, case_id in rows}

    def _opened(self, case_ids: set[str]) -> dict[str, int]:
        """Cases in the order they were opened: by the sequence number of their first report."""
        if not case_ids:
            return {}
        rows = self._db.execute(
            "SELECT case_id, MIN(seq) FROM case_reports"  # noqa: S608 - placeholders only
            f" WHERE case_id IN ({_placeholders(len(case_ids))}) GROUP BY case_id",
            sorted(case_ids),
        ).fetchall()
        return {str(case_id): int(first) for case_id, first in rows}

    def _view(self, case_id: str) -> CaseView:
        rows = self._db.execute(
            "SELECT level, source FROM case_reports WHERE case_id = ?", (case_id,)
        ).fetchall()
        levels = [str(row[0]) for row in rows]
        sources = len({str(row[1]) for row in rows})
        return CaseView(case_id, case_level(levels, sources).value, len(rows), sources)

    def purge_before(self, cutoff: datetime) -> int:
        """Forget reports linked, and contacts last named, before `cutoff` (retention): a later
        report naming an old contact starts a new case. Returns how many rows went."""
        with self._db.exclusive("scoring-cases"):
            reports = self._db.execute(
                "DELETE FROM case_reports WHERE linked_at < ?", (cutoff.isoformat(),)
            ).rowcount
            contacts = self._db.execute(
                "DELETE FROM contact_cases WHERE linked_at < ?", (cutoff.isoformat(),)
            ).rowcount
        return max(reports, 0) + max(contacts, 0)

    def close(self) -> None:
        self._db.close()


def _placeholders(count: int) -> str:
    return ",".join("?" * count)
