"""TLS certificate, key and CA files, checked at start-up (intake's listener, the gateway).

Both are PEM files. The certificate file may hold the chain after the server's certificate; the
key must not be encrypted (a service cannot answer a password prompt). Each check raises
`ValueError` for the settings to name the setting it belongs to; like every settings error,
the message quotes neither the value nor the file's contents.
"""

from __future__ import annotations

import ssl
from pathlib import Path


def check_readable(path: Path) -> Path:
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as error:
        raise ValueError(f"cannot read the file ({error.strerror})") from None
    return path


def check_certificate(path: Path) -> Path:
    check_readable(path)
    try:
        ssl.create_default_context().load_verify_locations(cafile=str(path))
    except ssl.SSLError:
        raise ValueError("the file holds no PEM certificate") from None
    return path


def check_key_pair(certificate: Path, key: Path) -> Path:
    check_readable(key)
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(
            str(certificate), str(key), password=_refuse_encrypted_key
        )
    except _EncryptedKey:
        raise ValueError("the key is encrypted; the service needs it unencrypted") from None
    except ssl.SSLError:
        raise ValueError("not the PEM private key of the certificate") from None
    return key


class _EncryptedKey(Exception):
    pass


def _refuse_encrypted_key() -> bytes:
    # Without a password callback OpenSSL would prompt on the terminal and hang the start.
    raise _EncryptedKey


def check_mutual_tls(files: dict[str, Path | None], certificate_env: str, key_env: str) -> None:
    """The files of one mutual-TLS setup (env name -> path): all set or none, and the key
    that of the certificate. Raises naming the variables."""
    if any(files.values()) and not all(files.values()):
        names = list(files)
        raise ValueError(f"set {', '.join(names[:-1])} and {names[-1]} together, or none of them")
    certificate, key = files[certificate_env], files[key_env]
    if certificate and key:
        try:
            check_key_pair(certificate, key)
        except ValueError as error:
            raise ValueError(f"{key_env}: {error}") from None
