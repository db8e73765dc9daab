"""Intake's settings (env prefix `HARUUL_INTAKE_`), validated once at start-up."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import SettingsConfigDict

from haruul_common.settings import ServiceSettings
from haruul_common.state_db import StateLocation
from haruul_common.tls_files import check_certificate, check_key_pair
from haruul_intake.rate_limit import DEFAULT_BURST, DEFAULT_RATE_PER_S

_CERT_ENV = "HARUUL_INTAKE_TLS_CERT_FILE"


class IntakeSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_INTAKE_", extra="ignore", populate_by_name=True
    )
    key_rings_required = ("reports_keys",)

    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    # One key a line: `<integration-id> sha256:<hex digest of the key>`, `revoked` after it
    # for a key that is refused (see api_keys).
    api_keys_file: Path = Path("var/intake-api-keys")
    # Idempotency keys, used request signatures: they survive restarts here.
    state_db: StateLocation = Path("var/intake.db")
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    # Worker processes serving the port; more than one to use more than one core (one a core is
    # the usual choice). Rate limits and /metrics stay per intake, shared by its workers.
    workers: int = Field(default=1, ge=1, le=64)
    publish_timeout_s: float = Field(default=10.0, gt=0)
    # Each integration has its own token bucket: `burst` reports at once, refilled at `per_s`.
    rate_limit_per_s: float = Field(default=DEFAULT_RATE_PER_S, gt=0)
    rate_limit_burst: int = Field(default=DEFAULT_BURST, ge=1)
    # Optional: `<integration-id> <secret>` lines, mode 0600, for integrations that sign their
    # requests (see signing_secrets); the others are unaffected.
    signing_secrets_file: Path | None = None
    # How far a signed request's timestamp may be from intake's clock, either way.
    signature_window_s: int = Field(default=300, ge=1, le=3600)
    # Optional TLS for the listener: a PEM certificate (chain) and its key, both or neither.
    tls_cert_file: Path | None = None
    tls_key_file: Path | None = Field(default=None, validate_default=True)

    @field_validator("tls_cert_file")
    @classmethod
    def _certificate(cls, path: Path | None) -> Path | None:
        return None if path is None else check_certificate(path)

    @field_validator("tls_key_file")
    @classmethod
    def _key(cls, path: Path | None, info: ValidationInfo) -> Path | None:
        if "tls_cert_file" not in info.data:
            return path  # the certificate is already named as invalid
        certificate = info.data["tls_cert_file"]
        if certificate is None and path is None:
            return None
        if certificate is None:
            raise ValueError(f"set {_CERT_ENV} too, or neither")
        if path is None:
            raise ValueError(f"required when {_CERT_ENV} is set")
        return check_key_pair(certificate, path)
