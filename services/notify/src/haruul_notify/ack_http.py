"""Notify's small HTTP face: acknowledgement links from alert e-mails, and Kannel's
inbound-SMS callback ("ACK 4F7K" replies), plus `/metrics`.

A link is opened with GET (a page with one button) and acts on POST, so that mail scanners
that prefetch links acknowledge nothing. SMS replies are trusted only from staff phones and
only with the callback token in Kannel's get-url.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import datetime
from html import escape

import structlog
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from haruul_notify.ack_links import AckLinks, InvalidLink
from haruul_notify.alert_service import AlertNotFound, AlertService
from haruul_notify.domain.lifecycle import LifecycleError
from haruul_notify.gateway.sms_inbound import InboundParseError, parse_ack_reply, parse_inbound
from haruul_notify.routing_holder import RoutingHolder

log = structlog.get_logger("haruul_notify")


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><meta charset=utf-8><title>{escape(title)}</title>"
        f"<h1>{escape(title)}</h1>{body}",
        status_code=status,
    )


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def build_http_app(
    alerts: AlertService,
    links: AckLinks,
    routing: RoutingHolder,
    registry: CollectorRegistry,
    clock: Callable[[], datetime],
) -> Starlette:
    async def show_link(request: Request) -> Response:
        try:
            grant = links.verify(request.path_params["token"], clock())
            alert = alerts.get(grant.alert_id)
        except (InvalidLink, AlertNotFound) as error:
            return _page("Link not valid", f"<p>{escape(str(error))}</p>", 400)
        return _page(
            f"Alert {alert.alert_id}",
            f"<p>Level {escape(alert.level)}, {len(alert.report_ids)} report(s), state "
            f"{escape(alert.state.value)}.</p>"
            "<form method=post><button>Acknowledge</button></form>",
        )

    async def acknowledge_link(request: Request) -> Response:
        try:
            grant = links.verify(request.path_params["token"], clock())
            alert = alerts.acknowledge(grant.alert_id, grant.staff_id, "email")
        except (InvalidLink, AlertNotFound, LifecycleError) as error:
            return _page("Not acknowledged", f"<p>{escape(str(error))}</p>", 400)
        return _page(
            "Acknowledged",
            f"<p>Alert {escape(alert.alert_id)} is acknowledged; the escalation has stopped.</p>",
        )

    async def inbound_sms(request: Request) -> Response:
        token = request.query_params.get("token", "")
        if not hmac.compare_digest(token, links.callback_token()):
            return JSONResponse({"error": {"code": "unauthorized"}}, status_code=401)
        try:
            sms = parse_inbound(request.query_params)
        except InboundParseError as error:
            return JSONResponse(
                {"error": {"code": "invalid_sms", "message": str(error)}}, status_code=400
            )
        staff = next(
            (s for s in routing.config.staff.values() if _digits(s.phone) == _digits(sms.sender)),
            None,
        )
        code = parse_ack_reply(sms.text)
        if staff is None or code is None:
            log.info("inbound_sms_ignored", from_staff=staff is not None, has_code=code is not None)
            return Response(status_code=200)  # an empty answer: Kannel sends nothing back
        try:
            alert = alerts.acknowledge_by_code(code, staff.id, "sms")
        except (AlertNotFound, LifecycleError) as error:
            log.info("sms_ack_refused", staff_id=staff.id, reason=type(error).__name__)
            return Response(status_code=200)
        log.info("sms_ack", staff_id=staff.id, alert_id=alert.alert_id)
        return Response(status_code=200)

    async def metrics(_: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return Starlette(
        routes=[
            Route("/v1/ack/{token}", show_link, methods=["GET"]),
            Route("/v1/ack/{token}", acknowledge_link, methods=["POST"]),
            Route("/v1/sms/inbound", inbound_sms, methods=["GET", "POST"]),
            Route("/metrics", metrics, methods=["GET"]),
        ]
    )
