"""Optional HMAC signing of requests, for webhook-style integrations.

An integration with a signing secret sends two more headers, and intake refuses the request
unless both are right:

    X-Haruul-Timestamp: 1767225600                      (Unix seconds, when it was signed)
    X-Haruul-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body bytes>")>

The timestamp must be within `window_s` of intake's clock, either way, and a signature is good
once inside that window. The signature is checked before the timestamp and the replay memory,
so only a holder of the secret learns about intake's clock or what it has seen.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from haruul_intake.seen_signatures import SeenSignatures
from haruul_intake.signing_secrets import SigningSecrets

TIMESTAMP_HEADER = "X-Haruul-Timestamp"
SIGNATURE_HEADER = "X-Haruul-Signature"
_SCHEME = "sha256="
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"sha256=[0-9a-f]{64}")


def signature(secret: str | bytes, timestamp: str, body: bytes) -> str:
    """The `X-Haruul-Signature` value for `body` signed at `timestamp` (what a client sends)."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    signed = timestamp.encode("ascii") + b"." + body
    return _SCHEME + hmac.new(key, signed, hashlib.sha256).hexdigest()


class SignatureProblem(StrEnum):
    """Why a signed request is refused; each value is the error code of its 401."""

    MISSING = "signature_missing"
    INVALID = "signature_invalid"
    STALE = "timestamp_stale"
    REPLAYED = "signature_replayed"


@dataclass(frozen=True)
class SignatureClaim:
    """A signature accepted and remembered; released if the request is refused after all."""

    integration_id: str
    signature: str


class SignatureCheck:
    def __init__(
        self,
        secrets: SigningSecrets,
        window_s: int,
        seen: SeenSignatures,
        clock: Callable[[], datetime],
    ) -> None:
        self._secrets = secrets
        self.window_s = window_s
        self._seen = seen
        self._clock = clock

    def required_for(self, integration_id: str) -> bool:
        return integration_id in self._secrets

    def verify(
        self, integration_id: str, timestamp: str | None, presented: str | None, body: bytes
    ) -> SignatureClaim | SignatureProblem:
        if not timestamp or not presented:
            return SignatureProblem.MISSING
        timestamp, presented = timestamp.strip(), presented.strip().lower()
        if _TIMESTAMP.fullmatch(timestamp) is None or _SIGNATURE.fullmatch(presented) is None:
            return SignatureProblem.INVALID
        matches = False
        for secret in self._secrets.get(integration_id, ()):
            # Compare with every secret so timing does not reveal which one matched.
            matches |= hmac.compare_digest(signature(secret, timestamp, body), presented)
        if not matches:
            return SignatureProblem.INVALID
        now = int(self._clock().timestamp())
        signed_at = int(timestamp)
        if abs(now - signed_at) > self.window_s:
            return SignatureProblem.STALE
        if not self._seen.claim(integration_id, presented, signed_at + self.window_s, now):
            return SignatureProblem.REPLAYED
        return SignatureClaim(integration_id, presented)

    def release(self, claim: SignatureClaim) -> None:
        self._seen.release(claim.integration_id, claim.signature)

    def close(self) -> None:
        self._seen.close()
