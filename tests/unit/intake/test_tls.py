"""Intake's listener over TLS, for real: uvicorn serves the app with the options intake's
`main` gives it, on a free port, with a certificate the test makes."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from haruul_common.settings import SettingsError, load_settings
from haruul_intake.app import build_app
from haruul_intake.main import server_options
from haruul_intake.settings import IntakeSettings
from tests.support.certificates import encrypted_copy, self_signed_certificate
from tests.support.intake import MemoryPublisher, intake_dependencies

KEY = "hrl_tls-test"
REPORT = {"text": "passport taken in Bavet"}


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path)


@pytest.fixture
def publisher() -> MemoryPublisher:
    return MemoryPublisher()


@pytest.fixture
async def tls_port(
    tmp_path: Path, certificate: tuple[Path, Path], publisher: MemoryPublisher
) -> AsyncIterator[int]:
    """Intake served over TLS by uvicorn as `main` configures it, on a free port."""
    settings = IntakeSettings(tls_cert_file=certificate[0], tls_key_file=certificate[1])
    app = build_app(intake_dependencies(tmp_path, KEY, publisher=publisher))
    server = uvicorn.Server(uvicorn.Config(app, **server_options(settings) | {"port": 0}))
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "uvicorn stopped before it started"
        await asyncio.sleep(0.02)
    yield int(server.servers[0].sockets[0].getsockname()[1])
    server.should_exit = True
    await task


async def post_report(client: httpx.AsyncClient, url: str) -> httpx.Response:
    return await client.post(url, json=REPORT, headers={"Authorization": f"Bearer {KEY}"})


async def test_a_report_is_accepted_over_https_by_a_client_that_trusts_the_certificate(
    tls_port: int, certificate: tuple[Path, Path], publisher: MemoryPublisher
) -> None:
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    async with httpx.AsyncClient(verify=trusted) as client:
        answer = await post_report(client, f"https://127.0.0.1:{tls_port}/v1/reports")
    assert answer.status_code == 202
    assert [r.report_id for r in publisher.published] == [answer.json()["report_id"]]


async def test_plain_http_to_the_tls_port_gets_no_answer(
    tls_port: int, publisher: MemoryPublisher
) -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.TransportError):
            await post_report(client, f"http://127.0.0.1:{tls_port}/v1/reports")
    assert publisher.published == []


async def test_a_client_that_does_not_trust_the_certificate_refuses_to_talk(
    tls_port: int, publisher: MemoryPublisher
) -> None:
    async with httpx.AsyncClient() as client:  # trusts only the system's authorities
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await post_report(client, f"https://127.0.0.1:{tls_port}/v1/reports")
    assert publisher.published == []


def test_without_a_certificate_intake_serves_plain_http() -> None:
    options = server_options(IntakeSettings())
    assert "ssl_certfile" not in options
    assert "ssl_keyfile" not in options


def _refused(monkeypatch: pytest.MonkeyPatch, **env: Path) -> str:
    for name, value in env.items():
        monkeypatch.setenv(f"HARUUL_INTAKE_{name.upper()}", str(value))
    with pytest.raises(SettingsError) as refused:
        load_settings(IntakeSettings)
    return str(refused.value)


def test_a_missing_certificate_file_names_the_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, certificate: tuple[Path, Path]
) -> None:
    message = _refused(
        monkeypatch, tls_cert_file=tmp_path / "absent.pem", tls_key_file=certificate[1]
    )
    assert "HARUUL_INTAKE_TLS_CERT_FILE: cannot read" in message
    assert "No such file or directory" in message


def test_an_unreadable_key_file_names_the_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, certificate: tuple[Path, Path]
) -> None:
    message = _refused(monkeypatch, tls_cert_file=certificate[0], tls_key_file=tmp_path)
    assert "HARUUL_INTAKE_TLS_KEY_FILE: cannot read" in message


def test_a_certificate_without_its_key_names_the_key_setting(
    monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path]
) -> None:
    message = _refused(monkeypatch, tls_cert_file=certificate[0])
    assert "HARUUL_INTAKE_TLS_KEY_FILE: required when" in message


def test_a_key_without_its_certificate_is_refused(
    monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path]
) -> None:
    message = _refused(monkeypatch, tls_key_file=certificate[1])
    assert "HARUUL_INTAKE_TLS_KEY_FILE: set HARUUL_INTAKE_TLS_CERT_FILE" in message


def test_a_key_file_in_place_of_the_certificate_names_the_certificate_setting(
    monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path]
) -> None:
    message = _refused(monkeypatch, tls_cert_file=certificate[1], tls_key_file=certificate[1])
    assert "HARUUL_INTAKE_TLS_CERT_FILE: the file holds no PEM certificate" in message
    assert "no PEM certificate" in message
    assert "PRIVATE KEY" not in message


def test_the_key_of_another_certificate_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, certificate: tuple[Path, Path]
) -> None:
    _, other_key = self_signed_certificate(tmp_path, "other")
    message = _refused(monkeypatch, tls_cert_file=certificate[0], tls_key_file=other_key)
    assert "HARUUL_INTAKE_TLS_KEY_FILE: " in message
    assert "not the PEM private key of the certificate" in message


def test_an_encrypted_key_is_refused_at_once_instead_of_prompting(
    monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path]
) -> None:
    encrypted = encrypted_copy(certificate[1], "passphrase")
    message = _refused(monkeypatch, tls_cert_file=certificate[0], tls_key_file=encrypted)
    assert "HARUUL_INTAKE_TLS_KEY_FILE: " in message
    assert "is encrypted" in message
