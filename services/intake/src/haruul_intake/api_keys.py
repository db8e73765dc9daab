"""Integration keys: each hotline system or form presents its own bearer key.

Only SHA-256 digests of keys are stored; a presented key is hashed and compared in constant
time. The keys file has one key a line, several lines per integration allowed (so a key can be
rotated without a gap):

    # comment
    hotline-1903 sha256:<64 hex digits>
    hotline-1903 sha256:<64 hex digits> revoked

A key marked `revoked` is refused with its own answer, so an integration that still uses it
learns why; the line stays as the record that the key once existed. A digest belongs to one
integration only. The `dev-local` integration exists only for local runs and is refused in
production.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

DEV_INTEGRATION_ID = "dev-local"
REVOKED = "revoked"
_DIGEST_PREFIX = "sha256:"
_LINE_FORMAT = "'<integration-id> sha256:<64 hex digits>' with an optional ' revoked'"
_HEX = frozenset("0123456789abcdef")


class ApiKeyFileError(ValueError):
    """The keys file is unreadable or a line is malformed; the message names file and line."""


def digest(key: str) -> str:
    return _DIGEST_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return "hrl_" + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class KeyOwner:
    """Who a presented key belongs to, and whether it may still be used."""

    integration_id: str
    revoked: bool = False


@dataclass(frozen=True)
class KeyRing:
    """Digests of the known keys, each mapped to the integration that owns it."""

    digests: tuple[tuple[str, str], ...]  # (digest, integration_id): keys in use
    revoked: frozenset[str] = frozenset()  # digests of revoked keys

    def authenticate(self, presented_key: str) -> KeyOwner | None:
        """The integration that owns `presented_key` (revoked or not), or None."""
        presented = digest(presented_key)
        owner: str | None = None
        for stored, integration_id in self.digests:
            # Compare with every entry so timing does not reveal which one matched.
            if hmac.compare_digest(stored, presented):
                owner = integration_id
        if owner is None:
            return None
        return KeyOwner(owner, revoked=presented in self.revoked)

    def integration_ids(self) -> set[str]:
        return {integration_id for _, integration_id in self.digests}


def load_key_ring(path: Path) -> KeyRing:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        raise ApiKeyFileError(f"{path}: cannot read integration keys ({reason})") from None
    owners: dict[str, tuple[str, int]] = {}  # digest -> (integration id, first line)
    revoked: set[str] = set()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        if len(parts) not in (2, 3) or not _is_digest(parts[1]):
            raise ApiKeyFileError(f"{path}:{number}: expected {_LINE_FORMAT}")
        if len(parts) == 3 and parts[2] != REVOKED:
            raise ApiKeyFileError(
                f"{path}:{number}: the only word allowed after the digest is '{REVOKED}'"
            )
        integration_id, key_digest = parts[0], parts[1]
        first = owners.setdefault(key_digest, (integration_id, number))
        if first[0] != integration_id:
            # A key is scoped to one integration: never guess which one a report came from.
            raise ApiKeyFileError(
                f"{path}:{number}: this key is already listed for another integration"
                f" on line {first[1]}"
            )
        if len(parts) == 3:
            revoked.add(key_digest)  # a revoked line wins over an active one for the same key
    if not owners:
        raise ApiKeyFileError(f"{path}: no integration keys")
    return KeyRing(
        digests=tuple((key_digest, owner) for key_digest, (owner, _) in owners.items()),
        revoked=frozenset(revoked),
    )


def _is_digest(text: str) -> bool:
    hex_part = text.removeprefix(_DIGEST_PREFIX)
    return text.startswith(_DIGEST_PREFIX) and len(hex_part) == 64 and set(hex_part) <= _HEX


def write_key_file(path: Path, integration_id: str, key: str) -> None:
    """Append one integration's key digest to a keys file (used by the local launcher)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as keys_file:
        keys_file.write(f"{integration_id} {digest(key)}\n")
