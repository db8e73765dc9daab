"""Notify's Kafka edge: unreadable events are dead-lettered, readable ones reach the pager."""

from __future__ import annotations

import json
from pathlib import Path

from prometheus_client import CollectorRegistry

from haruul_common.kafka import SourceRecord
from haruul_common.sealing import KeyRing, Sealer, new_key_text
from haruul_common.topics import RISK_EVENTS
from haruul_notify.domain.alerts import Channel
from haruul_notify.handler import RiskEventHandler
from haruul_notify.metrics import NotifyMetrics
from tests.unit.notify.test_pager import Rig, event


class DeadLetters:
    def __init__(self) -> None:
        self.entries: list[tuple[SourceRecord, str]] = []

    async def dead_letter(self, record: SourceRecord, reason: str) -> None:
        self.entries.append((record, reason))


def _record(value: bytes) -> SourceRecord:
    return SourceRecord(
        topic="haruul.risk-events.v1", partition=0, offset=7, key=b"r1", value=value
    )


async def test_unreadable_bytes_are_dead_lettered_and_nothing_is_sent(tmp_path: Path) -> None:
    rig, dead = Rig(tmp_path), DeadLetters()
    metrics = NotifyMetrics(CollectorRegistry())
    handler = RiskEventHandler(pager=rig.pager, dead_letters=dead, metrics=metrics)
    record = _record(b"\xff\xfe not json")

    await handler.handle(record)
    await rig.pager.fire_due()

    assert dead.entries == [(record, "not a v1 risk event (payload)")]
    assert rig.gateway.sent == []
    assert (
        metrics.registry.get_sample_value(
            "haruul_notify_dead_letters_total", {"reason": "unreadable"}
        )
        == 1
    )


async def test_a_wrong_shape_is_dead_lettered_naming_fields_not_values(tmp_path: Path) -> None:
    rig, dead = Rig(tmp_path), DeadLetters()
    handler = RiskEventHandler(
        pager=rig.pager, dead_letters=dead, metrics=NotifyMetrics(CollectorRegistry())
    )
    payload = event("r1").model_dump(mode="json")
    payload["level"] = "apocalyptic"
    payload["accepted_at"] = "2025-03-01T08:00:00"  # no offset: not a v1 timestamp
    del payload["report_id"]

    await handler.handle(_record(json.dumps(payload).encode()))

    [(_, reason)] = dead.entries
    assert reason == "not a v1 risk event (accepted_at, level, report_id)"
    assert "apocalyptic" not in reason


async def test_a_readable_event_pages(tmp_path: Path) -> None:
    rig, dead = Rig(tmp_path), DeadLetters()
    handler = RiskEventHandler(
        pager=rig.pager, dead_letters=dead, metrics=NotifyMetrics(CollectorRegistry())
    )

    await handler.handle(_record(event("r1").model_dump_json().encode()))
    await rig.pager.fire_due()  # the round the stored event woke

    assert dead.entries == []
    assert len(rig.gateway.to("officer-primary")) == 1


def _sealer(ring: str) -> Sealer:
    return Sealer(KeyRing.parse(ring), RISK_EVENTS.name, RISK_EVENTS.sealed_fields)


async def test_a_sealed_event_is_opened_and_pages(tmp_path: Path) -> None:
    rig, dead, ring = Rig(tmp_path), DeadLetters(), new_key_text("k1")
    handler = RiskEventHandler(
        pager=rig.pager,
        dead_letters=dead,
        metrics=NotifyMetrics(CollectorRegistry()),
        sealer=_sealer(ring),
    )
    sealed = _sealer(ring).seal_json(event("r1").model_dump(mode="json"), b"r1")
    assert b"Documents taken" not in sealed

    await handler.handle(_record(sealed))
    await rig.pager.fire_due()

    assert dead.entries == []
    [mail] = rig.gateway.to("officer-primary", Channel.EMAIL)
    assert "Documents taken" in mail.body  # the explanation, opened


async def test_an_event_sealed_under_a_key_notify_lacks_is_dead_lettered(tmp_path: Path) -> None:
    rig, dead = Rig(tmp_path), DeadLetters()
    handler = RiskEventHandler(
        pager=rig.pager,
        dead_letters=dead,
        metrics=NotifyMetrics(CollectorRegistry()),
        sealer=_sealer(new_key_text("k2")),
    )
    sealed = _sealer(new_key_text("k1")).seal_json(event("r1").model_dump(mode="json"), b"r1")

    await handler.handle(_record(sealed))
    await rig.pager.fire_due()

    [(_, reason)] = dead.entries
    assert reason == "risk event: sealed with key id 'k1', which this service does not hold"
    assert rig.gateway.sent == []
