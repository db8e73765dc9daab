"""Intake's composition root refuses what must never reach production."""

from __future__ import annotations

from pathlib import Path

import pytest

from haruul_common.settings import Environment, SettingsError
from haruul_intake.api_keys import DEV_INTEGRATION_ID, new_key, write_key_file
from haruul_intake.main import build
from haruul_intake.settings import IntakeSettings


def _settings(tmp_path: Path, integration: str, environment: Environment) -> IntakeSettings:
    keys = tmp_path / "keys"
    write_key_file(keys, integration, new_key())
    return IntakeSettings(
        api_keys_file=keys, state_db=tmp_path / "intake.db", environment=environment
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
