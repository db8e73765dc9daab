"""The alert desk over real gRPC (port 0), driven the way staff tools and `haruul alerts` do."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import pytest
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import alert_desk_pb2 as pb
from haruul.notify.v1 import alert_desk_pb2_grpc
from haruul_notify.alert_desk import AlertDeskService
from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_service import AlertService
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.lifecycle import ReportFacts, open_alert
from haruul_notify.metrics import NotifyMetrics
from haruul_platform.alerts_command import AlertDeskClient, AlertDeskError

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


class Desk:
    def __init__(self, service: AlertService, port: int) -> None:
        self.service, self.target = service, f"127.0.0.1:{port}"

    async def add(self, case_id: str, level: str) -> str:
        facts = ReportFacts(f"r-{case_id}", case_id, level, 80, "destination", ("DOC",), "KH")
        alert = open_alert(facts, "desk-kh", T0)
        assert await self.service.open(alert, "opened")
        return alert.alert_id


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[Desk]:
    clock = iter(T0 + timedelta(minutes=minute) for minute in range(1, 1000))
    service = AlertService(
        AlertStore(tmp_path / "alerts.db"),
        AlertFeed(),
        NotifyMetrics(CollectorRegistry()),
        clock=lambda: next(clock),
    )
    server = grpc.aio.server()
    alert_desk_pb2_grpc.add_AlertDeskServicer_to_server(AlertDeskService(service), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    yield Desk(service, port)
    await server.stop(0)


async def test_the_cli_lists_acknowledges_and_resolves(desk: Desk) -> None:
    critical = await desk.add("c1", "critical")
    await desk.add("c2", "medium")
    client = AlertDeskClient(desk.target)

    listed = await asyncio.to_thread(client.list, [], "high")
    assert [(a["alert_id"], a["level"], a["state"]) for a in listed] == [
        (critical, "critical", "open")
    ]
    acked = await asyncio.to_thread(client.acknowledge, critical, "officer-bat")
    assert acked["state"] == "acknowledged"
    assert acked["audit"][-1]["actor"] == "officer-bat"
    assert acked["audit"][-1]["channel"] == "cli"
    resolved = await asyncio.to_thread(client.resolve, critical, "head")
    assert resolved["state"] == "resolved"
    assert await asyncio.to_thread(client.list, ["open"], "high") == []
    client.close()


async def test_acknowledging_cancels_the_remaining_escalation(desk: Desk) -> None:
    alert_id = await desk.add("c1", "critical")
    desk.service.store.schedule(alert_id, [(1, T0 + timedelta(minutes=5))])
    desk.service.acknowledge(alert_id, "officer-bat", "sms")
    assert desk.service.store.step_status(alert_id) == {1: "cancelled"}


async def test_unknown_and_resolved_alerts_get_clear_errors(desk: Desk) -> None:
    alert_id = await desk.add("c1", "high")
    client = AlertDeskClient(desk.target)
    with pytest.raises(AlertDeskError, match="NOT_FOUND: no alert alt-missing"):
        await asyncio.to_thread(client.acknowledge, "alt-missing", "x")
    await asyncio.to_thread(client.resolve, alert_id, "head")
    with pytest.raises(AlertDeskError, match=r"FAILED_PRECONDITION: .* already resolved"):
        await asyncio.to_thread(client.acknowledge, alert_id, "x")
    client.close()


async def test_an_unreachable_desk_is_named() -> None:
    client = AlertDeskClient("127.0.0.1:1")
    with pytest.raises(AlertDeskError, match="not reachable"):
        await asyncio.to_thread(client.list, [], "low")


async def test_watch_streams_current_alerts_then_changes(desk: Desk) -> None:
    alert_id = await desk.add("c1", "critical")
    async with grpc.aio.insecure_channel(desk.target) as channel:
        stub = alert_desk_pb2_grpc.AlertDeskStub(channel)
        stream = stub.WatchAlerts(pb.WatchAlertsRequest(min_level=pb.LEVEL_HIGH), timeout=10)
        first = await stream.read()
        assert isinstance(first, pb.AlertChange)
        assert (first.alert.alert_id, first.action) == (alert_id, "current")
        desk.service.acknowledge(alert_id, "officer-bat", "grpc")
        change = await stream.read()
        assert isinstance(change, pb.AlertChange)
        assert change.action == "acknowledged"
        assert change.alert.state == pb.ALERT_STATE_ACKNOWLEDGED
        stream.cancel()
