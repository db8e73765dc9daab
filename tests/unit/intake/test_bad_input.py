"""Bad input gets a clear, specific 4xx with a machine-readable body, never a crash, and the
body never echoes what was submitted (a report's text and contacts are personal data).

Content types: a body not declared `application/json` (or `application/*+json`), a missing
Content-Type included, is 415 `unsupported_media_type`, not 422: the body was not judged at all,
and the client learns what to change. A body declared JSON that cannot be decoded (not UTF-8,
malformed, nested too deeply) is 422 `invalid_report`, like any other invalid report.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.support.intake import MemoryPublisher, intake_client, intake_dependencies

KEY = "hrl_test-key"
LIMIT = 32 * 1024
SECRET = "Bat-Erdene 99112233"  # stands for personal data: must never come back
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def publisher() -> MemoryPublisher:
    return MemoryPublisher()


@pytest.fixture
async def client(publisher: MemoryPublisher, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    deps = intake_dependencies(tmp_path, KEY, max_body_bytes=LIMIT, publisher=publisher)
    async with intake_client(deps, KEY) as http:
        yield http


def refused(answer: httpx.Response, status: int, code: str, *secrets: str) -> dict[str, object]:
    """The answer is `status` with a machine-readable body naming `code`, quoting no secret."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    error = answer.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    for secret in (SECRET, *secrets):
        assert secret not in answer.text
    return dict(error)


def fields(error: dict[str, object]) -> set[str]:
    problems = error.get("fields")
    assert isinstance(problems, list)
    return {problem["field"] for problem in problems}


async def test_a_body_over_the_limit_with_content_length_is_413(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    answer = await client.post("/v1/reports", json={"text": SECRET + "x" * LIMIT})
    refused(answer, 413, "body_too_large")
    assert publisher.published == []


async def test_a_chunked_body_over_the_limit_is_413_before_it_is_read_whole(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    chunks_read = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal chunks_read
        yield b'{"text": "' + SECRET.encode()
        for _ in range(100):
            chunks_read += 1
            yield b"x" * 1024
        yield b'"}'

    answer = await client.post("/v1/reports", content=chunks(), headers=JSON)
    assert "content-length" not in answer.request.headers
    refused(answer, 413, "body_too_large")
    assert chunks_read <= LIMIT // 1024 + 1
    assert publisher.published == []


async def test_a_chunked_body_within_the_limit_is_accepted(
    client: httpx.AsyncClient, publisher: MemoryPublisher
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": '
        yield b'"passport taken"}'

    answer = await client.post("/v1/reports", content=chunks(), headers=JSON)
    assert answer.status_code == 202
    assert [report.text for report in publisher.published] == ["passport taken"]


@pytest.mark.parametrize("declared", [b"abc", b"-1", b"1e3", b"\xb2", b""])
async def test_a_content_length_that_is_not_a_number_is_400(
    client: httpx.AsyncClient, declared: bytes
) -> None:
    answer = await client.post(
        "/v1/reports",
        content=b'{"text": "x"}',
        headers={b"Content-Type": b"application/json", b"Content-Length": declared},
    )
    refused(answer, 400, "invalid_content_length")


async def test_invalid_utf8_is_422_without_echo(client: httpx.AsyncClient) -> None:
    body = b'{"text": "' + SECRET.encode() + b' \xff\xfe\xc3("}'
    error = refused(
        await client.post("/v1/reports", content=body, headers=JSON), 422, "invalid_report"
    )
    assert error["fields"] == [{"field": "body", "problem": "is not valid UTF-8"}]


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/json; charset=latin-1",
        None,
    ],
)
async def test_a_body_that_is_not_declared_json_is_415(
    client: httpx.AsyncClient, publisher: MemoryPublisher, content_type: str | None
) -> None:
    body = json.dumps({"text": SECRET}).encode()
    if content_type == "application/x-www-form-urlencoded":
        body = b"text=" + SECRET.encode()
    headers = {} if content_type is None else {"Content-Type": content_type}
    answer = await client.post("/v1/reports", content=body, headers=headers)
    refused(answer, 415, "unsupported_media_type")
    assert publisher.published == []


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "application/x+json"])
async def test_json_under_another_name_is_accepted(
    client: httpx.AsyncClient, content_type: str
) -> None:
    answer = await client.post(
        "/v1/reports", content=b'{"text": "x"}', headers={"Content-Type": content_type}
    )
    assert answer.status_code == 202


@pytest.mark.parametrize(
    "body",
    [
        json.dumps([SECRET]).encode(),
        json.dumps(SECRET).encode(),
        b"null",
        b"42",
        b"",
        b"{" + SECRET.encode(),
        b'{"text": "' + SECRET.encode() + b'",}',
    ],
    ids=["array", "string", "null", "number", "empty", "malformed", "trailing-comma"],
)
async def test_json_that_is_not_an_object_is_422(client: httpx.AsyncClient, body: bytes) -> None:
    answer = await client.post("/v1/reports", content=body, headers=JSON)
    assert fields(refused(answer, 422, "invalid_report")) <= {"body"} | {
        f"body.{n}" for n in range(len(body) + 1)
    } | {str(n) for n in range(len(body) + 1)}


@pytest.mark.parametrize("depth", [50, 5000])
async def test_deeply_nested_json_is_422(client: httpx.AsyncClient, depth: int) -> None:
    nested = (
        b'{"text": "' + SECRET.encode() + b'", "reporter": ' + b"[" * depth + b"]" * depth + b"}"
    )
    answer = await client.post("/v1/reports", content=nested, headers=JSON)
    refused(answer, 422, "invalid_report")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"text": NaN}', "text"),
        (b'{"text": "x", "external_id": Infinity}', "external_id"),
        (b'{"text": "x", "external_id": -Infinity}', "external_id"),
        (b'{"text": ' + b"9" * 4000 + b"}", "text"),
        (b'{"text": "x", "external_id": 1e999999}', "external_id"),
    ],
    ids=["nan", "infinity", "minus-infinity", "huge-integer", "huge-float"],
)
async def test_non_finite_and_huge_numbers_are_422(
    client: httpx.AsyncClient, body: bytes, field: str
) -> None:
    answer = await client.post("/v1/reports", content=body, headers=JSON)
    assert field in fields(refused(answer, 422, "invalid_report"))


async def test_an_integer_beyond_pythons_digit_limit_is_422(client: httpx.AsyncClient) -> None:
    body = b'{"text": ' + b"9" * 5000 + b"}"
    refused(await client.post("/v1/reports", content=body, headers=JSON), 422, "invalid_report")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "x", "note": SECRET}, "note"),
        ({"text": "x", "reporter": {"phone": "1", "address": SECRET}}, "reporter.address"),
        ({"text": "x", "subject": {"name": "y", "age": 17}}, "subject.age"),
    ],
)
async def test_unknown_fields_are_named_without_their_values(
    client: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    answer = await client.post("/v1/reports", json=body)
    assert field in fields(refused(answer, 422, "invalid_report"))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": 12345}, "text"),
        ({"text": True}, "text"),
        ({"text": [SECRET]}, "text"),
        ({"text": {"value": SECRET}}, "text"),
        ({"text": None}, "text"),
        ({"text": "\u2003\n\t"}, "text"),
        ({"text": SECRET + "\x00"}, "text"),
        ({"text": "x", "external_id": SECRET + "\x00"}, "external_id"),
        ({"text": "x", "reporter": {"name": SECRET + "\x00"}}, "reporter.name"),
        ({"text": "x", "reporter": {"phone": 99112233}}, "reporter.phone"),
        ({"text": "x", "language": SECRET}, "language"),
        ({"text": "x", "destination_country": SECRET}, "destination_country"),
        ({"text": "x", "channel": SECRET}, "channel"),
        ({"text": "x" * 20_001}, "text"),
    ],
)
async def test_a_field_of_the_wrong_type_or_shape_is_named_without_its_value(
    client: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    answer = await client.post("/v1/reports", json=body)
    assert field in fields(refused(answer, 422, "invalid_report", "x" * 100))


async def test_a_lone_surrogate_is_422(client: httpx.AsyncClient) -> None:
    body = b'{"text": "' + SECRET.encode() + b' \\ud800"}'
    answer = await client.post("/v1/reports", content=body, headers=JSON)
    assert "text" in fields(refused(answer, 422, "invalid_report"))


@pytest.mark.parametrize("key", ["", "k" * 500])
async def test_an_idempotency_key_empty_or_too_long_is_422(
    client: httpx.AsyncClient, publisher: MemoryPublisher, key: str
) -> None:
    answer = await client.post(
        "/v1/reports", json={"text": SECRET}, headers={"Idempotency-Key": key}
    )
    error = refused(answer, 422, "invalid_report", *([key] if key else []))
    assert fields(error) == {"header.idempotency-key"}
    assert publisher.published == []


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/nothing"), ("POST", "/v1/report"), ("GET", "/"), ("DELETE", "/v2/reports")],
)
async def test_an_unknown_path_is_404(client: httpx.AsyncClient, method: str, path: str) -> None:
    answer = await client.request(method, path, json={"text": SECRET})
    refused(answer, 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/reports"),
        ("PUT", "/v1/reports"),
        ("DELETE", "/v1/reports"),
        ("PATCH", "/v1/reports"),
        ("OPTIONS", "/v1/reports"),
        ("POST", "/healthz"),
        ("OPTIONS", "/healthz"),
    ],
)
async def test_a_wrong_method_is_405_and_names_the_allowed_one(
    client: httpx.AsyncClient, method: str, path: str
) -> None:
    answer = await client.request(method, path, json={"text": SECRET})
    refused(answer, 405, "method_not_allowed")
    assert answer.headers["allow"] in {"POST", "GET"}


@pytest.mark.parametrize("path", ["/v1/reports", "/healthz", "/v1/nothing"])
async def test_head_gets_a_4xx_with_no_body(client: httpx.AsyncClient, path: str) -> None:
    answer = await client.head(path)
    assert answer.status_code in {404, 405}
    assert answer.headers["content-type"] == "application/json"
    assert answer.content == b""


async def test_an_unauthorized_request_is_not_told_anything_about_its_body(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post(
        "/v1/reports", json={"text": SECRET}, headers={"Authorization": f"Bearer {SECRET}"}
    )
    refused(answer, 401, "unauthorized")
