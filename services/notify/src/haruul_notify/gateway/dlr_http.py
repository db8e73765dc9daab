"""The gateway's HTTP callback for the SMS channel's delivery reports (Kannel's dlr-url).

Each report is recorded on the delivery's receipt (`delivered`, `failed`, `rejected`,
`buffered`, `submitted`) and counted, so a message the network failed to deliver is visible
— not only one the gateway failed to hand over. The callback carries a token, so only the SMS
gateway can post reports.
"""

from __future__ import annotations

import hmac

import structlog
from prometheus_client import Counter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from haruul_notify.gateway.receipts import ReceiptStore
from haruul_notify.gateway.sms_inbound import DlrStatus, InboundParseError, parse_dlr

log = structlog.get_logger("haruul_gateway")

STATUS_NAMES = {
    DlrStatus.DELIVERED: "delivered",
    DlrStatus.FAILED: "failed",
    DlrStatus.SMSC_REJECT: "rejected",
    DlrStatus.BUFFERED: "buffered",
    DlrStatus.SMSC_SUBMIT: "submitted",
}


def build_dlr_app(receipts: ReceiptStore, reports: Counter, token: str) -> Starlette:
    async def delivery_report(request: Request) -> Response:
        if not hmac.compare_digest(request.query_params.get("token", ""), token):
            return JSONResponse({"error": {"code": "unauthorized"}}, status_code=401)
        try:
            report = parse_dlr(request.query_params)
        except InboundParseError as error:
            return JSONResponse(
                {"error": {"code": "invalid_report", "message": str(error)}}, status_code=400
            )
        status = STATUS_NAMES[report.status]
        known = receipts.record_report(report.message_id, status, report.status.is_final)
        reports.labels(status).inc()
        log.info("sms_delivery_report", message_id=report.message_id, status=status, known=known)
        return Response(status_code=200)

    return Starlette(routes=[Route("/v1/sms/dlr", delivery_report, methods=["GET", "POST"])])
