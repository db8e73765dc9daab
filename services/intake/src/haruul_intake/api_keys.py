"""Integration keys: each hotline system or form presents its own bearer key.

Only SHA-256 digests of keys are stored; a presented key is hashed and compared in constant
time. The `dev-local` integration exists only for local runs and is refused in production.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

DEV_INTEGRATION_ID = "dev-local"
_DIGEST_PREFIX = "sha256:"


class ApiKeyFileError(ValueError):
    """The keys file is unreadable or a line is malformed; the message names file and line."""


def digest(key: str) -> str:
    return _DIGEST_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return "hrl_" + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class KeyRing:
    """Digests of the accepted keys, each mapped to the integration that owns it."""

    digests: tuple[tuple[str, str], ...]  # (digest, integration_id)

    def authenticate(self, presented_key: str) -> str | None:
        """The integration id that owns `presented_key`, or None."""
        presented = digest(presented_key)
        owner: str | None = None
        for stored, integration_id in self.digests:
            # Compare with every entry so timing does not reveal which one matched.
            if hmac.compare_digest(stored, presented):
                owner = integration_id
        return owner

    def integration_ids(self) -> set[str]:
        return {integration_id for _, integration_id in self.digests}


def load_key_ring(path: Path) -> KeyRing:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ApiKeyFileError(f"{path}: cannot read integration keys ({error.strerror})") from None
    entries: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        if len(parts) != 2 or not parts[1].startswith(_DIGEST_PREFIX) or len(parts[1]) != 71:
            raise ApiKeyFileError(
                f"{path}:{number}: expected '<integration-id> sha256:<64 hex digits>'"
            )
        entries.append((parts[1], parts[0]))
    if not entries:
        raise ApiKeyFileError(f"{path}: no integration keys")
    return KeyRing(digests=tuple(entries))


def write_key_file(path: Path, integration_id: str, key: str) -> None:
    """Append one integration's key digest to a keys file (used by the local launcher)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as keys_file:
        keys_file.write(f"{integration_id} {digest(key)}\n")
