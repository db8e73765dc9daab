"""Schemathesis against intake's own OpenAPI document: generated requests, no broker.

Every operation is exercised with schema-valid (positive) and schema-invalid (negative) data
under a valid key, and the report endpoint also without a key and with a wrong one. Each
request is checked: never a 5xx, every 4xx a JSON body with a string `error.code`, and the
status, content type, headers and body conform to the schema wherever it declares them.

Requests are counted as they reach the app (one per generated case); each test asserts its
own floor, and the floors add up to at least 1,000 (see `_FLOORS`). Generation is derandomized,
so a run is reproducible.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.checks import CheckFunction, load_all_checks
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.schemas import OpenApiSchema

from haruul_intake.app import build_app
from tests.support.intake import intake_dependencies

KEY = "hrl_schemathesis-key"
VALID = {"Authorization": f"Bearer {KEY}"}
WRONG = {"Authorization": "Bearer hrl_not-a-key"}
REPORTS = "POST /v1/reports"
AnyCase = Case[Any]


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> OpenApiSchema:
    app = build_app(intake_dependencies(tmp_path_factory.mktemp("intake"), KEY, 64 * 1024))
    # Invalid data must be refused with one of intake's refusals; 413 for an oversized one.
    refusals = ["400", "401", "409", "413", "415", "422"]
    config = schemathesis.Config.from_dict(
        {"checks": {"negative_data_rejection": {"expected-statuses": refusals}}}
    )
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def error_body_is_machine_readable(_: CheckContext, response: Response, case: AnyCase) -> None:
    if 400 <= response.status_code < 600 and case.method != "HEAD":
        body = response.json()
        assert isinstance(body, dict), f"{response.status_code}: the body is not a JSON object"
        error = body.get("error")
        assert isinstance(error, dict), f"{response.status_code}: no 'error' object"
        assert isinstance(error.get("code"), str), f"{response.status_code}: no string error.code"
        assert isinstance(error.get("message"), str), f"{response.status_code}: no message"


def _checks(*names: str) -> list[CheckFunction]:
    load_all_checks()
    builtin: list[CheckFunction] = [getattr(schemathesis.checks, name) for name in names]
    return [*builtin, error_body_is_machine_readable]


# Always: no 5xx, and the answer is what the schema declares wherever it declares it.
_CONFORMANCE = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
# With a valid key the data itself is judged: valid data accepted, invalid data refused.
_JUDGED = (*_CONFORMANCE, "positive_data_acceptance", "negative_data_rejection")

# (operation, generation mode, headers, checks, examples asked for, floor of requests sent)
_RUNS: dict[str, tuple[str, GenerationMode, dict[str, str], tuple[str, ...], int, int]] = {
    "reports-valid-data": (REPORTS, GenerationMode.POSITIVE, VALID, _JUDGED, 650, 650),
    "reports-invalid-data": (REPORTS, GenerationMode.NEGATIVE, VALID, _JUDGED, 250, 250),
    "reports-without-key": (REPORTS, GenerationMode.POSITIVE, {}, _CONFORMANCE, 60, 60),
    "reports-wrong-key": (REPORTS, GenerationMode.NEGATIVE, WRONG, _CONFORMANCE, 60, 60),
    # No parameters: Hypothesis stops once it has nothing new to try.
    "healthz": ("GET /healthz", GenerationMode.POSITIVE, VALID, _JUDGED, 20, 1),
}
_FLOORS = sum(run[5] for run in _RUNS.values())


def test_the_runs_send_at_least_a_thousand_requests() -> None:
    assert _FLOORS >= 1000


def test_every_operation_is_exercised(schema: OpenApiSchema) -> None:
    labels = {result.ok().label for result in schema.get_all_operations() if isinstance(result, Ok)}
    assert labels == {run[0] for run in _RUNS.values()}


@pytest.mark.parametrize("run", list(_RUNS))
def test_generated_requests_get_no_5xx_and_a_machine_readable_4xx(
    schema: OpenApiSchema, run: str
) -> None:
    label, mode, headers, check_names, examples, floor = _RUNS[run]
    operation = schema.find_operation_by_label(label)
    assert operation is not None
    checks = _checks(*check_names)
    sent = 0

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case: AnyCase) -> None:
        nonlocal sent
        sent += 1
        case.call_and_validate(headers=headers, checks=checks)

    call()
    print(f"{run}: {sent} requests")
    assert sent >= floor, f"{run}: only {sent} requests were generated"
