"""The alert desk over gRPC (`haruul.notify.v1.AlertDesk`): list, get, acknowledge, resolve,
and watch — what `haruul alerts` and other staff tools use."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from haruul.notify.v1 import alert_desk_pb2 as pb
from haruul.notify.v1 import alert_desk_pb2_grpc
from haruul_notify.alert_service import AlertNotFound, AlertService
from haruul_notify.domain.alerts import LEVELS
from haruul_notify.domain.lifecycle import Alert, AlertState, LifecycleError

_STATES = {
    AlertState.OPEN: pb.ALERT_STATE_OPEN,
    AlertState.ACKNOWLEDGED: pb.ALERT_STATE_ACKNOWLEDGED,
    AlertState.RESOLVED: pb.ALERT_STATE_RESOLVED,
}
_STATES_BACK = {value: key for key, value in _STATES.items()}
_LEVELS = {
    "low": pb.LEVEL_LOW,
    "medium": pb.LEVEL_MEDIUM,
    "high": pb.LEVEL_HIGH,
    "critical": pb.LEVEL_CRITICAL,
}
_LEVELS_BACK = {value: key for key, value in _LEVELS.items()}
_MAX_PAGE = 500

_Context = grpc.aio.ServicerContext


def _timestamp(value: object) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)  # type: ignore[arg-type]
    return stamp


def to_message(alert: Alert) -> pb.Alert:
    return pb.Alert(
        alert_id=alert.alert_id,
        case_id=alert.case_id,
        report_ids=list(alert.report_ids),
        level=_LEVELS[alert.level],
        state=_STATES[alert.state],
        score=alert.score,
        stage=alert.stage,
        indicator_codes=list(alert.indicator_codes),
        destination_country=alert.destination_country or "",
        opened_at=_timestamp(alert.opened_at),
        updated_at=_timestamp(alert.updated_at),
        audit=[
            pb.AuditEntry(
                at=_timestamp(entry.at),
                actor=entry.actor,
                action=entry.action,
                channel=entry.channel,
                detail=entry.detail,
            )
            for entry in alert.audit
        ],
        desk_id=alert.desk_id,
    )


def _matches(alert: Alert, states: set[AlertState], min_level: str) -> bool:
    return (not states or alert.state in states) and LEVELS.index(alert.level) >= LEVELS.index(
        min_level
    )


class AlertDeskService(alert_desk_pb2_grpc.AlertDeskServicer):
    def __init__(self, alerts: AlertService) -> None:
        self._alerts = alerts

    async def ListAlerts(
        self,
        request: pb.ListAlertsRequest,
        context: _Context[pb.ListAlertsRequest, pb.ListAlertsResponse],
    ) -> pb.ListAlertsResponse:
        size = min(request.page_size or 50, _MAX_PAGE)
        offset = int(request.page_token) if request.page_token.isdigit() else 0
        found = self._alerts.store.alerts(
            states=[_STATES_BACK[s] for s in request.states if s in _STATES_BACK],
            min_level=_LEVELS_BACK.get(request.min_level, "low"),
            limit=size + 1,
            offset=offset,
        )
        more = len(found) > size
        return pb.ListAlertsResponse(
            alerts=[to_message(alert) for alert in found[:size]],
            next_page_token=str(offset + size) if more else "",
        )

    async def GetAlert(
        self, request: pb.GetAlertRequest, context: _Context[pb.GetAlertRequest, pb.Alert]
    ) -> pb.Alert:
        try:
            return to_message(self._alerts.get(request.alert_id))
        except AlertNotFound:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no alert {request.alert_id}")
            raise

    async def AcknowledgeAlert(
        self,
        request: pb.AcknowledgeAlertRequest,
        context: _Context[pb.AcknowledgeAlertRequest, pb.Alert],
    ) -> pb.Alert:
        if not request.actor:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "actor is required")
        try:
            alert = self._alerts.acknowledge(
                request.alert_id, request.actor, request.channel or "grpc"
            )
        except AlertNotFound:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no alert {request.alert_id}")
            raise
        except LifecycleError as error:
            await context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(error))
            raise
        return to_message(alert)

    async def ResolveAlert(
        self, request: pb.ResolveAlertRequest, context: _Context[pb.ResolveAlertRequest, pb.Alert]
    ) -> pb.Alert:
        if not request.actor:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "actor is required")
        try:
            alert = self._alerts.resolve(request.alert_id, request.actor, request.channel or "grpc")
        except AlertNotFound:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no alert {request.alert_id}")
            raise
        return to_message(alert)

    async def WatchAlerts(
        self,
        request: pb.WatchAlertsRequest,
        context: _Context[pb.WatchAlertsRequest, pb.AlertChange],
    ) -> AsyncIterator[pb.AlertChange]:
        states = {_STATES_BACK[s] for s in request.states if s in _STATES_BACK}
        min_level = _LEVELS_BACK.get(request.min_level, "low")
        async with self._alerts.feed.watch() as changes:
            for alert in self._alerts.store.alerts(
                states=states, min_level=min_level, limit=_MAX_PAGE
            ):
                yield pb.AlertChange(alert=to_message(alert), action="current")
            while True:
                alert, action = await changes.get()
                if _matches(alert, states, min_level):
                    yield pb.AlertChange(alert=to_message(alert), action=action)
