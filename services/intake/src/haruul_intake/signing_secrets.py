"""Signing secrets of the integrations that sign their requests (webhook style).

One secret a line; several lines for one integration are allowed, so a secret can be rotated
without a gap (a signature under any of them is good):

    # comment
    partner-webhook <secret: 32 or more characters, no white space>

HMAC needs the secret itself, so, unlike the keys file, this file holds secrets in a
recoverable form: it is kept apart from the keys file and must be readable by its owner only
(mode 0600 or stricter), or intake refuses to start. Every integration named must have a key in
the keys file; an integration with no line here sends unsigned requests, as before.
"""

from __future__ import annotations

import secrets
import stat
from collections.abc import Mapping, Set
from pathlib import Path

MIN_SECRET_CHARS = 32

SigningSecrets = Mapping[str, tuple[bytes, ...]]  # integration id -> its secrets


class SigningSecretsFileError(ValueError):
    """The secrets file is unreadable, too open, or a line is malformed; names file and line."""


def new_secret() -> str:
    return "hrs_" + secrets.token_urlsafe(32)


def load_signing_secrets(path: Path, known_integrations: Set[str]) -> SigningSecrets:
    try:
        mode = path.stat().st_mode
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        raise SigningSecretsFileError(f"{path}: cannot read signing secrets ({reason})") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SigningSecretsFileError(
            f"{path}: holds secrets but is open to others (mode {stat.S_IMODE(mode):04o});"
            " make it readable by its owner only: chmod 600"
        )
    found: dict[str, list[bytes]] = {}
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        # The message never quotes the line: it holds a secret.
        if len(parts) != 2 or len(parts[1]) < MIN_SECRET_CHARS:
            raise SigningSecretsFileError(
                f"{path}:{number}: expected '<integration-id> <secret of at least"
                f" {MIN_SECRET_CHARS} characters>'"
            )
        integration_id, secret = parts
        if integration_id not in known_integrations:
            raise SigningSecretsFileError(
                f"{path}:{number}: integration '{integration_id}' has no key in the keys file"
            )
        found.setdefault(integration_id, []).append(secret.encode("utf-8"))
    return {integration_id: tuple(values) for integration_id, values in found.items()}


def write_signing_secret(path: Path, integration_id: str, secret: str) -> None:
    """Append one integration's signing secret, creating the file readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    with path.open("a", encoding="utf-8") as secrets_file:
        secrets_file.write(f"{integration_id} {secret}\n")
