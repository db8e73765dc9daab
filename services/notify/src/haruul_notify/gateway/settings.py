"""The delivery gateway's settings (env prefix `HARUUL_GATEWAY_`), validated at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from haruul_common.settings import ServiceSettings
from haruul_common.state_db import StateLocation
from haruul_common.tls_files import check_certificate, check_mutual_tls


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_GATEWAY_", extra="ignore", populate_by_name=True
    )

    host: str = "127.0.0.1"
    port: int = Field(default=50051, ge=0, le=65535)
    receipts_db: StateLocation = Path("var/gateway.db")
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=2525, ge=1, le=65535)
    smtp_starttls: bool = False
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_timeout_s: float = Field(default=10.0, gt=0)
    smtp_ca_file: Path | None = None
    # SMTP connections kept open and reused, each carrying one e-mail at a time: with a relay
    # far away this bounds the e-mails per second (relays also cap connections per client).
    smtp_connections: int = Field(default=8, ge=1, le=64)
    email_from: str = "haruul-alerts@localhost"
    # `file` writes each SMS as JSON under sms_outbox_dir (local runs only); `kannel` sends
    # through Kannel's HTTP sendsms interface.
    sms_adapter: Literal["file", "kannel"] = "file"
    sms_outbox_dir: Path = Path("var/outbox/sms")
    kannel_url: str = "http://127.0.0.1:13013"
    kannel_username: str = "haruul"
    kannel_password: SecretStr | None = None
    kannel_timeout_s: float = Field(default=10.0, gt=0)
    kannel_dlr_url: str | None = None
    sms_sender: str = "1903"
    # Keep equal to Kannel's sendsms-user max-messages, or Kannel cuts long texts silently.
    sms_max_segments: int = Field(default=10, ge=1, le=255)
    # HTTP for the SMS channel's delivery reports (set kannel_dlr_url to
    # http://HOST:PORT/v1/sms/dlr?token=CALLBACK_TOKEN); port 0 picks a free one.
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8082, ge=0, le=65535)
    callback_token: SecretStr = SecretStr("haruul-development-callback-token")
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9104, ge=0, le=65535)
    # Mutual TLS for the gRPC listener: the gateway's certificate and key, and the CA that
    # signs its callers' certificates (notify's). All three, or none (plaintext on loopback).
    tls_cert_file: Path | None = None
    tls_key_file: Path | None = None
    tls_client_ca_file: Path | None = None

    @field_validator("tls_cert_file", "tls_client_ca_file")
    @classmethod
    def _certificates(cls, path: Path | None) -> Path | None:
        return None if path is None else check_certificate(path)

    @model_validator(mode="after")
    def _all_of_mutual_tls_or_none(self) -> GatewaySettings:
        check_mutual_tls(
            {
                "HARUUL_GATEWAY_TLS_CERT_FILE": self.tls_cert_file,
                "HARUUL_GATEWAY_TLS_KEY_FILE": self.tls_key_file,
                "HARUUL_GATEWAY_TLS_CLIENT_CA_FILE": self.tls_client_ca_file,
            },
            "HARUUL_GATEWAY_TLS_CERT_FILE",
            "HARUUL_GATEWAY_TLS_KEY_FILE",
        )
        return self

    @model_validator(mode="after")
    def _no_dev_sinks_in_production(self) -> GatewaySettings:
        if self.is_production and self.sms_adapter == "file":
            raise ValueError(
                "HARUUL_GATEWAY_SMS_ADAPTER=file is a development sink and is refused"
                " when HARUUL_ENV=production"
            )
        if self.sms_adapter == "kannel" and self.kannel_password is None:
            raise ValueError("HARUUL_GATEWAY_KANNEL_PASSWORD is required with SMS_ADAPTER=kannel")
        return self
