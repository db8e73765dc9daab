"""Intake's composition root: refuses what must never reach production, names the setting
of every bad file, and wires the rate limits and signing secrets it is given."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from haruul_common.sealing import new_key_text
from haruul_common.settings import Environment, SettingsError, load_settings
from haruul_intake.api_keys import DEV_INTEGRATION_ID, new_key, write_key_file
from haruul_intake.settings import IntakeSettings
from haruul_intake.signing_secrets import new_secret, write_signing_secret
from haruul_intake.wiring import build


def _settings(tmp_path: Path, integration: str, environment: Environment) -> IntakeSettings:
    keys = tmp_path / "keys"
    write_key_file(keys, integration, new_key())
    return IntakeSettings(
        api_keys_file=keys,
        state_db=tmp_path / "intake.db",
        environment=environment,
        reports_keys=new_key_text("k1"),
    )


def test_the_development_key_is_refused_in_production(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="'dev-local' is refused when HARUUL_ENV=production"):
        build(_settings(tmp_path, DEV_INTEGRATION_ID, Environment.PRODUCTION))


def test_a_real_integration_starts_in_production(tmp_path: Path) -> None:
    app = build(_settings(tmp_path, "hotline-1903", Environment.PRODUCTION))
    assert app.title == "Haruul intake"


def test_the_development_key_is_fine_in_development(tmp_path: Path) -> None:
    app = build(_settings(tmp_path, DEV_INTEGRATION_ID, Environment.DEVELOPMENT))
    assert "/v1/reports" in app.openapi()["paths"]


def test_a_malformed_keys_file_names_the_setting_and_the_line(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text("hotline-1903 sha256:not-a-digest\n")
    with pytest.raises(SettingsError, match=r"HARUUL_INTAKE_API_KEYS_FILE: .*keys:1: expected"):
        build(IntakeSettings(api_keys_file=keys, state_db=tmp_path / "intake.db"))


def test_a_signing_secrets_file_others_can_read_is_refused_naming_the_setting(
    tmp_path: Path,
) -> None:
    settings = _settings(tmp_path, "partner-webhook", Environment.PRODUCTION)
    secrets = tmp_path / "signing-secrets"
    write_signing_secret(secrets, "partner-webhook", new_secret())
    secrets.chmod(0o644)
    with pytest.raises(SettingsError, match=r"HARUUL_INTAKE_SIGNING_SECRETS_FILE: .*chmod 600"):
        build(settings.model_copy(update={"signing_secrets_file": secrets}))


async def test_the_built_app_asks_a_signing_integration_for_its_signature(tmp_path: Path) -> None:
    keys, secrets = tmp_path / "keys", tmp_path / "signing-secrets"
    partner_key, hotline_key = new_key(), new_key()
    write_key_file(keys, "partner-webhook", partner_key)
    write_key_file(keys, "hotline-1903", hotline_key)
    write_signing_secret(secrets, "partner-webhook", new_secret())
    app = build(
        IntakeSettings(
            api_keys_file=keys, state_db=tmp_path / "intake.db", signing_secrets_file=secrets
        )
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://intake"
    ) as client:
        partner, hotline = [
            await client.post("/v1/reports", json={}, headers={"Authorization": f"Bearer {key}"})
            for key in (partner_key, hotline_key)
        ]
    assert partner.status_code == 401
    assert partner.json()["error"]["code"] == "signature_missing"
    assert hotline.status_code == 422  # unsigned, as before: on to judging the report


async def test_the_built_app_limits_each_integration_at_the_configured_rate(
    tmp_path: Path,
) -> None:
    settings = _settings(tmp_path, "hotline-1903", Environment.DEVELOPMENT)
    key = new_key()
    write_key_file(settings.api_keys_file, "hotline-1903", key)
    app = build(settings.model_copy(update={"rate_limit_burst": 1, "rate_limit_per_s": 0.01}))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://intake",
        headers={"Authorization": f"Bearer {key}"},
    ) as client:
        first, second = [await client.post("/v1/reports", json={}) for _ in "ab"]
    assert first.status_code == 422  # judged: the token is spent
    assert second.status_code == 429
    assert 90 <= int(second.headers["Retry-After"]) <= 100  # one report every 100 s


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("HARUUL_INTAKE_RATE_LIMIT_PER_S", "0"),
        ("HARUUL_INTAKE_RATE_LIMIT_BURST", "0"),
        ("HARUUL_INTAKE_RATE_LIMIT_BURST", "lots"),
        ("HARUUL_INTAKE_SIGNATURE_WINDOW_S", "0"),
        ("HARUUL_INTAKE_SIGNATURE_WINDOW_S", "86400"),
        ("HARUUL_INTAKE_WORKERS", "0"),
        ("HARUUL_INTAKE_WORKERS", "two"),
    ],
)
def test_a_bad_limit_is_refused_at_start_up_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"{variable}: "):
        load_settings(IntakeSettings)


def test_the_default_limits_let_one_integration_drive_the_benchmark() -> None:
    settings = IntakeSettings()
    assert settings.rate_limit_per_s >= 1_500  # intake's measured peak, from one integration
    assert settings.rate_limit_burst >= 5_000  # the benchmark's burst, posted at once


def test_production_refuses_to_write_reports_to_kafka_in_the_clear(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    write_key_file(keys, "hotline-1903", new_key())
    with pytest.raises(SettingsError, match="HARUUL_REPORTS_KEYS must be set"):
        load_settings(IntakeSettings, api_keys_file=keys, environment=Environment.PRODUCTION)
