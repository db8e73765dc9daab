"""`haruul keys` hands out secrets that the services accept, and never the same one twice."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from haruul_common.sealing import KeyRing
from haruul_intake.api_keys import load_key_ring
from haruul_intake.signing_secrets import load_signing_secrets
from haruul_platform.keys_command import integration_key, sealing_key, signing_secret


def _lines(make: Callable[[str, TextIO], None], identifier: str) -> list[str]:
    out = io.StringIO()
    make(identifier, out)
    return out.getvalue().splitlines()


def test_an_integration_key_is_accepted_by_the_digest_line_printed_with_it(
    tmp_path: Path,
) -> None:
    shown, line = _lines(integration_key, "hotline-1903")
    key = shown.rsplit(" ", 1)[1]
    keys_file = tmp_path / "keys"
    keys_file.write_text(line.split(":", 1)[1].strip() + "\n")
    owner = load_key_ring(keys_file).authenticate(key)
    assert owner is not None
    assert (owner.integration_id, owner.revoked) == ("hotline-1903", False)


def test_a_signing_secret_line_loads_for_its_integration(tmp_path: Path) -> None:
    line = _lines(signing_secret, "hotline-1903")[-1]
    secrets_file = tmp_path / "signing"
    secrets_file.write_text(line + "\n")
    secrets_file.chmod(0o600)
    assert load_signing_secrets(secrets_file, {"hotline-1903"})


def test_sealing_entries_form_a_key_ring_and_differ_each_time() -> None:
    first = _lines(sealing_key, "k2")[-1]
    second = _lines(sealing_key, "k1")[-1]
    ring = KeyRing.parse(f"{first},{second}")
    assert ring.current == "k2"
    assert ring.keys["k2"] != ring.keys["k1"]
