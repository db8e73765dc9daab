"""The machine-readable error body every 4xx and 5xx of intake carries.

    {"error": {"code": "invalid_report", "message": "...",
               "fields": [{"field": "...", "problem": "..."}]}}

Messages never quote what the client sent: a report's text and contacts are personal data.
A request refused on its way to the handler raises `Refused`; one exception handler renders it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Refused(Exception):
    """A request refused with `status_code`: `code` for machines, `reason` for the metric."""

    def __init__(
        self,
        status_code: int,
        code: str,
        message: str,
        reason: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code, self.code, self.message = status_code, code, message
        self.reason, self.headers = reason, dict(headers or {})


class FieldProblem(BaseModel):
    field: str
    problem: str


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: list[FieldProblem] | None = None


class ErrorBody(BaseModel):
    """The schema of every error body, as the OpenAPI document declares it."""

    error: ErrorDetail


def error_response(
    status_code: int,
    code: str,
    message: str,
    *,
    fields: Sequence[Mapping[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if fields:
        body["error"]["fields"] = list(fields)
    return JSONResponse(status_code=status_code, content=body, headers=dict(headers or {}))


def field_problems(errors: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Pydantic errors as (field, problem) pairs, without the offending input values."""
    problems = []
    for item in errors:
        location = [str(part) for part in item.get("loc", ()) if part != "body"]
        problems.append({"field": ".".join(location) or "body", "problem": str(item.get("msg"))})
    return problems
