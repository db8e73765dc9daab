"""Corrupt, truncated, unknown-version and foreign-sealed reports: each goes to the dead-letter
topic with a reason that names the problem (never the content), and scoring carries on."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from haruul_common.sealing import KeyRing, Sealer, new_key_text
from haruul_common.topics import REPORTS
from haruul_scoring.case_store import CaseStore
from haruul_scoring.handler import ReportHandler
from haruul_scoring.metrics import ScoringMetrics
from tests.unit.scoring.test_handler_batches import SlowSink, _record, _report

GOOD = _report()
GOOD_JSON = GOOD.model_dump_json().encode()
FOREIGN_SEAL = Sealer(KeyRing.parse(new_key_text("k9")), REPORTS.name, REPORTS.sealed_fields)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"\x00\xff\xfe corrupt", "not a v1 report (payload)"),
        (GOOD_JSON[: len(GOOD_JSON) // 2], "not a v1 report (payload)"),
        (GOOD_JSON.replace(b'"schema_version":1', b'"schema_version":2'), "(schema_version)"),
        (b"[1, 2, 3]", "not a v1 report"),
        (
            FOREIGN_SEAL.seal_json(GOOD.model_dump(mode="json"), b"k"),
            "report: sealed with key id 'k9', which this service does not hold",
        ),
    ],
    ids=["corrupt", "truncated", "unknown-version", "not-an-object", "foreign-seal"],
)
async def test_a_bad_report_is_dead_lettered_with_its_reason_and_the_next_is_scored(
    tmp_path: Path, value: bytes, reason: str
) -> None:
    sink = SlowSink()
    handler = ReportHandler(
        sink,
        ScoringMetrics(CollectorRegistry()),
        CaseStore(tmp_path / "cases.db"),
        b"salt",
        sealer=Sealer(KeyRing.parse(new_key_text("k1")), REPORTS.name, REPORTS.sealed_fields),
    )
    try:
        await handler.handle(_record(1, value))
        await handler.handle(_record(2, GOOD_JSON))
    finally:
        handler.close()

    [(dead, why)] = sink.dead
    assert dead.offset == 1
    assert reason in why
    assert "passport" not in why
    assert [event.report_id for event in sink.published] == [GOOD.report_id]
