"""`haruul keys`: fresh secrets for the three kinds of key an operator hands out or rotates.

Each prints what goes where, once: the secret is shown here and nowhere else (intake keeps
only the integration key's digest).
"""

from __future__ import annotations

from typing import TextIO

from haruul_common.sealing import new_key_text
from haruul_intake.api_keys import digest, new_key
from haruul_intake.signing_secrets import new_secret


def integration_key(integration_id: str, out: TextIO) -> None:
    key = new_key()
    out.write(
        f"key (give it to the integration, once): {key}\n"
        f"line for HARUUL_INTAKE_API_KEYS_FILE:   {integration_id} {digest(key)}\n"
    )


def signing_secret(integration_id: str, out: TextIO) -> None:
    out.write(
        "line for HARUUL_INTAKE_SIGNING_SECRETS_FILE (mode 0600), and for the integration:\n"
        f"{integration_id} {new_secret()}\n"
    )


def sealing_key(key_id: str, out: TextIO) -> None:
    out.write(
        "entry to put first in HARUUL_REPORTS_KEYS or HARUUL_RISK_EVENTS_KEYS"
        " (keep the old entries after it until their messages have expired):\n"
        f"{new_key_text(key_id)}\n"
    )
