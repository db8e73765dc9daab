"""Settings shared by every service, and the one way a service loads its own.

Each service declares one pydantic-settings class with its own env prefix (`HARUUL_INTAKE_`,
...); `load_settings` validates it once at start-up and turns a validation error into a
`SettingsError` that names each bad environment variable — and never echoes its value, which
may be a secret.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import (
    AliasChoices,
    BaseModel,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from haruul_common.sealing import KeyRing, Sealer
from haruul_common.topics import REPORTS, RISK_EVENTS, Topic


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the environment variable."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


class KafkaSettings(BaseModel):
    """How to reach the cluster and prove who we are; the `KAFKA_*` variables are shared by
    every service and tool (see haruul_common.kafka_security for how clients use them)."""

    bootstrap_servers: str = "127.0.0.1:9092"
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism = "PLAIN"
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_ca_file: Path | None = None
    ssl_cert_file: Path | None = None
    ssl_key_file: Path | None = None

    @model_validator(mode="after")
    def _credentials_for_sasl(self) -> KafkaSettings:
        if self.security_protocol.startswith("SASL") and not (
            self.sasl_username and self.sasl_password
        ):
            raise ValueError(
                f"KAFKA_SECURITY_PROTOCOL={self.security_protocol} needs KAFKA_SASL_USERNAME"
                " and KAFKA_SASL_PASSWORD"
            )
        if bool(self.ssl_cert_file) != bool(self.ssl_key_file):
            raise ValueError("set KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE together")
        return self


class ServiceSettings(BaseSettings):
    """Fields every service has. Subclasses set `model_config` with their own env prefix."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)
    # The key rings (field names below) a service cannot run in production without.
    key_rings_required: ClassVar[tuple[str, ...]] = ()

    environment: Environment = Field(
        default=Environment.DEVELOPMENT,
        validation_alias=AliasChoices("HARUUL_ENV"),
    )
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS"),
    )
    kafka_security_protocol: SecurityProtocol = Field(
        default="PLAINTEXT", validation_alias=AliasChoices("KAFKA_SECURITY_PROTOCOL")
    )
    kafka_sasl_mechanism: SaslMechanism = Field(
        default="PLAIN", validation_alias=AliasChoices("KAFKA_SASL_MECHANISM")
    )
    kafka_sasl_username: str | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SASL_USERNAME")
    )
    kafka_sasl_password: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SASL_PASSWORD")
    )
    kafka_ssl_ca_file: Path | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SSL_CA_FILE")
    )
    kafka_ssl_cert_file: Path | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SSL_CERT_FILE")
    )
    kafka_ssl_key_file: Path | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SSL_KEY_FILE")
    )
    # Personal data (report text, contacts, quotes) is purged after this many days, on the
    # broker (topic retention) and in every service's state; audit trails stay.
    retention_days: int = Field(
        default=30, ge=1, le=3650, validation_alias=AliasChoices("HARUUL_RETENTION_DAYS")
    )
    # Key rings that seal personal fields in each topic's payloads (haruul_common.sealing):
    # `id:base64key[,id:base64key…]`, the first seals. Give a service only the rings of the
    # topics it writes or must read in the clear.
    reports_keys: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("HARUUL_REPORTS_KEYS")
    )
    risk_events_keys: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("HARUUL_RISK_EVENTS_KEYS")
    )
    log_json: bool = Field(default=True, validation_alias=AliasChoices("HARUUL_LOG_JSON"))
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", validation_alias=AliasChoices("HARUUL_LOG_LEVEL")
    )

    @model_validator(mode="after")
    def _kafka_settings_hold_together(self) -> ServiceSettings:
        self.kafka  # noqa: B018 - validates the combination, naming the variables
        return self

    @property
    def kafka(self) -> KafkaSettings:
        return KafkaSettings(
            bootstrap_servers=self.kafka_bootstrap_servers,
            security_protocol=self.kafka_security_protocol,
            sasl_mechanism=self.kafka_sasl_mechanism,
            sasl_username=self.kafka_sasl_username,
            sasl_password=self.kafka_sasl_password,
            ssl_ca_file=self.kafka_ssl_ca_file,
            ssl_cert_file=self.kafka_ssl_cert_file,
            ssl_key_file=self.kafka_ssl_key_file,
        )

    @field_validator("reports_keys", "risk_events_keys")
    @classmethod
    def _a_valid_key_ring(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value():
            KeyRing.parse(value.get_secret_value())  # raises with the entry, never the key
        return value or None

    @model_validator(mode="after")
    def _key_rings_in_production(self) -> ServiceSettings:
        for name in self.key_rings_required:
            if self.is_production and getattr(self, name) is None:
                raise ValueError(
                    f"HARUUL_{name.upper()} must be set when HARUUL_ENV=production:"
                    " personal data is never written to Kafka in the clear"
                )
        return self

    def sealer(self, topic: Topic) -> Sealer | None:
        """Seals and opens `topic`'s payloads, when this service was given its key ring."""
        ring = {REPORTS.name: self.reports_keys, RISK_EVENTS.name: self.risk_events_keys}.get(
            topic.name
        )
        if ring is None:
            return None
        return Sealer(KeyRing.parse(ring.get_secret_value()), topic.name, topic.sealed_fields)

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
            message = item["msg"].removeprefix("Value error, ")
            if item["loc"]:
                message = f"{_env_name(settings_class, str(item['loc'][0]))}: {message}"
            problems.append(message)  # a check across fields names its variables itself
        raise SettingsError("invalid settings — " + "; ".join(problems)) from None
