"""Self-signed certificates for TLS tests, made with the `openssl` command."""

from __future__ import annotations

import subprocess
from pathlib import Path


def self_signed_certificate(directory: Path, name: str = "server") -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, valid for a day, and its unencrypted key."""
    certificate, key = directory / f"{name}-cert.pem", directory / f"{name}-key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


def encrypted_copy(key: Path, passphrase: str) -> Path:
    """The same private key, encrypted under `passphrase` (AES-256)."""
    encrypted = key.with_name(key.stem + "-encrypted.pem")
    subprocess.run(
        [
            "openssl",
            "pkey",
            "-in",
            str(key),
            "-aes256",
            "-passout",
            f"pass:{passphrase}",
            "-out",
            str(encrypted),
        ],
        check=True,
        capture_output=True,
    )
    return encrypted
