"""Who may submit a report: decided in this order, before the report itself is judged.

  401 `unauthorized`: no bearer key, or a key intake does not know;
  401 `key_revoked`: the key is marked revoked in the keys file;
  429 `rate_limited`, with `Retry-After`: the integration's token bucket is empty;
  401 `signature_missing`, `signature_invalid`, `timestamp_stale`, `signature_replayed`:
      only for an integration with a signing secret (see `request_signing`).

The rate is taken before the signature is checked, so a flood of badly signed requests is
throttled too, and a request refused for its rate has not spent its signature. A good
signature is noted on the request (`signature_claim`): the app's refusal handlers give it back,
so a request refused after it (invalid fields, a conflict, the broker down) may be sent again
as it was. No answer says which integration a key belongs to; log lines name the integration,
never the key.
"""

# No `from __future__ import annotations`: FastAPI must resolve the dependency's annotations.

import math
from collections.abc import Awaitable, Callable
from typing import Annotated

import structlog
from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from haruul_intake.api_keys import KeyRing
from haruul_intake.errors import Refused
from haruul_intake.rate_limit import Admission
from haruul_intake.request_signing import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureCheck,
    SignatureClaim,
    SignatureProblem,
)

log = structlog.get_logger("haruul_intake")

_SIGNATURE_MESSAGES = {
    SignatureProblem.MISSING: f"this integration signs its requests: send {TIMESTAMP_HEADER}"
    f" and {SIGNATURE_HEADER}",
    SignatureProblem.INVALID: f"{SIGNATURE_HEADER} is not 'sha256=<hex HMAC-SHA256 of"
    " \"<timestamp>.<body>\">' under this integration's signing secret",
    SignatureProblem.STALE: f"{TIMESTAMP_HEADER} is outside the accepted window; sign again"
    " with the current time",
    SignatureProblem.REPLAYED: "this signature was already used; sign each request anew",
}


def signature_claim(request: Request) -> SignatureClaim | None:
    """The signature this request spent, if it was signed and its signature was good."""
    claim: SignatureClaim | None = getattr(request.state, "signature_claim", None)
    return claim


def integration_dependency(
    key_ring: KeyRing, rate_limiter: Admission, signatures: SignatureCheck | None
) -> Callable[..., Awaitable[str]]:
    """A FastAPI dependency that returns the id of the integration a request comes from.

    A plain function, not a generator: FastAPI's exit stack for a generator dependency cost
    about a tenth of intake's CPU a request (BENCHMARKS.md)."""
    bearer = HTTPBearer(
        auto_error=False, description="The integration's key: `Authorization: Bearer <key>`."
    )

    async def integration(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        timestamp: Annotated[
            str | None,
            Header(
                alias=TIMESTAMP_HEADER,
                description="Unix seconds when the request was signed; required, with"
                f" {SIGNATURE_HEADER}, from integrations that have a signing secret.",
            ),
        ] = None,
        presented_signature: Annotated[
            str | None,
            Header(
                alias=SIGNATURE_HEADER,
                description="`sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>`"
                " under the integration's signing secret.",
            ),
        ] = None,
    ) -> str:
        owner = key_ring.authenticate(credentials.credentials.strip()) if credentials else None
        if owner is None:
            raise Refused(
                401,
                "unauthorized",
                "send 'Authorization: Bearer <integration key>' with a valid key",
                "unauthorized",
                {"WWW-Authenticate": "Bearer"},
            )
        integration_id = owner.integration_id
        if owner.revoked:
            log.warning("revoked_key_used", integration_id=integration_id)
            raise Refused(
                401,
                "key_revoked",
                "this integration key has been revoked; ask for a new one",
                "revoked",
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        wait_s = rate_limiter.admit(integration_id)
        if wait_s is not None:
            raise Refused(
                429,
                "rate_limited",
                "too many reports from this integration; retry after Retry-After seconds",
                "rate_limited",
                {"Retry-After": str(max(1, math.ceil(wait_s)))},
            )
        if signatures is None or not signatures.required_for(integration_id):
            return integration_id
        verdict = signatures.verify(
            integration_id, timestamp, presented_signature, await request.body()
        )
        if isinstance(verdict, SignatureProblem):
            log.warning("signature_refused", integration_id=integration_id, problem=verdict.value)
            raise Refused(401, verdict.value, _SIGNATURE_MESSAGES[verdict], "bad_signature")
        request.state.signature_claim = verdict
        return integration_id

    return integration
