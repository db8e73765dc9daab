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


def _openssl(*argv: str) -> None:
    subprocess.run(["openssl", *argv], check=True, capture_output=True)


def certificate_authority(directory: Path, name: str = "ca") -> tuple[Path, Path]:
    """A CA certificate and its key, valid for a day."""
    certificate, key = directory / f"{name}-cert.pem", directory / f"{name}-key.pem"
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", f"/CN=Haruul test {name}",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout", str(key), "-out", str(certificate),
    )  # fmt: skip
    return certificate, key


def signed_certificate(
    directory: Path, ca: tuple[Path, Path], name: str, client: bool = False
) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1/localhost (a server's, or a client's) signed by `ca`."""
    certificate, key = directory / f"{name}-cert.pem", directory / f"{name}-key.pem"
    request, extensions = directory / f"{name}.csr", directory / f"{name}.ext"
    usage = "clientAuth" if client else "serverAuth"
    extensions.write_text(
        f"subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage={usage}\n",
        encoding="utf-8",
    )
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
        "-keyout", str(key), "-out", str(request),
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", str(request), "-CA", str(ca[0]), "-CAkey", str(ca[1]),
        "-CAcreateserial", "-days", "1", "-extfile", str(extensions), "-out", str(certificate),
    )  # fmt: skip
    return certificate, key
