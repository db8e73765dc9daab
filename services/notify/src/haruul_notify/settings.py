"""Notify's settings (env prefix `HARUUL_NOTIFY_`), validated once at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from haruul_common.settings import ServiceSettings


class NotifySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_NOTIFY_", extra="ignore", populate_by_name=True
    )

    group_id: str = "haruul-notify"
    roster_file: Path = Path("infra/local/roster.yaml")
    # Risk events at or above this level page someone.
    alert_level: Literal["low", "medium", "high", "critical"] = "high"
    ledger_db: Path = Path("var/notify.db")
    gateway_target: str = "127.0.0.1:50051"
    deliver_deadline_s: float = Field(default=5.0, gt=0)
    deliver_attempts: int = Field(default=5, ge=1, le=20)
    deliver_backoff_s: float = Field(default=0.2, ge=0)
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9103, ge=0, le=65535)
