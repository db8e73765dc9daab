"""Scoring's settings (env prefix `HARUUL_SCORING_`), validated once at start-up."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from haruul_common.settings import ServiceSettings


class ScoringSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_SCORING_", extra="ignore", populate_by_name=True
    )

    group_id: str = "haruul-scoring"
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9102, ge=0, le=65535)
