"""The files intake's settings name, read and checked at start-up: a bad one stops intake with
a message naming the setting (and, from the loaders, the file and line)."""

from __future__ import annotations

from haruul_common.settings import SettingsError
from haruul_intake.api_keys import DEV_INTEGRATION_ID, ApiKeyFileError, KeyRing, load_key_ring
from haruul_intake.settings import IntakeSettings
from haruul_intake.signing_secrets import (
    SigningSecrets,
    SigningSecretsFileError,
    load_signing_secrets,
)


def key_ring(settings: IntakeSettings) -> KeyRing:
    try:
        ring = load_key_ring(settings.api_keys_file)
    except ApiKeyFileError as error:
        raise SettingsError(f"HARUUL_INTAKE_API_KEYS_FILE: {error}") from None
    if settings.is_production and DEV_INTEGRATION_ID in ring.integration_ids():
        raise SettingsError(
            f"HARUUL_INTAKE_API_KEYS_FILE: the development integration '{DEV_INTEGRATION_ID}'"
            " is refused when HARUUL_ENV=production"
        )
    return ring


def signing_secrets(settings: IntakeSettings, ring: KeyRing) -> SigningSecrets | None:
    if settings.signing_secrets_file is None:
        return None
    try:
        return load_signing_secrets(settings.signing_secrets_file, ring.integration_ids())
    except SigningSecretsFileError as error:
        raise SettingsError(f"HARUUL_INTAKE_SIGNING_SECRETS_FILE: {error}") from None
