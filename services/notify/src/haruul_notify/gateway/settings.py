"""The delivery gateway's settings (env prefix `HARUUL_GATEWAY_`), validated at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from haruul_common.settings import ServiceSettings


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_GATEWAY_", extra="ignore", populate_by_name=True
    )

    host: str = "127.0.0.1"
    port: int = Field(default=50051, ge=0, le=65535)
    receipts_db: Path = Path("var/gateway.db")
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=2525, ge=1, le=65535)
    smtp_starttls: bool = False
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_timeout_s: float = Field(default=10.0, gt=0)
    email_from: str = "haruul-alerts@localhost"
    # `file` writes each SMS as JSON under sms_outbox_dir: for local runs only.
    sms_adapter: Literal["file"] = "file"
    sms_outbox_dir: Path = Path("var/outbox/sms")
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9104, ge=0, le=65535)

    @model_validator(mode="after")
    def _no_dev_sinks_in_production(self) -> GatewaySettings:
        if self.is_production and self.sms_adapter == "file":
            raise ValueError(
                "HARUUL_GATEWAY_SMS_ADAPTER=file is a development sink and is refused"
                " when HARUUL_ENV=production"
            )
        return self
