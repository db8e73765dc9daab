"""Integration keys are stored as digests and matched to their integration."""

from __future__ import annotations

from pathlib import Path

import pytest

from haruul_intake.api_keys import ApiKeyFileError, load_key_ring, new_key, write_key_file


def test_a_written_key_authenticates_as_its_integration_and_is_not_stored(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    key_a, key_b = new_key(), new_key()
    write_key_file(keys, "hotline", key_a)
    write_key_file(keys, "webform", key_b)
    ring = load_key_ring(keys)
    assert ring.authenticate(key_a) == "hotline"
    assert ring.authenticate(key_b) == "webform"
    assert ring.authenticate("hrl_guess") is None
    assert key_a not in keys.read_text()


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text("# comment\nhotline plaintext-key\n")
    with pytest.raises(ApiKeyFileError, match=r"keys:2: expected"):
        load_key_ring(keys)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ApiKeyFileError, match="cannot read"):
        load_key_ring(tmp_path / "absent")
