"""Intake's HTTP API: `POST /v1/reports`, `GET /healthz`, `GET /metrics`, `/openapi.json`.

A report is answered `202` only after the broker acknowledged it (guarantee 1); every refusal
is a 4xx with a machine-readable body (guarantee 4), and an unexpected failure is a 500 with one.

Refusals of a report, in the order they are decided:
  413 `body_too_large` (or 400 `invalid_content_length`): `BodyLimit`, before anything is read;
  422 `invalid_report`: the body is not JSON (not UTF-8, malformed, nested too deeply);
  415 `unsupported_media_type`: the body is not declared `application/json` (a missing
      Content-Type included: a form or plain text is never guessed to be JSON);
  401 and 429: who may submit (`access`: key, revocation, rate limit, signature);
  422 `invalid_report` naming the fields; 409; 503.
"""

# No `from __future__ import annotations`: FastAPI must resolve the closures in Depends().

import hashlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

import structlog
from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from haruul_common.events import ReportV1
from haruul_intake.access import integration_dependency, signature_claim
from haruul_intake.api_keys import KeyRing
from haruul_intake.body_limit import BodyLimit
from haruul_intake.errors import ErrorBody, Refused, error_response, field_problems
from haruul_intake.idempotency import ClaimOutcome, IdempotencyStore
from haruul_intake.metrics import IntakeMetrics
from haruul_intake.publisher import PublishError, ReportPublisher
from haruul_intake.rate_limit import DEFAULT_BURST, DEFAULT_RATE_PER_S, Admission, RateLimiter
from haruul_intake.request_signing import SignatureCheck
from haruul_intake.submission import ReportSubmission

log = structlog.get_logger("haruul_intake")

RETRY_AFTER_S = "5"


class Accepted(BaseModel):
    report_id: str
    status: str = "accepted"


class Ready(BaseModel):
    status: str = "ready"


_ERROR: dict[str, Any] = {"model": ErrorBody}
_RETRY_AFTER: dict[str, Any] = {
    "Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "string"}}
}


@dataclass
class IntakeDependencies:
    key_ring: KeyRing
    idempotency: IdempotencyStore
    publisher: ReportPublisher
    metrics: IntakeMetrics
    max_body_bytes: int
    rate_limiter: Admission = field(
        default_factory=lambda: RateLimiter(DEFAULT_RATE_PER_S, DEFAULT_BURST)
    )
    signatures: SignatureCheck | None = None  # None: no integration signs its requests
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    on_startup: Callable[[], Awaitable[None]] | None = None
    on_shutdown: Callable[[], Awaitable[None]] | None = None


def build_app(deps: IntakeDependencies) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if deps.on_startup is not None:
            await deps.on_startup()
        try:
            yield
        finally:
            if deps.on_shutdown is not None:
                await deps.on_shutdown()

    app = FastAPI(
        title="Haruul intake",
        version="1",
        description="Hotline systems and report forms submit trafficking-risk reports here.",
        lifespan=lifespan,
    )
    app.add_middleware(
        BodyLimit,
        max_body_bytes=deps.max_body_bytes,
        on_refused=lambda reason: deps.metrics.reports_rejected.labels(reason).inc(),
    )

    async def json_body(request: Request) -> None:
        media_type, *parameters = request.headers.get("content-type", "").split(";")
        media_type = media_type.strip().lower()
        charsets = [
            value.strip().strip('"').lower()
            for name, _, value in (p.partition("=") for p in parameters)
            if name.strip().lower() == "charset"
        ]
        is_json = media_type == "application/json" or (
            media_type.startswith("application/") and media_type.endswith("+json")
        )
        if not is_json or any(charset not in ("utf-8", "utf8") for charset in charsets):
            raise Refused(
                415,
                "unsupported_media_type",
                "send the report as JSON in UTF-8 with 'Content-Type: application/json'",
                "invalid",
            )

    integration = integration_dependency(deps.key_ring, deps.rate_limiter, deps.signatures)

    def give_back_signature(request: Request) -> None:
        """A refused request has not spent its signature: the client may send it again."""
        claim = signature_claim(request)
        if claim is not None and deps.signatures is not None:
            deps.signatures.release(claim)

    @app.exception_handler(Refused)
    async def refused(request: Request, error: Refused) -> JSONResponse:
        give_back_signature(request)
        deps.metrics.reports_rejected.labels(error.reason).inc()
        return error_response(error.status_code, error.code, error.message, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        give_back_signature(request)
        deps.metrics.reports_rejected.labels("invalid").inc()
        return error_response(
            422,
            "invalid_report",
            "the report has invalid fields",
            fields=field_problems(error.errors()),
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        give_back_signature(request)
        if error.status_code == 400:
            # FastAPI's only 400: a JSON body it could not decode without a JSONDecodeError.
            deps.metrics.reports_rejected.labels("invalid").inc()
            return error_response(
                422,
                "invalid_report",
                "the body is not valid JSON",
                fields=[{"field": "body", "problem": _undecodable(error.__cause__)}],
            )
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        return error_response(error.status_code, code, str(error.detail), headers=error.headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> JSONResponse:
        # Starlette re-raises the error after this answer, so it is still logged.
        give_back_signature(request)
        return error_response(500, "internal_error", "intake failed unexpectedly; retry later")

    @app.post(
        "/v1/reports",
        status_code=202,
        response_model=Accepted,
        responses={
            **{status: _ERROR for status in (400, 401, 409, 413, 415, 422)},
            **{status: {**_ERROR, "headers": _RETRY_AFTER} for status in (429, 503)},
        },
        dependencies=[Depends(json_body)],
    )
    async def submit_report(
        submission: ReportSubmission,
        integration_id: Annotated[str, Depends(integration)],
        idempotency_key: Annotated[str | None, Header(min_length=1, max_length=200)] = None,
    ) -> Response:
        report_id = str(uuid.uuid4())
        if idempotency_key is not None:
            digest = hashlib.sha256(submission.model_dump_json().encode()).hexdigest()
            claim = deps.idempotency.claim(integration_id, idempotency_key, digest, report_id)
            if claim.outcome is ClaimOutcome.REPLAY:
                deps.metrics.idempotent_replays.inc()
                return JSONResponse(
                    status_code=202,
                    content=Accepted(report_id=claim.report_id).model_dump(),
                    headers={"Idempotent-Replayed": "true"},
                )
            if claim.outcome is ClaimOutcome.CONFLICT:
                raise Refused(
                    409,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used with a different report",
                    "conflict",
                )
            if claim.outcome is ClaimOutcome.IN_PROGRESS:
                raise Refused(
                    409,
                    "idempotency_key_in_progress",
                    "a request with this Idempotency-Key is still being accepted",
                    "conflict",
                    {"Retry-After": "1"},
                )
            report_id = claim.report_id  # a claim taken over keeps the id it was given first
        report = ReportV1(
            report_id=report_id,
            integration_id=integration_id,
            accepted_at=deps.clock(),
            **submission.model_dump(),
        )
        try:
            with deps.metrics.publish_seconds.time():
                await deps.publisher.publish(report)
        except PublishError as error:
            if idempotency_key is not None:
                deps.idempotency.release(integration_id, idempotency_key)
            log.warning("report_not_accepted", report_id=report_id, cause=str(error))
            raise Refused(
                503,
                "broker_unavailable",
                "the report could not be stored durably; retry later",
                "unavailable",
                {"Retry-After": RETRY_AFTER_S},
            ) from None
        if idempotency_key is not None:
            deps.idempotency.mark_published(integration_id, idempotency_key)
        deps.metrics.reports_accepted.labels(integration_id).inc()
        log.info("report_accepted", report_id=report_id, integration_id=integration_id)
        return JSONResponse(status_code=202, content=Accepted(report_id=report_id).model_dump())

    @app.get("/healthz", response_model=Ready, responses={503: _ERROR})
    async def healthz() -> JSONResponse:
        if await deps.publisher.is_ready():
            return JSONResponse(Ready().model_dump())
        return error_response(503, "broker_unreachable", "the Kafka broker cannot be reached")

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(deps.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return app


def _undecodable(cause: BaseException | None) -> str:
    if isinstance(cause, UnicodeDecodeError):
        return "is not valid UTF-8"
    if isinstance(cause, RecursionError):
        return "is nested too deeply"
    return "cannot be decoded as JSON"
