"""The report a hotline system or form submits: `POST /v1/reports`.

Field limits are generous for real narratives but bounded, so a single report cannot exhaust
memory downstream.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from haruul_common.events import Contact, Relation, ReportChannel


class ReportSubmission(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1, max_length=20_000, description="The narrative, as told.")
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47, e.g. mn, en"
    )
    channel: ReportChannel | None = None
    relation: Relation | None = Field(default=None, description="Reporter's relation to subject")
    destination_country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, e.g. KH, MM"
    )
    external_id: str | None = Field(default=None, min_length=1, max_length=128)
    reporter: Contact | None = None
    subject: Contact | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("must not be blank")
        return text
