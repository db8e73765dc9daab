"""Scoring's settings (env prefix `HARUUL_SCORING_`), validated once at start-up."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from haruul_common.kafka import DEFAULT_BATCH_SIZE
from haruul_common.settings import ServiceSettings
from haruul_common.state_db import StateLocation

DEVELOPMENT_CONTACT_HASH_KEY = "haruul-development-contact-hash-key"


class ScoringSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="HARUUL_SCORING_", extra="ignore", populate_by_name=True
    )
    key_rings_required = ("reports_keys", "risk_events_keys")

    group_id: str = "haruul-scoring"
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9102, ge=0, le=65535)
    # The case index (SQLite); survives restarts. Several instances: one shared database.
    case_db: StateLocation = Path("var/scoring-cases.db")
    # Secret key for hashing contacts in the case index. Changing it starts a new index.
    contact_hash_key: SecretStr = SecretStr(DEVELOPMENT_CONTACT_HASH_KEY)
    # Reports read per poll and handled together; their offsets are committed once, after all.
    batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=10_000)

    @model_validator(mode="after")
    def _real_key_in_production(self) -> ScoringSettings:
        if self.is_production and (
            self.contact_hash_key.get_secret_value() == DEVELOPMENT_CONTACT_HASH_KEY
            or len(self.contact_hash_key.get_secret_value()) < 32
        ):
            raise ValueError(
                "HARUUL_SCORING_CONTACT_HASH_KEY must be set to a secret of 32+ characters"
                " when HARUUL_ENV=production"
            )
        return self
