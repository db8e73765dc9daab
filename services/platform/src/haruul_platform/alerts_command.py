"""`haruul alerts list|ack|resolve`: the alert desk from a terminal, over gRPC."""

from __future__ import annotations

import getpass
import json
from typing import Any, TextIO

import grpc
from google.protobuf.json_format import MessageToDict

from haruul.notify.v1 import alert_desk_pb2 as pb
from haruul.notify.v1 import alert_desk_pb2_grpc

DEADLINE_S = 10.0
_STATE_NAMES = {
    "open": pb.ALERT_STATE_OPEN,
    "acknowledged": pb.ALERT_STATE_ACKNOWLEDGED,
    "resolved": pb.ALERT_STATE_RESOLVED,
}
_LEVEL_NAMES = {
    "low": pb.LEVEL_LOW,
    "medium": pb.LEVEL_MEDIUM,
    "high": pb.LEVEL_HIGH,
    "critical": pb.LEVEL_CRITICAL,
}


class AlertDeskError(RuntimeError):
    """The desk refused or could not be reached; the message says which and why."""


def _readable(alert: pb.Alert) -> dict[str, Any]:
    data = MessageToDict(alert, preserving_proto_field_name=True)
    data["level"] = pb.Level.Name(alert.level).removeprefix("LEVEL_").lower()
    data["state"] = pb.AlertState.Name(alert.state).removeprefix("ALERT_STATE_").lower()
    return data


def default_actor() -> str:
    return f"cli:{getpass.getuser()}"


class AlertDeskClient:
    def __init__(self, target: str) -> None:
        self._channel = grpc.insecure_channel(target)
        self._stub = alert_desk_pb2_grpc.AlertDeskStub(self._channel)
        self._target = target

    def _call(self, method: Any, request: Any) -> Any:
        try:
            return method(request, timeout=DEADLINE_S)
        except grpc.RpcError as error:
            code = error.code()
            if code is grpc.StatusCode.UNAVAILABLE:
                raise AlertDeskError(f"the alert desk at {self._target} is not reachable") from None
            raise AlertDeskError(f"{code.name}: {error.details()}") from None

    def list(self, states: list[str], min_level: str) -> list[dict[str, Any]]:
        alerts: list[dict[str, Any]] = []
        token = ""
        while True:
            page = self._call(
                self._stub.ListAlerts,
                pb.ListAlertsRequest(
                    states=[_STATE_NAMES[s] for s in states],
                    min_level=_LEVEL_NAMES[min_level],
                    page_size=200,
                    page_token=token,
                ),
            )
            alerts.extend(_readable(alert) for alert in page.alerts)
            token = page.next_page_token
            if not token:
                return alerts

    def acknowledge(self, alert_id: str, actor: str) -> dict[str, Any]:
        alert = self._call(
            self._stub.AcknowledgeAlert,
            pb.AcknowledgeAlertRequest(alert_id=alert_id, actor=actor, channel="cli"),
        )
        return _readable(alert)

    def resolve(self, alert_id: str, actor: str) -> dict[str, Any]:
        alert = self._call(
            self._stub.ResolveAlert,
            pb.ResolveAlertRequest(alert_id=alert_id, actor=actor, channel="cli"),
        )
        return _readable(alert)

    def close(self) -> None:
        self._channel.close()


def write_alerts(alerts: list[dict[str, Any]], out: TextIO, *, as_json: bool) -> None:
    if as_json:
        out.write(json.dumps(alerts, ensure_ascii=False, indent=2) + "\n")
        return
    out.write(f"{'alert':<22}{'level':<10}{'state':<14}{'desk':<12}{'reports':>7}  case\n")
    for alert in alerts:
        out.write(
            f"{alert['alert_id']:<22}{alert['level']:<10}{alert['state']:<14}"
            f"{alert.get('desk_id', ''):<12}{len(alert.get('report_ids', [])):>7}  "
            f"{alert.get('case_id', '')}\n"
        )
