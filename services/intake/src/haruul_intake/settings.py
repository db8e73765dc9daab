"""Intake's settings (env prefix `HARUUL_INTAKE_`), validated once at start-up."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from haruul_common.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_INTAKE_", extra="ignore", populate_by_name=True
    )

    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    # One integration per line: `<integration-id> sha256:<hex digest of the key>`.
    api_keys_file: Path = Path("var/intake-api-keys")
    # Idempotency keys and their report ids survive restarts here.
    state_db: Path = Path("var/intake.db")
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    publish_timeout_s: float = Field(default=10.0, gt=0)
