"""The signing secrets file: readable by its owner only, one secret a line, errors by line
that never quote a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from haruul_intake.signing_secrets import (
    SigningSecretsFileError,
    load_signing_secrets,
    new_secret,
    write_signing_secret,
)

KNOWN = {"partner-webhook", "hotline-1903"}


def test_written_secrets_load_per_integration_with_rotation(tmp_path: Path) -> None:
    path = tmp_path / "signing-secrets"
    first, second = new_secret(), new_secret()
    write_signing_secret(path, "partner-webhook", first)
    write_signing_secret(path, "partner-webhook", second)
    assert path.stat().st_mode & 0o777 == 0o600
    secrets = load_signing_secrets(path, KNOWN)
    assert secrets == {"partner-webhook": (first.encode(), second.encode())}


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644])
def test_a_file_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "signing-secrets"
    write_signing_secret(path, "partner-webhook", new_secret())
    path.chmod(mode)
    with pytest.raises(SigningSecretsFileError, match=rf"mode 0{mode:o}.*chmod 600"):
        load_signing_secrets(path, KNOWN)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("partner-webhook", "expected '<integration-id> <secret of at least 32 characters>'"),
        ("partner-webhook tooshort-but-secret", "expected"),
        ("partner-webhook " + "a" * 40 + " extra", "expected"),
        ("unknown-partner " + "a" * 40, "integration 'unknown-partner' has no key"),
    ],
)
def test_a_bad_line_is_named_without_its_secret(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "signing-secrets"
    write_signing_secret(path, "hotline-1903", new_secret())
    with path.open("a") as handle:
        handle.write(f"# rotated on 1 March\n{line}\n")
    with pytest.raises(SigningSecretsFileError, match=rf"signing-secrets:3: {problem}") as raised:
        load_signing_secrets(path, KNOWN)
    assert "a" * 40 not in str(raised.value)
    assert "tooshort-but-secret" not in str(raised.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SigningSecretsFileError, match="absent: cannot read signing secrets"):
        load_signing_secrets(tmp_path / "absent", KNOWN)
