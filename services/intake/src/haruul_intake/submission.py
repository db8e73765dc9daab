"""The report a hotline system or form submits: `POST /v1/reports`.

Field limits are generous for real narratives but bounded, so a single report cannot exhaust
memory downstream. Unknown fields are refused, at every level, so a misspelt field is an error
rather than silently lost. No text may contain NUL, which PostgreSQL cannot store.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from haruul_common.events import Contact, Relation, ReportChannel

# What the validators below enforce, declared in the OpenAPI document (and so to generators).
_NO_NUL: dict[str, Any] = {"pattern": r"^[^\x00]*$"}
# Exactly the characters `str.isspace` (and so `str.strip`) treats as white space.
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NOT_BLANK_NO_NUL: dict[str, Any] = {"pattern": rf"^[^\x00]*[^\x00{_SPACE}][^\x00]*$"}


def _without_nul(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class ContactSubmission(Contact):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = Field(default=None, max_length=200, json_schema_extra=_NO_NUL)
    phone: str | None = Field(default=None, max_length=40, json_schema_extra=_NO_NUL)
    email: str | None = Field(default=None, max_length=254, json_schema_extra=_NO_NUL)

    @field_validator("name", "phone", "email")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        return _without_nul(value)


class ReportSubmission(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(
        min_length=1,
        max_length=20_000,
        description="The narrative, as told.",
        json_schema_extra=_NOT_BLANK_NO_NUL,
    )
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47, e.g. mn, en"
    )
    channel: ReportChannel | None = None
    relation: Relation | None = Field(default=None, description="Reporter's relation to subject")
    destination_country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, e.g. KH, MM"
    )
    external_id: str | None = Field(
        default=None, min_length=1, max_length=128, json_schema_extra=_NO_NUL
    )
    reporter: ContactSubmission | None = None
    subject: ContactSubmission | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("must not be blank")
        return text

    @field_validator("text", "external_id")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        return _without_nul(value)
