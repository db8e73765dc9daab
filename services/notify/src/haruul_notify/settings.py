"""Notify's settings (env prefix `HARUUL_NOTIFY_`), validated once at start-up."""

from __future__ import annotations

from pathlib import Path

import grpc
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from haruul_common.kafka import DEFAULT_BATCH_SIZE
from haruul_common.settings import ServiceSettings
from haruul_common.state_db import StateLocation
from haruul_common.tls_files import check_certificate, check_mutual_tls

# Refused in production (see the validator below): local runs only.
DEVELOPMENT_SECRET = "haruul-development-notify-secret"  # noqa: S105


class NotifySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_NOTIFY_", extra="ignore", populate_by_name=True
    )
    key_rings_required = ("risk_events_keys",)

    group_id: str = "haruul-notify"
    # Desks, staff, rotations, escalation, quiet hours, silences; reloaded on SIGHUP.
    routing_file: Path = Path("infra/local/routing.yaml")
    alert_db: StateLocation = Path("var/notify-alerts.db")
    ledger_db: StateLocation = Path("var/notify.db")
    gateway_target: str = "127.0.0.1:50051"
    # Mutual TLS to the gateway: the CA that signed the gateway's certificate, and notify's own
    # client certificate and key. All three, or none (plaintext on loopback).
    gateway_tls_ca_file: Path | None = None
    gateway_tls_cert_file: Path | None = None
    gateway_tls_key_file: Path | None = None
    deliver_deadline_s: float = Field(default=5.0, gt=0)
    deliver_attempts: int = Field(default=5, ge=1, le=20)
    deliver_backoff_s: float = Field(default=0.2, ge=0)
    # How often due escalation steps are looked for.
    tick_s: float = Field(default=1.0, gt=0, le=60)
    # At most SMS_LIMIT SMS per person in SMS_WINDOW_S; more are bundled into one, never dropped.
    sms_limit: int = Field(default=6, ge=1)
    sms_window_s: int = Field(default=600, ge=1)
    # A delivery that failed this many times goes out on the other channel instead.
    fallback_after_failures: int = Field(default=3, ge=1, le=100)
    # Several instances may share ALERT_DB and LEDGER_DB (postgresql:// URLs): each claims an
    # escalation step for CLAIM_LEASE_S before firing it. INSTANCE_ID names the claims (unique
    # per process when empty; a stable name lets a restarted instance resume its own at once).
    instance_id: str = ""
    claim_lease_s: float = Field(default=60.0, ge=5, le=3600)
    # Risk events read per poll and handled together; their offsets are committed once, after.
    batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=10_000)
    # Alerts whose due steps are delivered at once (each alert's own steps stay in order).
    fire_concurrency: int = Field(default=32, ge=1, le=1000)
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9103, ge=0, le=65535)
    # The alert desk (gRPC) for staff tools and `haruul alerts`.
    desk_host: str = "127.0.0.1"
    desk_port: int = Field(default=50052, ge=0, le=65535)
    # HTTP for the links in alert e-mails and for Kannel's inbound-SMS callback.
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8081, ge=0, le=65535)
    public_url: str = "http://127.0.0.1:8081"
    # Signs acknowledgement links and authenticates the SMS gateway's callbacks.
    secret: SecretStr = SecretStr(DEVELOPMENT_SECRET)
    ack_link_ttl_s: int = Field(default=24 * 3600, ge=60)

    @field_validator("gateway_tls_ca_file", "gateway_tls_cert_file")
    @classmethod
    def _certificates(cls, path: Path | None) -> Path | None:
        return None if path is None else check_certificate(path)

    @model_validator(mode="after")
    def _all_of_mutual_tls_or_none(self) -> NotifySettings:
        check_mutual_tls(
            {
                "HARUUL_NOTIFY_GATEWAY_TLS_CA_FILE": self.gateway_tls_ca_file,
                "HARUUL_NOTIFY_GATEWAY_TLS_CERT_FILE": self.gateway_tls_cert_file,
                "HARUUL_NOTIFY_GATEWAY_TLS_KEY_FILE": self.gateway_tls_key_file,
            },
            "HARUUL_NOTIFY_GATEWAY_TLS_CERT_FILE",
            "HARUUL_NOTIFY_GATEWAY_TLS_KEY_FILE",
        )
        return self

    def gateway_credentials(self) -> grpc.ChannelCredentials | None:
        if not (
            self.gateway_tls_ca_file and self.gateway_tls_cert_file and self.gateway_tls_key_file
        ):
            return None
        return grpc.ssl_channel_credentials(
            root_certificates=self.gateway_tls_ca_file.read_bytes(),
            private_key=self.gateway_tls_key_file.read_bytes(),
            certificate_chain=self.gateway_tls_cert_file.read_bytes(),
        )

    @model_validator(mode="after")
    def _real_secret_in_production(self) -> NotifySettings:
        value = self.secret.get_secret_value()
        if self.is_production and (value == DEVELOPMENT_SECRET or len(value) < 32):
            raise ValueError(
                "HARUUL_NOTIFY_SECRET must be set to a secret of 32+ characters"
                " when HARUUL_ENV=production"
            )
        return self
