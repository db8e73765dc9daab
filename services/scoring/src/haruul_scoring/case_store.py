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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

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
        nothing: when one fails, none is linked.

        What the batch touches is read first, in three queries; the decisions are made in
        memory and written at the end with one statement per table (a merge writes what came
        before it first). A handful of statements a batch, not six a report: on PostgreSQL each
        statement is a round trip, and batches of 100 took ~480 µs a report that way, ~80 µs
        this way (BENCHMARKS.md). On SQLite the disk sync dominates either way."""
        if not requests:
            return []
        with self._db.exclusive("scoring-cases"):
            # seq orders reports as they were linked (the lock makes MAX + 1 safe).
            top = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM case_reports").fetchone()
            batch = _Batch(self._db, requests, first_seq=int(top[0]) + 1)
            views = [batch.link(request) for request in requests]
            batch.write()
            return views

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


class _Batch:
    """One transaction's worth of links: the part of the index they touch, read up front and
    kept up to date in memory, and the rows still to write."""

    def __init__(self, db: StateDb, requests: Sequence[LinkRequest], first_seq: int) -> None:
        self._db = db
        self._seq = itertools.count(first_seq)
        report_ids = sorted({request.report_id for request in requests})
        hashes = sorted({h for request in requests for h in request.contact_hashes})
        self._known = dict(_rows(db, "report_id, case_id", "case_reports", "report_id", report_ids))
        self._contacts = dict(
            _rows(db, "contact_hash, case_id", "contact_cases", "contact_hash", hashes)
        )
        # and the case each report would open: its id may already be taken (a report sent
        # again after the retention purge forgot it)
        touched = sorted(
            {*self._known.values(), *self._contacts.values(), *map(case_id_for, report_ids)}
        )
        # case id -> (level, source, seq) of each of its reports
        self._reports: dict[str, list[tuple[str, str, int]]] = {}
        for case_id, level, source, seq in _rows(
            db, "case_id, level, source, seq", "case_reports", "case_id", touched
        ):
            self._reports.setdefault(case_id, []).append((level, source, int(seq)))
        self._new_contacts: list[tuple[str, str, str]] = []
        self._named_again: list[tuple[str, str, str]] = []
        self._new_reports: list[tuple[str, str, str, str, int, str]] = []

    def link(self, request: LinkRequest) -> CaseView:
        known = self._known.get(request.report_id)
        if known is not None:
            return self._view(known)
        hashes = sorted(request.contact_hashes)
        linked_at = (request.at or datetime.now(UTC)).isoformat()
        existing = {h: self._contacts[h] for h in hashes if h in self._contacts}
        decision = link_report(
            request.report_id,
            hashes,
            existing,
            case_id_for(request.report_id),
            opened=self._opened(set(existing.values())),
        )
        case_id = decision.case_id
        for merged in decision.merged_case_ids:
            self._merge(merged, case_id)
        for h in decision.new_links:
            self._contacts[h] = case_id
            self._new_contacts.append((h, case_id, linked_at))
        # a contact named again keeps its link alive
        self._named_again.extend((linked_at, h, linked_at) for h in hashes)
        seq = next(self._seq)
        self._reports.setdefault(case_id, []).append((request.level, request.source, seq))
        self._new_reports.append(
            (request.report_id, case_id, request.level, request.source, seq, linked_at)
        )
        self._known[request.report_id] = case_id
        view = self._view(case_id)
        return CaseView(
            view.case_id,
            view.level,
            view.report_count,
            view.independent_sources,
            decision.merged_case_ids,
        )

    def _opened(self, case_ids: set[str]) -> dict[str, int]:
        """Cases in the order they were opened: by the sequence number of their first report."""
        return {
            case_id: min(seq for _, _, seq in self._reports[case_id])
            for case_id in case_ids
            if self._reports.get(case_id)
        }

    def _merge(self, merged: str, into: str) -> None:
        """Move every report and contact of `merged` into `into`, on disk and here. Rare: the
        rows waiting to be written go first, so the move reaches them too."""
        self.write()
        for table in ("contact_cases", "case_reports"):
            self._db.execute(
                f"UPDATE {table} SET case_id = ? WHERE case_id = ?",  # noqa: S608
                (into, merged),
            )
        self._reports.setdefault(into, []).extend(self._reports.pop(merged, []))
        for index in (self._contacts, self._known):
            for key, case_id in index.items():
                if case_id == merged:
                    index[key] = into

    def _view(self, case_id: str) -> CaseView:
        reports = self._reports.get(case_id, [])
        sources = len({source for _, source, _ in reports})
        levels = [level for level, _, _ in reports]
        return CaseView(case_id, case_level(levels, sources).value, len(reports), sources)

    def write(self) -> None:
        """Write the rows decided so far."""
        if self._new_contacts:
            self._db.executemany(
                "INSERT INTO contact_cases (contact_hash, case_id, linked_at) VALUES (?, ?, ?)"
                " ON CONFLICT (contact_hash) DO UPDATE SET case_id = excluded.case_id",
                self._new_contacts,
            )
        if self._named_again:
            self._db.executemany(
                "UPDATE contact_cases SET linked_at = ? WHERE contact_hash = ? AND linked_at < ?",
                self._named_again,
            )
        if self._new_reports:
            self._db.executemany(
                "INSERT INTO case_reports (report_id, case_id, level, source, seq, linked_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                self._new_reports,
            )
        self._new_contacts, self._named_again, self._new_reports = [], [], []


def _rows(
    db: StateDb, columns: str, table: str, key: str, values: Sequence[str]
) -> list[tuple[Any, ...]]:
    """`columns` of the rows of `table` whose `key` is one of `values`."""
    if not values:
        return []
    return [
        tuple(row)
        for row in db.execute(
            f"SELECT {columns} FROM {table}"  # noqa: S608 - our names, placeholders only
            f" WHERE {key} IN ({_placeholders(len(values))})",
            values,
        ).fetchall()
    ]
