"""Settings shared by every service, and the one way a service loads its own.

Each service declares one pydantic-settings class with its own env prefix (`HARUUL_INTAKE_`,
...); `load_settings` validates it once at start-up and turns a validation error into a
`SettingsError` that names each bad environment variable — and never echoes its value, which
may be a secret.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import Any, Literal, TypeVar

from pydantic import AliasChoices, BaseModel, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the environment variable."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class KafkaSettings(BaseModel):
    """How to reach the cluster. `KAFKA_BOOTSTRAP_SERVERS` is shared by every service."""

    bootstrap_servers: str = "127.0.0.1:9092"


class ServiceSettings(BaseSettings):
    """Fields every service has. Subclasses set `model_config` with their own env prefix."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    environment: Environment = Field(
        default=Environment.DEVELOPMENT,
        validation_alias=AliasChoices("HARUUL_ENV"),
    )
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS"),
    )
    # Personal data (report text, contacts, quotes) is purged after this many days, on the
    # broker (topic retention) and in every service's state; audit trails stay.
    retention_days: int = Field(
        default=30, ge=1, le=3650, validation_alias=AliasChoices("HARUUL_RETENTION_DAYS")
    )
    log_json: bool = Field(default=True, validation_alias=AliasChoices("HARUUL_LOG_JSON"))
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", validation_alias=AliasChoices("HARUUL_LOG_LEVEL")
    )

    @property
    def kafka(self) -> KafkaSettings:
        return KafkaSettings(bootstrap_servers=self.kafka_bootstrap_servers)

    @property
    def retention(self) -> timedelta:
        return timedelta(days=self.retention_days)

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION


SettingsT = TypeVar("SettingsT", bound=BaseSettings)


def _env_name(settings_class: type[BaseSettings], field_name: str) -> str:
    field = settings_class.model_fields.get(field_name)
    if field is not None and isinstance(field.validation_alias, AliasChoices):
        first = field.validation_alias.choices[0]
        if isinstance(first, str):
            return first
    prefix = str(settings_class.model_config.get("env_prefix", ""))
    return f"{prefix}{field_name}".upper()


def load_settings(settings_class: type[SettingsT], **overrides: Any) -> SettingsT:
    """Validate settings from the environment (and explicit overrides, for tests)."""
    try:
        return settings_class(**overrides)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field_name = str(item["loc"][0]) if item["loc"] else "?"
            problems.append(f"{_env_name(settings_class, field_name)}: {item['msg']}")
        raise SettingsError("invalid settings — " + "; ".join(problems)) from None
